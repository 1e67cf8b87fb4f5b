import type { Measure } from '../model/kpi.js';
import type { Observation } from '../model/workspace.js';
import { tidy } from './figures.js';
import { formatPeriod, PERIOD_KIND_OF_FREQUENCY, periodEndKey, previousPeriod, type Period } from '../model/periods.js';
import { MONTHS_IN, periodOfKindEndingWith, periodsForSpan, spanOf, yearToDateSpan, type Span } from './spans.js';
import { observationsByPeriod } from './observations.js';

/** What a rollup needs to know about a measure. */
export type RollupKpi = Pick<Measure, 'frequency' | 'aggregation' | 'cumulative' | 'unit'>;

/**
 * A KPI's outturn for a period.
 * - `reported`: every figure it needs is there.
 * - `missing`: a figure that is due is absent, `n/a`, or (for a ratio) lacks its numerator and
 *   denominator; `missing` names those periods.
 * - `notDue`: the KPI does not report at this granularity (an annual KPI at Q3).
 * - `notApplicable`: every figure it needs is recorded as not applicable; `reason` says why.
 *   A span where only some are not applicable rolls up from the rest.
 */
export interface Outturn {
  value: number | null;
  state: 'reported' | 'missing' | 'notDue' | 'notApplicable';
  missing: string[];
  /** The periods whose rows the figure is read from: the rows whose sign-off counts. */
  from: string[];
  reason?: string;
}

export interface SeriesPoint {
  periodName: string;
  value: number | null;
}

const FREQUENCY_WORD: Record<Measure['frequency'], string> = {
  monthly: 'a monthly',
  quarterly: 'a quarterly',
  biannual: 'a half-yearly',
  annual: 'an annual',
};

/**
 * A ratio rolls up as the sum of numerators over the sum of denominators, times 100 for a
 * percentage and 1 for every other unit (a rate's formula already carries its "per 1,000").
 */
export function ratioScale(unit: Measure['unit']): number {
  return unit === 'percentage' ? 100 : 1;
}

function list(names: string[]): string {
  return names.join(', ');
}

function outturnForSpan(kpi: RollupKpi, observations: Observation[], span: Span, label: string, startMonth: number): Outturn {
  const periods = periodsForSpan(span, PERIOD_KIND_OF_FREQUENCY[kpi.frequency], startMonth).map(formatPeriod);
  if (periods.length === 0) {
    return { value: null, state: 'notDue', missing: [], from: [], reason: `${FREQUENCY_WORD[kpi.frequency]} measure has no outturn due for ${label}` };
  }
  // A year-to-date figure (cumulative) or a snapshot (last) is read at the span's last period.
  let from = kpi.cumulative || kpi.aggregation === 'last' ? periods.slice(-1) : periods;
  const byName = observationsByPeriod(observations);
  const all = from.map((name) => byName.get(name));
  const notApplicable = all.filter((o): o is Observation => o?.notApplicable === true);
  if (notApplicable.length > 0) {
    if (notApplicable.length === all.length) {
      const reasons = [...new Set(notApplicable.map((o) => o.note?.trim() || `${o.periodName} is recorded as not applicable`))];
      return { value: null, state: 'notApplicable', missing: [], from: [], reason: reasons.join('; ') };
    }
    from = from.filter((_, i) => all[i]?.notApplicable !== true);
  }
  const rows = from.map((name) => byName.get(name));
  const absent = from.filter((_, i) => rows[i]?.value == null);
  if (absent.length > 0) {
    return { value: null, state: 'missing', missing: absent, from, reason: `no figure for ${list(absent)}` };
  }
  const present = rows as Array<Observation & { value: number }>;
  const reported = (value: number): Outturn => ({ value, state: 'reported', missing: [], from });
  if (present.length === 1) return reported(present[0]!.value);
  const sum = (pick: (o: Observation) => number) => present.reduce((acc, o) => acc + pick(o), 0);
  switch (kpi.aggregation) {
    case 'sum':
      return reported(tidy(sum((o) => o.value!)));
    case 'mean':
      return reported(tidy(sum((o) => o.value!) / present.length));
    default: {
      // Never a mean of percentages: without every numerator and denominator the figure for the
      // span cannot be known, so it is missing (with the reason) rather than guessed.
      const lacking = present.filter((o) => o.numerator === null || o.denominator === null).map((o) => o.periodName);
      if (lacking.length > 0) {
        return {
          value: null,
          state: 'missing',
          missing: lacking,
          from,
          reason: `a ratio rolls up from numerators and denominators, and ${list(lacking)} ${lacking.length === 1 ? 'has' : 'have'} none`,
        };
      }
      const denominator = sum((o) => o.denominator!);
      if (denominator === 0) return { value: null, state: 'missing', missing: [], from, reason: `the denominators for ${label} total 0` };
      return reported(tidy((sum((o) => o.numerator!) / denominator) * ratioScale(kpi.unit)));
    }
  }
}

/** The outturn for a period, rolled up from the KPI's own periods. */
export function outturnFor(kpi: RollupKpi, observations: Observation[], period: Period, startMonth: number): Outturn {
  return outturnForSpan(kpi, observations, spanOf(period, startMonth), formatPeriod(period), startMonth);
}

/** The outturn for the financial year from its start through the end of `period`. */
export function yearToDateOutturn(kpi: RollupKpi, observations: Observation[], period: Period, startMonth: number): Outturn {
  return outturnForSpan(kpi, observations, yearToDateSpan(period, startMonth), `the year to date through ${formatPeriod(period)}`, startMonth);
}

/**
 * The KPI's figures at its own frequency, oldest first, from its first figure through the last
 * of its periods that ends by the end of `period`. Gaps stay in the series as null so a
 * sparkline shows them.
 */
export function seriesTo(kpi: RollupKpi, observations: Observation[], period: Period, startMonth: number): SeriesPoint[] {
  const kind = PERIOD_KIND_OF_FREQUENCY[kpi.frequency];
  // The KPI's own rows by where their periods end: a step back is then a number, and a period's
  // name is worked out only for a gap (a KPI's history is thousands of steps at scale).
  const own = new Map<number, Observation>();
  let first = Infinity;
  for (const o of observations) {
    if (o.period.kind !== kind) continue;
    const end = periodEndKey(o.period, startMonth);
    own.set(end, o);
    first = Math.min(first, end);
  }
  if (own.size === 0) return [];
  let p = periodOfKindEndingWith(period, kind, startMonth);
  let key = periodEndKey(p, startMonth);
  if (key > periodEndKey(period, startMonth)) {
    p = previousPeriod(p);
    key -= MONTHS_IN[kind];
  }
  const out: SeriesPoint[] = [];
  // Each step back is one period of the KPI's own kind, so its end moves back by that many months.
  for (; key >= first; p = previousPeriod(p), key -= MONTHS_IN[kind]) {
    const o = own.get(key);
    out.push(o ? { periodName: o.periodName, value: o.value } : { periodName: formatPeriod(p), value: null });
  }
  return out.reverse();
}
