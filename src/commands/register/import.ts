import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { ImportOptions } from '../import.js';

export function registerImport(program: Command, io: CliIO, run: Run): void {
  program
    .command('import')
    .description(
      'add figures from filled return forms (.xlsx from prf collect), CSVs, or history sheets (a KPI a row, a period a column) to the outturn files, checked as prf validate checks them',
    )
    .argument('<files...>', 'the forms and CSVs to import')
    .option('-n, --dry-run', 'show what would change and write nothing')
    .option('--sheet <name>', 'the sheet of a history workbook to read (default: the first)')
    .option('--restate', 'replace figures already recorded (needs --reason)')
    .option('--reason <text>', "why the recorded figures change, written into each restated row's note")
    .option('-p, --period <period>', 'refuse any form that is not for this period')
    .option('--today <YYYY-MM-DD>', 'the date written into restatement notes (default: today)')
    .option('--strict', 'treat warnings, such as a figure that looks like a typing slip, as errors: nothing is imported')
    .action((files: string[], options: ImportOptions) => run(async (globals) => (await import('../import.js')).runImport(io, globals, files, options))());
}
