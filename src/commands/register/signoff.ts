import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import { periodText } from '../period-words.js';
import type { SignoffOptions } from '../signoff.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerSignoff(program: Command, io: CliIO, run: Run): void {
  program
    .command('signoff')
    .description("record the data reviewer's sign-off of a period's figures (reviewed_by); a KPI's collector may not sign it off")
    .argument('[period...]', 'q3, 2025-26-Q3, 2025-10 (default: the quarter in progress)')
    .requiredOption('--by <role>', "the reviewer's role, as roles.reviewer names it")
    .option('-k, --kpi <id>', 'only this KPI (repeat for each; default: every measure this role reviews)', collect, [])
    .option('-n, --dry-run', 'show what would be signed and write nothing')
    .option('--today <YYYY-MM-DD>', 'the day that decides the quarter in progress (default: today)')
    .action((words: string[], options: SignoffOptions) =>
      run(async (globals) => (await import('../signoff.js')).runSignoff(io, globals, periodText(words), options))(),
    );
}
