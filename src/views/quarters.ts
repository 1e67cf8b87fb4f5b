import { roundTo } from '../core/figures.js';
import { observationsOf } from '../core/observations.js';
import { outturnFor, yearToDateOutturn } from '../core/rollup.js';
import { targetFor } from '../core/targets.js';
import type { Kpi } from '../model/kpi.js';
import type { Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';

export interface YearSoFar {
  /** One figure per earlier quarter of the year so far, as printed (rounded); null where there is none. */
  quarters: Array<number | null>;
  yearToDate: number | null;
  /** The target for the whole year, shown beside the year to date of a cumulative measure. */
  yearTarget: number | null;
}

/** The quarters of the financial year before `period`: none unless it is a quarter. */
export function earlierQuarters(period: Period): Array<Period & { kind: 'quarter' }> {
  if (period.kind !== 'quarter') return [];
  return ([1, 2, 3, 4] as const).filter((q) => q < period.quarter).map((quarter) => ({ kind: 'quarter', fy: period.fy, quarter }));
}

/**
 * A measure's figure for each earlier quarter and for the year to date, rolled up the way its
 * status is, so the quarters read across to the outturn beside them (a cumulative measure's
 * quarter figure is already its year to date, so its year to date is the outturn itself).
 */
export function yearSoFar(kpi: Kpi, workspace: Workspace, period: Period): YearSoFar | null {
  if (kpi.kind !== 'measure' || period.kind !== 'quarter') return null;
  const startMonth = workspace.config.financialYearStartMonth;
  const observations = observationsOf(workspace, kpi.id);
  const printed = (x: number | null) => (x === null ? null : roundTo(x, kpi.decimals));
  const quarters = earlierQuarters(period).map((q) => printed(outturnFor(kpi, observations, q, startMonth).value));
  const yearToDate = printed((kpi.cumulative ? outturnFor : yearToDateOutturn)(kpi, observations, period, startMonth).value);
  const yearTarget = kpi.cumulative ? printed(targetFor(kpi, { kind: 'year', fy: period.fy }, startMonth).value) : null;
  return { quarters, yearToDate, yearTarget };
}
