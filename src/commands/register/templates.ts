import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';

export function registerTemplates(program: Command, io: CliIO, run: Run): void {
  const templates = program.command('templates').description('the report templates');
  templates
    .command('copy')
    .description("copy the default templates into the workspace's templates folder to edit; a copy overrides the default of the same name")
    .argument('[names...]', 'only these templates, e.g. paper.html partials/styles (default: all)')
    .option('--force', 'overwrite copies already in the workspace')
    .action((names: string[], options: { force?: boolean }) =>
      run(async (globals) => (await import('../templates.js')).runTemplatesCopy(io, globals, names, options))(),
    );
  templates
    .command('list')
    .description("list the templates and which file each comes from (the workspace's copy or the default)")
    .action(() => run(async (globals) => (await import('../templates.js')).runTemplatesList(io, globals))());
}
