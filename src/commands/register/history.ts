import { Option, type Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';
import type { AuditFormat } from '../../render/audit-text.js';

export const auditFormatOption = () => new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text');

export function registerHistory(program: Command, io: CliIO, run: Run): void {
  program
    .command('history')
    .description("every commit that changed a KPI's entry or its figures, newest first, with what changed in words")
    .argument('<kpi>', 'the KPI id, e.g. HC-AM-01')
    .addOption(auditFormatOption())
    .action((kpi: string, options: { format: AuditFormat }) => run(async (globals) => (await import('../history.js')).runHistory(io, globals, kpi, options))());
}
