import { computeImprovement } from '../core/improvement.js';
import { latestQuarterWithData } from '../core/period-query.js';
import { formatPeriod, fyOf, parsePeriod } from '../model/periods.js';
import { computeStatus, summarise } from '../core/status.js';
import { formatDue } from '../render/due-table.js';
import { formatImprovement, formatStatus, statusJsonChunks } from '../render/status-table.js';
import { checkCommittee, dateOption, loadForCommand, resolvePeriodArg } from './context.js';
import { colorFor, EXIT, ProblemsReported, tableWidth, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';

export interface StatusOptions extends TableOptions {
  service?: string;
  status?: string;
}

export interface TableOptions {
  format: 'table' | 'json' | 'csv';
  committee?: string;
}

const STATUSES = ['red', 'amber', 'green', 'grey', 'missing', 'na'] as const;

function parseStatuses(text: string | undefined): Set<string> | null {
  if (text === undefined) return null;
  const asked = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0 || asked.length === 0) throw new UsageError(`--status ${text}: choose from ${STATUSES.join(', ')} (comma-separated)`);
  return new Set(asked);
}

export async function runStatus(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: StatusOptions): Promise<number> {
  const statuses = parseStatuses(options.status);
  const loaded = loadForCommand(io, globals);
  const { workspace } = loaded;
  checkCommittee(workspace, options.committee);
  const service = options.service?.trim().toLowerCase();
  if (service !== undefined && !workspace.kpis.some((k) => k.service.toLowerCase() === service)) {
    const services = [...new Set(workspace.kpis.map((k) => k.service))].sort();
    throw new UsageError(`--service ${options.service}: no KPI has that service; the services are ${services.join(', ')}`);
  }
  const period = resolvePeriodArg(io, workspace, periodText);
  const all = computeStatus(workspace, period, options.committee === undefined ? {} : { committee: options.committee });
  // The summary counts what is shown, so a filtered table and its totals agree.
  const kpis = all.kpis.filter((k) => (service === undefined || k.service.toLowerCase() === service) && (statuses === null || statuses.has(k.status)));
  const report = { ...all, kpis, summary: summarise(kpis) };
  if (options.format === 'json') for (const chunk of statusJsonChunks(report)) io.stdout.write(chunk);
  else io.stdout.write(formatStatus(report, options.format, colorFor(io.stdout, io.env, globals.color), tableWidth(io.stdout, io.env)));
  return EXIT.ok;
}

export async function runImprovement(
  io: CliIO,
  globals: GlobalOptions,
  yearText: string | undefined,
  options: TableOptions & { through?: string },
): Promise<number> {
  const loaded = loadForCommand(io, globals);
  const { workspace } = loaded;
  checkCommittee(workspace, options.committee);
  const startMonth = workspace.config.financialYearStartMonth;
  const through = options.through === undefined ? undefined : resolvePeriodArg(io, workspace, options.through);
  let fy: number;
  if (yearText !== undefined) {
    const parsed = parsePeriod(yearText);
    if (!parsed.ok || parsed.value.kind !== 'year')
      throw new UsageError(`${yearText}: give a financial year such as 2025-26${parsed.ok ? '' : ` (${parsed.message})`}`);
    fy = parsed.value.fy;
  } else if (through) {
    fy = fyOf(through, startMonth);
  } else {
    const latest = latestQuarterWithData(workspace);
    if (!latest) {
      io.stderr.write(
        "prf: there are no figures yet, so there is no year to check. Next: prf import FILE with last year's and this year's figures; or name a financial year, e.g. 2025-26\n",
      );
      throw new ProblemsReported();
    }
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
  const { workspace } = loaded;
  checkCommittee(workspace, options.committee);
  // The clock is read here, at the edge; --today makes a run reproducible.
  const today = dateOption('--today', options.today ?? new Date().toISOString().slice(0, 10));
  const period = resolvePeriodArg(io, workspace, periodText, { today });
  const { computeDue } = await import('../core/due.js');
  const { englandAndWalesBankHolidays } = await import('../core/working-days.js');
  const report = computeDue(workspace, period, today, englandAndWalesBankHolidays(), options.committee === undefined ? {} : { committee: options.committee });
  io.stdout.write(formatDue(report, options.format, colorFor(io.stdout, io.env, globals.color)));
  return EXIT.ok;
}
