import { fyOf, monthIndexInFy, monthsOf, nthMonthOfFy, PERIOD_KIND_OF_FREQUENCY, type Frequency, type Period, type PeriodKind } from '../model/periods.js';

/**
 * A run of months inside one financial year, by zero-based month index (0 = the first month of
 * the year). Every period is a span, and so is "the year to date through a period", which is
 * why outturns and targets are worked out over spans rather than periods.
 */
export interface Span {
  fy: number;
  from: number;
  to: number;
}

export const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export function spanOf(p: Period, startMonth: number): Span {
  const months = monthsOf(p, startMonth);
  return {
    fy: fyOf(p, startMonth),
    from: monthIndexInFy(months[0]!, startMonth),
    to: monthIndexInFy(months[months.length - 1]!, startMonth),
  };
}

export function yearToDateSpan(p: Period, startMonth: number): Span {
  return { ...spanOf(p, startMonth), from: 0 };
}

/** The period of `kind` in year `fy` whose last month has index `end` (which must close such a period). */
function periodEndingAt(kind: PeriodKind, fy: number, end: number, startMonth: number): Period {
  const n = (end + 1) / MONTHS_IN[kind];
  switch (kind) {
    case 'month':
      return { kind, ...nthMonthOfFy(fy, end, startMonth) };
    case 'quarter':
      return { kind, fy, quarter: n as 1 | 2 | 3 | 4 };
    case 'half':
      return { kind, fy, half: n as 1 | 2 };
    case 'year':
      return { kind, fy };
  }
}

/**
 * The periods of `kind` (a KPI's own frequency) that make up a span: those lying wholly inside
 * it. A span finer than `kind` holds none; it then takes the one period of `kind` that ends with
 * it, if any, because that is when such a KPI reports: a biannual KPI's H1 figure at Q2, an
 * annual KPI's year figure at Q4. At Q1 or Q3 those KPIs have nothing due.
 */
export function periodsForSpan(span: Span, kind: PeriodKind, startMonth: number): Period[] {
  const size = MONTHS_IN[kind];
  const out: Period[] = [];
  for (let end = Math.ceil(span.from / size) * size + size - 1; end <= span.to; end += size) {
    out.push(periodEndingAt(kind, span.fy, end, startMonth));
  }
  if (out.length === 0 && (span.to + 1) % size === 0) out.push(periodEndingAt(kind, span.fy, span.to, startMonth));
  return out;
}

/** The periods a KPI collected at `frequency` reports for `period` (none when nothing is due then). */
export function ownPeriodsIn(frequency: Frequency, period: Period, startMonth: number): Period[] {
  return periodsForSpan(spanOf(period, startMonth), PERIOD_KIND_OF_FREQUENCY[frequency], startMonth);
}

/** The period of `kind` that contains the last month of `p`. */
export function periodOfKindEndingWith(p: Period, kind: PeriodKind, startMonth: number): Period {
  const span = spanOf(p, startMonth);
  const size = MONTHS_IN[kind];
  return periodEndingAt(kind, span.fy, Math.floor(span.to / size) * size + size - 1, startMonth);
}
