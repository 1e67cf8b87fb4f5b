/**
 * Writes the JSON Schema files in `schemas/` from the zod schemas, the single source of truth.
 * Run `npm run schemas` after changing a schema; a test fails while the files are out of date.
 */
import { join } from 'node:path';
import { PUBLISHED_SCHEMAS, toJsonSchemaText } from '../model/schemas.js';
import { writeFileAtomic } from '../write/atomic-write.js';

const outDir = join(process.cwd(), 'schemas');
for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
  writeFileAtomic(join(outDir, name), toJsonSchemaText(schema));
  process.stdout.write(`wrote schemas/${name}\n`);
}
