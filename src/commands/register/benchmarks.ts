import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { TsmOptions } from '../benchmarks.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerBenchmarks(program: Command, io: CliIO, run: Run): void {
  const benchmarks = program.command('benchmarks').description('benchmarks computed from published data');
  benchmarks
    .command('tsm')
    .description(
      "peer-group quartiles of the Tenant Satisfaction Measures from the regulator's full-data workbooks, written into each TSM entry's benchmarks, and your own figures as annual outturns",
    )
    .argument('<files...>', "the regulator's TSM full-data workbooks (.xlsx), one per reporting year")
    .option('-l, --landlord <code>', "your landlord code in the regulator's data, e.g. 26UC (default: benchmarks.tsm.landlord in prf.yaml)")
    .option('--peers <id>', 'a peer group from prf.yaml (repeat for each; default: all declared)', collect, [])
    .option('--year <YYYY-YY>', 'take only this reporting year, e.g. 2024-25 (repeat for each)', collect, [])
    .option('--list-peers', "list each peer group's landlords in each workbook and write nothing")
    .option('-n, --dry-run', 'show the quartiles and the edits and write nothing')
    .option('--restate', 'replace own figures already recorded (needs --reason)')
    .option('--reason <text>', "why the recorded figures change, written into each restated row's note")
    .option('--today <YYYY-MM-DD>', 'the date written into restatement notes (default: today)')
    .action((files: string[], options: TsmOptions) =>
      run(async (globals) => (await import('../benchmarks.js')).runBenchmarksTsm(io, globals, files, options))(),
    );
}
