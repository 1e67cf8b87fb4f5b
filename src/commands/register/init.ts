import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { InitOptions } from '../init.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerInit(program: Command, io: CliIO, run: Run): void {
  program
    .command('init')
    .description('make a new workspace: prf.yaml, an example KPI, data and template folders, package.json, a README, .gitignore and a CI workflow')
    .argument('[dir]', 'the folder (default: the current folder); made if absent')
    .option('--organisation <name>', 'the organisation, as printed on papers')
    .option('--fy-start <month>', 'month the financial year starts: 1-12 or a name (default 4, April)')
    .option('--committee <id=Name>', 'a committee that receives reports (repeat for each)', collect, [])
    .option('--priority <id=Name>', 'a Council Plan priority (repeat for each)', collect, [])
    .option('--aim <priority/id=Name>', 'an aim under a priority (repeat for each)', collect, [])
    .option('-y, --yes', 'take the defaults for anything not given, without asking')
    .option(
      '--tsm',
      "a Tenant Satisfaction Measures workspace: the regulator's 22 measures as annual entries and TSM peer groups, ready for prf benchmarks tsm",
    )
    .option('--package <prf.tgz>', "copy prf's package (from npm pack) into vendor/, where package.json installs it from")
    .action((dir: string | undefined, options: InitOptions) => run(async () => (await import('../init.js')).runInit(io, dir, options))());
}
