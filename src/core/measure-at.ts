import type { Measure } from '../model/kpi.js';
import type { Observation, Workspace } from '../model/workspace.js';
import { fyName, fyOf, type Period } from '../model/periods.js';
import { measureStatus, type StatusResult } from './ragg.js';
import { outturnFor, yearToDateOutturn, type Outturn } from './rollup.js';
import { ruleFor, type RaggRule } from './rule.js';
import { targetFor, targetForYearToDate, type TargetResult } from './targets.js';
import { observationsByPeriod } from './observations.js';

/** A measure's standing at a period: what status, due and the 70% check all start from. */
export interface MeasureAt extends StatusResult {
  outturn: Outturn;
  target: TargetResult;
  /** The rule the status was judged by: the KPI's own, else the workspace's. */
  rule: RaggRule;
  /** The periods whose rows the figure is read from and that name no reviewer. */
  unsigned: string[];
  /** Every row the figure is read from names a reviewer; null when there is no figure. */
  signedOff: boolean | null;
}

/**
 * A measure's outturn, target and status for `period` (or its year to date), in one place so
 * that status, due and the 70% check cannot disagree:
 * - a year the dictionary marks not applicable (`notApplicable: { 2025-26: reason }`) is N/A;
 * - the rule is the KPI's own, else the workspace's (ruleFor), applied once here;
 * - sign-off is owed on every row the figure is read from that has a figure.
 */
export function measureAt(kpi: Measure, observations: Observation[], period: Period, workspace: Workspace, options: { yearToDate?: boolean } = {}): MeasureAt {
  const startMonth = workspace.config.financialYearStartMonth;
  const year = fyName(fyOf(period, startMonth));
  const notApplicable = kpi.notApplicable?.[year];
  const outturn: Outturn =
    notApplicable !== undefined
      ? { value: null, state: 'notApplicable', missing: [], from: [], reason: `${year}: ${notApplicable}` }
      : (options.yearToDate ? yearToDateOutturn : outturnFor)(kpi, observations, period, startMonth);
  const target = (options.yearToDate ? targetForYearToDate : targetFor)(kpi, period, startMonth);
  const rule = ruleFor(kpi, workspace.config.ragg);
  const byName = observationsByPeriod(observations);
  const unsigned = outturn.from.filter((name) => {
    const row = byName.get(name);
    return row !== undefined && row.value !== null && !row.reviewedBy?.trim();
  });
  return {
    outturn,
    target,
    rule,
    ...measureStatus(kpi, outturn, target, rule),
    unsigned,
    signedOff: outturn.value === null ? null : unsigned.length === 0,
  };
}
