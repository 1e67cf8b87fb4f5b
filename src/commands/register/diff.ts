import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { AuditFormat } from '../../render/audit-text.js';
import { auditFormatOption } from './history.js';

export function registerDiff(program: Command, io: CliIO, run: Run): void {
  program
    .command('diff')
    .description('what changed in the dictionary and data between two revisions, and the statuses it changes in quarters already reported')
    .argument('[from]', 'a commit or tag (default: the last tag, or HEAD~1)')
    .argument('[to]', 'a commit or tag (default: the working tree)')
    .addOption(auditFormatOption())
    .action((from: string | undefined, to: string | undefined, options: { format: AuditFormat }) =>
      run(async (globals) => (await import('../history.js')).runDiff(io, globals, from, to, options))(),
    );
}
