import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { AuditFormat } from '../../render/audit-text.js';
import { auditFormatOption } from './history.js';

export function registerVerify(program: Command, io: CliIO, run: Run): void {
  program
    .command('verify')
    .description('do published papers still match their inputs? Lists restatements and definition changes since (exit 1 if not)')
    .argument('[manifest]', 'a manifest.json written by prf report --manifest (default: the latest under the reports folder)')
    .addOption(auditFormatOption())
    .action((manifest: string | undefined, options: { format: AuditFormat }) =>
      run(async (globals) => (await import('../history.js')).runVerify(io, globals, manifest, options))(),
    );
}
