import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { periodText } from '../period-words.js';
import type { Run } from '../io.js';

export function registerReport(program: Command, io: CliIO, run: Run): void {
  program
    .command('report')
    .description("write each committee's paper and exception report, and an index (default: the latest quarter with figures)")
    .argument('[period...]', 'q3, 2025-26-Q3, "2025/26 Q3"; a year (2025-26) gives the annual review')
    .option('-c, --committee <id>', "only this committee's papers")
    .option('-f, --format <formats>', 'comma-separated: html, md, xlsx, pdf (a year: html, md, pdf)', 'html,md,xlsx')
    .option('-o, --out <dir>', 'output folder (default: <reports folder>/<period>)')
    .option('--draft', 'write the papers even if incomplete, marking every page DRAFT')
    .option('--date <YYYY-MM-DD>', 'the date printed on the papers (none by default, so reruns are byte-identical)')
    .option('--at <rev>', 'render the papers as the repository stood at this commit or tag, read from git (the working tree is not touched)')
    .option('--papers', "for a year: the year's committee papers (annual measures), not the annual review")
    .option('--manifest', 'also write manifest.json: the commit and the hashes of every input and paper, for prf verify')
    .action((words: string[], options) => run(async (globals) => (await import('../report.js')).runReport(io, globals, periodText(words), options))());
}
