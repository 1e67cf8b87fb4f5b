import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { NewOptions } from '../new.js';

export function registerNew(program: Command, io: CliIO, run: Run): void {
  program
    .command('new')
    .description('write a new dictionary entry with every field and a comment on each; prf validate --strict then names the blanks to fill')
    .argument('<kpi-id>', "the new KPI's reference, e.g. HC-RP-04")
    .option('--from <id>', 'start from a copy of this KPI (its figures, target, baseline and history are cleared)')
    .option('-c, --committee <id>', 'the committee it reports to (and so the folder it goes in)')
    .option('--folder <dir>', "write it in this folder inside the dictionary (default: beside its committee's KPIs)")
    .action((id: string, options: NewOptions) => run(async (globals) => (await import('../new.js')).runNew(io, globals, id, options))());
}
