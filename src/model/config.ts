import * as z from 'zod';
import { slug, text } from './common.js';

export const RAGG_STATUSES = ['red', 'amber', 'green', 'grey'] as const;

export const bandSchema = z
  .strictObject({
    band: z.number().min(0).describe("Width of the amber band. Relative: a fraction of the target (0.05 = 5%). Absolute: in the KPI's own unit."),
    bandType: z.enum(['relative', 'absolute']).describe('relative (a share of the target) or absolute (in the unit)'),
  })
  .describe('How far worse than target a figure may be and still be amber.');

/** What stays the same on a committee's covering report from one quarter to the next. */
export const coveringConfigSchema = z
  .strictObject({
    reportOf: text.optional().describe('Whose report it is, e.g. Assistant Director (Corporate and Contracted Services)'),
    contactOfficer: text.optional().describe('Who to ask about it: name, role and contact details'),
    portfolioHolder: text.optional().describe('The Cabinet or Portfolio Holder for this area'),
    purpose: text.optional().describe('The purpose of the report; a period commentary file may replace it'),
    referencePrefix: text.optional().describe('The start of the report reference printed on every page, e.g. HCOSC-PERF; the period is added'),
  })
  .describe('Covering report details for this committee, printed at the top of its paper.');

export const committeeSchema = z.strictObject({
  id: slug.describe('Stable id used by KPI entries, e.g. housing-osc'),
  name: text.describe('Full name as printed on papers'),
  shortName: text.optional().describe('Short name for tables and file names'),
  covering: coveringConfigSchema.optional(),
});

export const aimSchema = z.strictObject({
  id: slug,
  name: text,
});

export const prioritySchema = z.strictObject({
  id: slug.describe('Stable id used by KPI entries'),
  name: text.describe('The Council Plan priority'),
  aims: z.array(aimSchema).default([]).describe('The aims or objectives under this priority (the golden thread)'),
});

/** A section whose every field has a default: left out, it is those defaults (written once, on the fields). */
function withFieldDefaults<T extends z.ZodObject>(schema: T) {
  return schema.default(() => schema.parse({}) as z.util.NoUndefined<z.output<T>>);
}

export const pathsSchema = z
  .strictObject({
    kpis: z.string().default('kpis'),
    outturns: z.string().default('data/outturns'),
    commentary: z.string().default('data/commentary'),
    templates: z.string().default('templates'),
    reports: z.string().default('reports'),
  })
  .describe('Folders, relative to the workspace root.');

export const configSchema = z
  .strictObject({
    organisation: text.describe('The organisation, as printed on papers'),
    financialYearStartMonth: z.number().int().min(1).max(12).default(4).describe('1-12; 4 = April'),
    paths: withFieldDefaults(pathsSchema),
    ragg: withFieldDefaults(
      z.strictObject({
        band: z.number().min(0).default(0.05),
        bandType: z.enum(['relative', 'absolute']).default('relative'),
        exceptionsFor: z
          .array(z.enum(['red', 'amber']))
          .default(['red'])
          .describe('Which statuses need an exception report'),
      }),
    ),
    improvement: withFieldDefaults(
      z.strictObject({
        threshold: z.number().min(0).max(1).default(0.7),
        maintainedAtTargetCountsAsImproved: z.boolean().default(false),
      }),
    ),
    spc: withFieldDefaults(
      z.strictObject({
        minimumPoints: z.number().int().min(2).default(12),
        shiftLength: z.number().int().min(2).default(7),
        trendLength: z.number().int().min(2).default(7),
      }),
    ),
    committees: z.array(committeeSchema).min(1, 'list at least one committee'),
    priorities: z.array(prioritySchema).min(1, 'list at least one Council Plan priority'),
  })
  .describe('prf workspace configuration (prf.yaml)');

export type Config = z.output<typeof configSchema>;
export type Committee = z.output<typeof committeeSchema>;
export type CoveringConfig = z.output<typeof coveringConfigSchema>;
export type Priority = z.output<typeof prioritySchema>;
