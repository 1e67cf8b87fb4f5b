/**
 * Writes docs/guide/rules.md from the diagnostic catalogue. Run `npm run docs` after changing a
 * code in src/diagnostics/codes.ts; a test fails while the page is out of date.
 */
import { join } from 'node:path';
import { RULES } from '../diagnostics/codes.js';
import { writeFileAtomic } from '../write/atomic-write.js';
import { rulesDoc } from './rules-doc.js';

writeFileAtomic(join(process.cwd(), 'docs', 'guide', 'rules.md'), rulesDoc(RULES));
process.stdout.write('wrote docs/guide/rules.md\n');
