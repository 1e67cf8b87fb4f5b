/**
 * Which figures each data collector owes for a period, and what to show beside each: pure.
 *
 * A measure owes one figure per period of its own frequency that ends within the collection
 * period (the three months of a quarter for a monthly KPI, nothing at Q3 for an annual one:
 * rollup's notDue), except those already recorded with a figure; a figure recorded as n/a is
 * still owed. Projects and narrative indicators give their status in commentary, not on a form.
 */
import { formatFigure } from './figures.js';
import { deadlineFor } from './due.js';
import { observationsByPeriod, observationsOf } from './observations.js';
import { formatPeriod, previousPeriod, type Period } from '../model/periods.js';
import { ownPeriodsIn } from './spans.js';
import { targetFor } from './targets.js';
import type { IsHoliday } from './working-days.js';
import type { Measure } from '../model/kpi.js';
import { figureRange } from './figure-range.js';
import type { Workspace } from '../model/workspace.js';
import { byEntryKey, compareText } from '../text/compare.js';
import { counted } from '../text/plural.js';

export interface FormRow {
  kpi: string;
  name: string;
  period: string;
  definition: string;
  unit: string;
  target: string;
  /** The previous period's figure as printed, with its period; "none recorded" when absent. */
  last: string;
  deadline: string;
  /** A ratio KPI asks for its numerator and denominator too. */
  ratio: boolean;
  /** Bounds the value cell accepts, from the same rule prf validate applies. */
  min: number | null;
  max: number | null;
}

export interface CollectForm {
  collector: string;
  period: string;
  /**
   * When the collector should return the form: the collection period's own deadline (the
   * quarter's, for a Q3 form, not October's), the earliest among the form's KPIs' lags. An
   * earlier month already overdue shows as such on its row.
   */
  returnBy: string;
  rows: FormRow[];
}

export interface CollectPlan {
  forms: CollectForm[];
  /** Figures already recorded, so left off the forms. */
  alreadyRecorded: number;
}

function unitText(kpi: Measure): string {
  const base = kpi.unit === 'percentage' ? 'percentage (write 96.4 for 96.4%)' : kpi.unit === 'currency' ? 'pounds' : kpi.unit;
  return `${base}${kpi.unitLabel ? `, ${kpi.unitLabel}` : ''}, ${counted(kpi.decimals, 'decimal place')}`;
}

function targetText(kpi: Measure, p: Period, startMonth: number): string {
  const t = targetFor(kpi, p, startMonth);
  if (t.value !== null)
    return `${formatFigure(t.value, kpi)} (${kpi.polarity === 'higher' ? 'higher is better' : kpi.polarity === 'lower' ? 'lower is better' : 'neutral'})`;
  return t.reason ?? 'none';
}

/** The value cell's bounds: validate's figure range, so the form refuses what import would. */
function bounds(kpi: Measure): { min: number | null; max: number | null } {
  const range = figureRange(kpi);
  return { min: range?.min ?? null, max: range !== null && Number.isFinite(range.max) ? range.max : null };
}

export function planCollection(workspace: Workspace, period: Period, isHoliday: IsHoliday, options: { collector?: string } = {}): CollectPlan {
  const startMonth = workspace.config.financialYearStartMonth;
  const byCollector = new Map<string, FormRow[]>();
  const returnBy = new Map<string, string>();
  let alreadyRecorded = 0;
  const wanted = options.collector?.trim().toLowerCase();
  for (const kpi of workspace.kpis) {
    if (kpi.kind !== 'measure') continue;
    if (wanted !== undefined && kpi.roles.collector.trim().toLowerCase() !== wanted) continue;
    const observations = observationsByPeriod(observationsOf(workspace, kpi.id));
    for (const p of ownPeriodsIn(kpi.frequency, period, startMonth)) {
      const name = formatPeriod(p);
      if (observations.get(name)?.value != null) {
        alreadyRecorded++;
        continue;
      }
      const previous = observations.get(formatPeriod(previousPeriod(p)));
      const row: FormRow = {
        kpi: kpi.id,
        name: kpi.name,
        period: name,
        definition: kpi.definition,
        unit: unitText(kpi),
        target: targetText(kpi, p, startMonth),
        last:
          previous?.value != null ? `${formatFigure(previous.value, kpi)} (${previous.periodName})` : `none recorded for ${formatPeriod(previousPeriod(p))}`,
        deadline: deadlineFor(kpi, p, startMonth, isHoliday),
        ratio: kpi.aggregation === 'ratio',
        ...bounds(kpi),
      };
      const collector = kpi.roles.collector.trim();
      byCollector.set(collector, [...(byCollector.get(collector) ?? []), row]);
      const due = deadlineFor(kpi, period, startMonth, isHoliday);
      if (!returnBy.has(collector) || due < returnBy.get(collector)!) returnBy.set(collector, due);
    }
  }
  const forms = [...byCollector.entries()].sort(byEntryKey).map(([collector, rows]) => ({
    collector,
    period: formatPeriod(period),
    returnBy: returnBy.get(collector)!,
    rows: rows.sort((a, b) => compareText(a.kpi, b.kpi) || compareText(a.period, b.period)),
  }));
  return { forms, alreadyRecorded };
}

/** A collector's role as a file name: `Repairs Analyst` becomes `repairs-analyst`. */
export function collectorSlug(collector: string): string {
  return (
    collector
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'collector'
  );
}
