import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { ValidateOptions } from '../validate.js';

export function registerValidate(program: Command, io: CliIO, run: Run): void {
  program
    .command('validate')
    .description('check the dictionary, outturn CSVs and commentary against the schemas and each other')
    .argument('[paths...]', 'report only problems in these files or folders (the whole workspace is still read)')
    .option('--strict', 'treat warnings, such as missing recommended fields, as errors')
    .option('--since <rev>', 'also check change control: a definition, formula or target changed since this commit or tag needs a new changes entry')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'github']).default('stylish'))
    .action((paths: string[], options: ValidateOptions) =>
      run(async (globals) => {
        const { runValidate } = await import('../validate.js');
        return runValidate(io, globals, options, paths);
      })(),
    );
}
