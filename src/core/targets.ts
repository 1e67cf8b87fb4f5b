import { MONTH_KEYS, type Measure, type ProfileEntry } from '../model/kpi.js';
import { tidy } from './figures.js';
import { formatPeriod, fyName, MONTH_NAMES, nthMonthOfFy, type Period } from '../model/periods.js';
import { spanOf, yearToDateSpan, type Span } from './spans.js';

/**
 * The target that applies to a period.
 * - `set`: `value` is the target.
 * - `toBeSet` / `none`: the dictionary says so, with its reason.
 * - `notSetForYear`: a yearly or profiled target gives nothing for this period.
 */
export interface TargetResult {
  value: number | null;
  /**
   * - `noTarget`: a profile sets no target for this period, with the reason;
   * - `informationOnly`: the period is reported for information only, with the reason.
   */
  kind: 'set' | 'toBeSet' | 'none' | 'notSetForYear' | 'noTarget' | 'informationOnly';
  reason?: string;
}

export type TargetKpi = Pick<Measure, 'target' | 'aggregation' | 'cumulative'>;

const notSet = (reason: string): TargetResult => ({ value: null, kind: 'notSetForYear', reason });
const set = (value: number): TargetResult => ({ value, kind: 'set' });

/**
 * A profile gives a target per quarter (Q1..Q4) or per month (Jan..Dec). For a span of several
 * of its entries (a quarter of a month profile, the year, the year to date):
 * - a cumulative or snapshot (`last`) KPI's target is the entry at the span's end, since its
 *   outturn is the figure at the end;
 * - a `sum` KPI's target is the sum of the entries;
 * - a `mean` or `ratio` KPI's target is the mean of the entries (a ratio's monthly denominators
 *   are not known in advance, so equal weights are the best available).
 * For a month of a quarter profile, a mean or ratio KPI takes the quarter's level; a sum KPI has
 * no monthly share, and a cumulative one has a target only in the quarter's last month.
 */
function profiledTarget(
  kpi: TargetKpi,
  profile: Partial<Record<string, ProfileEntry>>,
  others: number | 'none' | undefined,
  source: string,
  span: Span,
  label: string,
  startMonth: number,
): TargetResult {
  const byMonth = Object.keys(profile).some((k) => (MONTH_KEYS as readonly string[]).includes(k));
  const size = byMonth ? 1 : 3;
  const keyAt = (monthIndex: number): string =>
    byMonth ? MONTH_NAMES[nthMonthOfFy(span.fy, monthIndex, startMonth).month - 1]! : `Q${Math.floor(monthIndex / 3) + 1}`;
  // A period the profile leaves out takes `others` (the annual target, or none); one it marks
  // as no target or information only has no target, with the reason.
  const valuesAt = (keys: string[]): TargetResult | number[] => {
    const entries = keys.map((k) => profile[k] ?? others);
    const absent = keys.filter((_, i) => entries[i] === undefined);
    if (absent.length > 0) return notSet(`${source} has no target for ${absent.join(', ')}`);
    const gaps = keys.flatMap((k, i): { kind: 'noTarget' | 'informationOnly'; reason: string }[] => {
      const e = entries[i]!;
      if (e === 'none') return [{ kind: 'noTarget', reason: `${source} sets no target for ${k}` }];
      if (typeof e === 'number') return [];
      return 'informationOnly' in e
        ? [{ kind: 'informationOnly', reason: `information only for ${k}: ${e.informationOnly}` }]
        : [{ kind: 'noTarget', reason: `no target for ${k}: ${e.noTarget}` }];
    });
    if (gaps.length > 0)
      return {
        value: null,
        kind: gaps.every((g) => g.kind === 'informationOnly') ? 'informationOnly' : 'noTarget',
        reason: gaps.map((g) => g.reason).join('; '),
      };
    return entries as number[];
  };
  const endsAnEntry = (span.to + 1) % size === 0;

  if (kpi.cumulative || kpi.aggregation === 'last') {
    if (!endsAnEntry) return notSet(`${source} sets quarterly targets, so none applies to ${label}`);
    const values = valuesAt([keyAt(span.to)]);
    return Array.isArray(values) ? set(values[0]!) : values;
  }
  if (span.from % size !== 0 || !endsAnEntry) {
    if (kpi.aggregation === 'sum') return notSet(`${source} sets quarterly targets, and a month's share of a summed target is not defined`);
    const values = valuesAt([keyAt(span.to)]);
    return Array.isArray(values) ? set(values[0]!) : values;
  }
  const keys: string[] = [];
  for (let i = span.from; i <= span.to; i += size) keys.push(keyAt(i));
  const values = valuesAt(keys);
  if (!Array.isArray(values)) return values;
  const total = values.reduce((a, b) => a + b, 0);
  return set(tidy(kpi.aggregation === 'sum' ? total : total / values.length));
}

/**
 * An annual target with `profile: linear` at the span's share of the year: a year-to-date figure
 * at the share of the year to the span's end (Q2: half), a summed figure at the span's share
 * (a quarter: a quarter). A mean, ratio or snapshot is a level, whose target is the same all year.
 */
function annualShare(kpi: TargetKpi, value: number, linear: boolean, span: Span): TargetResult {
  if (!linear) return set(value);
  if (kpi.cumulative) return set(tidy((value * (span.to + 1)) / 12));
  if (kpi.aggregation === 'sum') return set(tidy((value * (span.to - span.from + 1)) / 12));
  return set(value);
}

function targetForSpan(kpi: TargetKpi, span: Span, label: string, startMonth: number): TargetResult {
  const t = kpi.target;
  const year = fyName(span.fy);
  switch (t.type) {
    case 'single':
      return annualShare(kpi, t.value, t.profile === 'linear', span);
    case 'yearly': {
      const value = t.years[year];
      if (value !== undefined) return annualShare(kpi, value, t.profile === 'linear', span);
      const known = Object.keys(t.years).sort();
      return notSet(`no target set for ${year}${known.length > 0 ? ` (targets are set for ${known.join(', ')})` : ''}`);
    }
    case 'profiled': {
      const own = t.years?.[year];
      return profiledTarget(kpi, own ?? t.profile, t.others, own ? `the ${year} profile` : 'the profile', span, label, startMonth);
    }
    case 'toBeSet':
      return { value: null, kind: 'toBeSet', reason: `target to be set: ${t.reason}` };
    case 'none':
      return { value: null, kind: 'none', reason: `no target: ${t.reason}` };
  }
}

/**
 * The target for a period. A single or yearly target applies as it stands to any period, so a
 * summed KPI whose target depends on the period's length should profile it instead.
 */
export function targetFor(kpi: TargetKpi, period: Period, startMonth: number): TargetResult {
  return targetForSpan(kpi, spanOf(period, startMonth), formatPeriod(period), startMonth);
}

/** The target for the year to date through `period` (what the year-to-date outturn is measured against). */
export function targetForYearToDate(kpi: TargetKpi, period: Period, startMonth: number): TargetResult {
  return targetForSpan(kpi, yearToDateSpan(period, startMonth), `the year to date through ${formatPeriod(period)}`, startMonth);
}
