import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { CollectOptions } from '../collect.js';
import { periodText } from '../period-words.js';

export function registerCollect(program: Command, io: CliIO, run: Run): void {
  program
    .command('collect')
    .description('write one Excel return form per data collector, listing the figures they owe for a period')
    .argument('[period...]', '2025-10 (a month), 2025-26-Q3, q3, ... (default: the quarter in progress)')
    .option('--owner <role>', 'only the form for this data collector (roles.collector in the dictionary)')
    .option('-o, --out <dir>', 'the folder for the forms (default: reports/forms/<period>)')
    .option('--today <YYYY-MM-DD>', 'the day that decides the quarter in progress (default: today)')
    .action((words: string[], options: CollectOptions) =>
      run(async (globals) => (await import('../collect.js')).runCollect(io, globals, periodText(words), options))(),
    );
}
