/**
 * Checks of figures against the KPI's own history and dictionary entry that need every row:
 * - `figure-implausible` (a warning): a new figure far outside the KPI's own process limits,
 *   more than twice as far from the mean as the limits are (over 5.32 mean moving ranges), and a
 *   leap from the figure before it of more than twice the moving-range limit (6.53 mean moving
 *   ranges), so likely a keying or extraction slip rather than a real change, which arrives
 *   step by step (a trend) or moves the level and stays there. The limits come from the
 *   figures before it in the current process (since the last rebasing process change), at
 *   least the KPI's SPC minimum of them; a history with no variation gives no limits to judge by,
 *   and a cumulative KPI restarts every year, so neither is checked.
 * - `process-change-outside-series` (an error): a recorded process change dated before the
 *   KPI's first figure or after the end of its latest one. "The latest data" is the clock: no
 *   rule reads today's date, so a result never changes with the day it is run.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Config } from '../model/config.js';
import type { Measure } from '../model/kpi.js';
import type { Observation } from '../model/workspace.js';
import { PERIOD_KIND_OF_FREQUENCY, periodEndDate, periodEndKey } from '../model/periods.js';
import { formatFigure } from '../core/figures.js';
import { periodStartDate } from '../core/process-changes.js';
import { controlLimits } from '../core/spc.js';
import { spcSettingsFor } from '../core/status.js';
import { locate, type YamlSource } from '../load/yaml-source.js';

/** How many times the process-limit distance from the mean a figure must be to be questioned. */
export const IMPLAUSIBLE_FACTOR = 2;
/** The upper limit of a moving range, in mean moving ranges (the XmR chart's mR chart, D4 = 3.267). */
const MOVING_RANGE_LIMIT = 3.267;

const ownRows = (kpi: Measure, rows: readonly Observation[]) => rows.filter((o) => o.period.kind === PERIOD_KIND_OF_FREQUENCY[kpi.frequency]);

/** The warning for `figure` against the KPI's other rows (`history`, any order; `figure` itself is skipped), or null. */
export function implausibleFigure(
  kpi: Measure,
  history: readonly Observation[],
  figure: Observation,
  config: Pick<Config, 'spc' | 'financialYearStartMonth'>,
): Diagnostic | null {
  if (kpi.cumulative || figure.value === null || figure.period.kind !== PERIOD_KIND_OF_FREQUENCY[kpi.frequency]) return null;
  const startMonth = config.financialYearStartMonth;
  const key = periodEndKey(figure.period, startMonth);
  const start = periodStartDate(figure.period, startMonth);
  // The current process for this figure: from the last rebasing change dated on or before its start.
  const rebase = kpi.processChanges
    .filter((c) => c.rebase && c.date <= start)
    .map((c) => c.date)
    .sort()
    .at(-1);
  const before = ownRows(kpi, history)
    .filter((o) => o.value !== null && periodEndKey(o.period, startMonth) < key && (rebase === undefined || periodStartDate(o.period, startMonth) >= rebase))
    .sort((a, b) => periodEndKey(a.period, startMonth) - periodEndKey(b.period, startMonth));
  const settings = spcSettingsFor(kpi, { config });
  if (before.length < settings.minimumPoints) return null;
  const baseline = settings.fixAfter ? before.slice(0, settings.fixAfter) : before;
  const limits = controlLimits(
    baseline.map((o) => o.value!),
    settings.screenMovingRanges,
  );
  if (limits.meanMovingRange === 0) return null;
  const reach = IMPLAUSIBLE_FACTOR * (limits.upperLimit - limits.mean);
  if (Math.abs(figure.value - limits.mean) <= reach) return null;
  // A real change arrives step by step or stays: a slip is also a leap from the figure before.
  const jump = Math.abs(figure.value - before.at(-1)!.value!);
  if (jump <= IMPLAUSIBLE_FACTOR * MOVING_RANGE_LIMIT * limits.meanMovingRange) return null;
  const fig = (x: number) => formatFigure(x, kpi);
  return diagnostic(
    figure.origin.file,
    { line: figure.origin.line, column: 1 },
    'warning',
    'figure-implausible',
    `check this figure: ${kpi.id} ${figure.periodName} is ${fig(figure.value)}, far outside its process limits ${fig(limits.lowerLimit)} to ${fig(limits.upperLimit)} (mean ${fig(limits.mean)}, from the ${before.length} figures before it); if it is right, say why in the note column, and record a change in how the work is done as a process change in the dictionary`,
  );
}

/** The latest figure of each measure, checked as `implausibleFigure` does (what `prf validate` shows). */
export function latestFigureRules(kpi: Measure, rows: readonly Observation[], config: Pick<Config, 'spc' | 'financialYearStartMonth'>): Diagnostic[] {
  const own = ownRows(kpi, rows).filter((o) => o.value !== null);
  if (own.length === 0) return [];
  const startMonth = config.financialYearStartMonth;
  const latest = own.reduce((a, b) => (periodEndKey(b.period, startMonth) > periodEndKey(a.period, startMonth) ? b : a));
  const found = implausibleFigure(kpi, rows, latest, config);
  return found ? [found] : [];
}

/** Each process change must fall inside the KPI's series: on or after its first period's start, on or before its latest period's end. */
export function processChangeRules(kpi: Measure, source: YamlSource, rows: readonly Observation[], startMonth: number): Diagnostic[] {
  if (kpi.processChanges.length === 0) return [];
  const own = ownRows(kpi, rows);
  const keys = own.map((o) => periodEndKey(o.period, startMonth));
  const first = own[keys.indexOf(Math.min(...keys))];
  const last = own[keys.indexOf(Math.max(...keys))];
  const from = first ? periodStartDate(first.period, startMonth) : null;
  const to = last ? periodEndDate(last.period, startMonth) : null;
  const out: Diagnostic[] = [];
  kpi.processChanges.forEach((c, i) => {
    const path = ['processChanges', i, 'date'];
    const problem =
      from === null || to === null
        ? `the process change of ${c.date} is on a KPI with no figures yet: record it once the figures it affects are in`
        : c.date < from
          ? `the process change of ${c.date} is before the first figure (${first!.periodName}, from ${from}): the series cannot show it; correct the date or leave it in the changes record`
          : c.date > to
            ? `the process change of ${c.date} is after the latest figure (${last!.periodName}, to ${to}): record it once a figure of the changed process is in`
            : null;
    if (problem) out.push(diagnostic(source.file, locate(source, path), 'error', 'process-change-outside-series', problem, path));
  });
  return out;
}
