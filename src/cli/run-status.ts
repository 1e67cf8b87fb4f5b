import { computeImprovement } from '../core/improvement.js';
import { latestQuarterWithData } from '../core/period-query.js';
import { formatPeriod, fyOf, parsePeriod } from '../core/periods.js';
import { computeStatus } from '../core/status.js';
import { formatDue } from '../format/due.js';
import { formatImprovement, formatStatus } from '../format/status.js';
import type { TableOptions } from './commands/status.js';
import { checkCommittee, loadForCommand, resolvePeriodArg } from './command-context.js';
import { colorFor, EXIT, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './main.js';

export async function runStatus(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: TableOptions): Promise<number> {
  const loaded = loadForCommand(io, globals);
  if (typeof loaded === 'number') return loaded;
  const { workspace } = loaded;
  checkCommittee(workspace, options.committee);
  const period = resolvePeriodArg(io, workspace, periodText);
  const report = computeStatus(workspace, period, options.committee === undefined ? {} : { committee: options.committee });
  io.stdout.write(formatStatus(report, options.format, colorFor(io.stdout, io.env, globals.color)));
  return EXIT.ok;
}

export async function runImprovement(
  io: CliIO,
  globals: GlobalOptions,
  yearText: string | undefined,
  options: TableOptions & { through?: string },
): Promise<number> {
  const loaded = loadForCommand(io, globals);
  if (typeof loaded === 'number') return loaded;
  const { workspace } = loaded;
  checkCommittee(workspace, options.committee);
  const startMonth = workspace.config.financialYearStartMonth;
  const through = options.through === undefined ? undefined : resolvePeriodArg(io, workspace, options.through);
  let fy: number;
  if (yearText !== undefined) {
    const parsed = parsePeriod(yearText);
    if (!parsed.ok || parsed.value.kind !== 'year') throw new UsageError(`${yearText}: give a financial year such as 2025-26${parsed.ok ? '' : ` (${parsed.message})`}`);
    fy = parsed.value.fy;
  } else if (through) {
    fy = fyOf(through, startMonth);
  } else {
    const latest = latestQuarterWithData(workspace);
    if (!latest) throw new UsageError('there are no outturns yet: name a financial year, e.g. 2025-26');
    fy = latest.fy;
  }
  if (through && fyOf(through, startMonth) !== fy) {
    throw new UsageError(`--through ${options.through}: ${formatPeriod(through)} is not in ${formatPeriod({ kind: 'year', fy })}`);
  }
  const result = computeImprovement(workspace, fy, through, options.committee === undefined ? {} : { committee: options.committee });
  io.stdout.write(formatImprovement(result, options.format, colorFor(io.stdout, io.env, globals.color)));
  return EXIT.ok;
}

export async function runDue(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: TableOptions & { today?: string }): Promise<number> {
  const loaded = loadForCommand(io, globals);
  if (typeof loaded === 'number') return loaded;
  const { workspace } = loaded;
  checkCommittee(workspace, options.committee);
  const period = resolvePeriodArg(io, workspace, periodText);
  // The clock is read here, at the edge; --today makes a run reproducible.
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) throw new UsageError(`--today ${today}: give a date as YYYY-MM-DD`);
  const { computeDue } = await import('../core/due.js');
  const { englandAndWalesBankHolidays } = await import('../core/working-days.js');
  const report = computeDue(workspace, period, today, englandAndWalesBankHolidays(), options.committee === undefined ? {} : { committee: options.committee });
  io.stdout.write(formatDue(report, options.format, colorFor(io.stdout, io.env, globals.color)));
  return EXIT.ok;
}
