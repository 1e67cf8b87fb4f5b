/**
 * The floor the benchmark compares prf with: csv-parse streaming every outturn CSV and only
 * counting rows, the least any tool reading these files must do.
 */
import { parse } from 'csv-parse';
import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.argv[2]!, 'data/outturns');
let rows = 0;
for (const f of readdirSync(dir).sort()) {
  const parser = createReadStream(join(dir, f)).pipe(parse({ from_line: 2 }));
  for await (const _ of parser) rows++;
}
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, rows, maxRssKb: process.resourceUsage().maxRSS })}\n`);
