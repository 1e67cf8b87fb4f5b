/**
 * Recorded process changes on a KPI's series. A change takes effect from the first of the
 * KPI's own periods that starts on or after its date: a period that began under the old way
 * of working is a mix of both, so it stays with the old process (Making Data Count: limits
 * are recalculated from the first point of the changed process).
 */
import type { Measure, ProcessChange } from '../model/kpi.js';
import { monthsOf, parsePeriod, type Period } from '../model/periods.js';
import { byText } from '../text/compare.js';

/** First calendar day of a period, as an ISO date (`2025-10-01`). */
export function periodStartDate(p: Period, startMonth: number): string {
  const first = monthsOf(p, startMonth)[0]!;
  return `${first.year}-${String(first.month).padStart(2, '0')}-01`;
}

export interface PlacedChange {
  date: string;
  change: string;
  decidedBy: string;
  rebase: boolean;
  /** The first period of the series starting on or after the date; null when none does yet. */
  periodName: string | null;
  /** Its index in the series given; null with periodName. */
  index: number | null;
}

/** Each of the KPI's process changes, oldest first, placed on `series` (periods oldest first). */
export function placeChanges(kpi: Pick<Measure, 'processChanges'>, series: ReadonlyArray<{ periodName: string }>, startMonth: number): PlacedChange[] {
  const starts = series.map((p) => {
    const parsed = parsePeriod(p.periodName);
    return parsed.ok ? periodStartDate(parsed.value, startMonth) : '';
  });
  return [...kpi.processChanges].sort(byText((c: ProcessChange) => c.date)).map((c) => {
    const index = starts.findIndex((d) => d >= c.date);
    return {
      date: c.date,
      change: c.change,
      decidedBy: c.decidedBy,
      rebase: c.rebase,
      periodName: index < 0 ? null : series[index]!.periodName,
      index: index < 0 ? null : index,
    };
  });
}

/** Where the rebasing changes start new segments of `series`. */
export function rebaseIndexes(placed: readonly PlacedChange[]): number[] {
  return placed.filter((c) => c.rebase && c.index !== null).map((c) => c.index!);
}
