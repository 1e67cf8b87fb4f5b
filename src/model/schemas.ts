import * as z from 'zod';
import { commentarySchema } from './commentary.js';
import { configSchema } from './config.js';
import { kpiSchema } from './kpi.js';
import { outturnRowSchema } from './outturn.js';

/** The schemas published as JSON Schema files in `schemas/`, by file name. */
export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  'config.schema.json': configSchema,
  'kpi.schema.json': kpiSchema,
  'commentary.schema.json': commentarySchema,
  'outturn-row.schema.json': outturnRowSchema,
};

export function toJsonSchemaText(schema: z.ZodType): string {
  // io: 'input' so defaulted fields are optional, as an officer typing the file sees them.
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(json, null, 2)}\n`;
}
