import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import { periodText } from '../period-words.js';
import type { CommentaryOptions } from '../commentary.js';

export function registerCommentary(program: Command, io: CliIO, run: Run): void {
  program
    .command('commentary')
    .description(
      "add to a period's commentary file a skeleton for every KPI that needs one (off-target measures, projects, narrative indicators), keeping what is written",
    )
    .argument('[period...]', 'q3, 2025-26-Q3 (default: the latest quarter with figures)')
    .option('-n, --dry-run', 'list the entries that would be added and write nothing')
    .option('--today <YYYY-MM-DD>', 'the day that decides the quarter in progress when there are no figures yet (default: today)')
    .action((words: string[], options: CommentaryOptions) =>
      run(async (globals) => (await import('../commentary.js')).runCommentary(io, globals, periodText(words), options))(),
    );
}
