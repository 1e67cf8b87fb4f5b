import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { AdoptOptions } from '../adopt.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAdopt(program: Command, io: CliIO, run: Run): void {
  const adopt = program.command('adopt').description("bring a council's existing spreadsheets into the workspace");
  adopt
    .command('dictionary')
    .description('write a draft dictionary entry for each row of a KPI list (.xlsx or .csv), leaving blank what the sheet does not say')
    .argument('<file>', 'the KPI list: one row per measure, with a header row (Service, Measure Name, Target, ...)')
    .option('--sheet <name>', 'the sheet to read (default: the first)')
    .option('--map <column=field>', 'read a column as a field, e.g. "Measure Name=name", or "Notes=-" to ignore it (repeat for each)', collect, [])
    .option('--first-year <year>', 'the financial year a plan such as "20/40/60 over 3 years" starts in (default: the year in progress)')
    .option('--today <YYYY-MM-DD>', 'the date that decides the year in progress (default: today)')
    .option('-n, --dry-run', 'show the plan and write nothing')
    .action((file: string, options: AdoptOptions) => run(async (globals) => (await import('../adopt.js')).runAdoptDictionary(io, globals, file, options))());
}
