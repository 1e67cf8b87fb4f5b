import type { KpiCommentary } from '../model/commentary.js';
import type { Band, Measure } from '../model/kpi.js';
import { formatFigure, formatFixed, tidy, toPrintedUnits, type FigureStyle } from './figures.js';
import type { Outturn } from './rollup.js';
import type { TargetResult } from './targets.js';

/** RAGG (004 §6.1.6-7) plus `missing`: a figure that is due and absent is flagged, never grey. */
export type Status = 'red' | 'amber' | 'green' | 'grey' | 'missing';

/** Whether a status needs an exception report, as the workspace's RAGG settings say. */
export function needsException(status: Status, ragg: { exceptionsFor: readonly string[] }): boolean {
  return ragg.exceptionsFor.includes(status);
}

export interface StatusResult {
  status: Status;
  /** One sentence for reports, e.g. "38.50 days is 3.8% better than the 40.00 days target". */
  explanation: string;
}

export type RaggKpi = Pick<Measure, 'level' | 'polarity' | 'decimals' | 'unit' | 'unitLabel' | 'ragg'>;

/** Committees count amber and grey as on target (004 §6.1.7); missing data is neither. */
export function onTarget(status: Status): boolean | null {
  return status === 'missing' ? null : status !== 'red';
}

/**
 * A difference in the KPI's unit. For a percentage it is in percentage points, so "2.0 points
 * worse" is never read as 2% of the target (the relative band's wording).
 */
function differenceText(x: number, style: FigureStyle): string {
  return style.unit === 'percentage' ? `${formatFixed(x, style.decimals)} percentage points` : formatFigure(x, style);
}

function bandText(band: Band, style: FigureStyle): string {
  return band.bandType === 'relative' ? `${tidy(band.band * 100)}%` : differenceText(band.band, style);
}

/**
 * Colours a reported figure against a set target, both rounded to the KPI's decimal places and
 * compared as whole counts of the last printed place, so the colour agrees with the printed
 * figures and binary noise cannot tip a boundary.
 * - Green: on or better than target.
 * - Amber: worse by no more than the band. A relative band is a share of |target| ("5% or less
 *   worse", so exactly 5% worse is amber); an absolute band is in the KPI's unit.
 * - Red: worse by more than the band. With a target of 0 a relative band is empty (5% of 0), so
 *   any shortfall at all is red; a KPI whose target is 0 and wants slack sets an absolute band.
 */
export function compareToTarget(value: number, target: number, kpi: RaggKpi, band: Band): StatusResult {
  const style: FigureStyle = kpi;
  const v = toPrintedUnits(value, kpi.decimals);
  const t = toPrintedUnits(target, kpi.decimals);
  const shortfall = kpi.polarity === 'lower' ? v - t : t - v;
  // The band in printed units, rounded to 9 places so 0.05 x 9700 (485.00000000000006) is 485.
  const width = Number((band.bandType === 'relative' ? band.band * Math.abs(t) : band.band * 10 ** kpi.decimals).toFixed(9));
  const figure = formatFigure(value, style);
  const targetText = `the ${formatFigure(target, style)} target`;
  if (shortfall === 0) return { status: 'green', explanation: `${figure} meets ${targetText}` };
  const by =
    band.bandType === 'absolute' || t === 0
      ? differenceText(Math.abs(shortfall) / 10 ** kpi.decimals, style)
      : `${formatFixed((Math.abs(shortfall) / Math.abs(t)) * 100, 1)}%`;
  if (shortfall < 0) return { status: 'green', explanation: `${figure} is ${by} better than ${targetText}` };
  const worse = `${figure} is ${by} worse than ${targetText}`;
  if (shortfall <= width) return { status: 'amber', explanation: `${worse}: within the amber band of ${bandText(band, style)}` };
  if (band.bandType === 'relative' && t === 0) {
    return { status: 'red', explanation: `${worse}: a relative amber band is empty when the target is 0` };
  }
  return { status: 'red', explanation: `${worse}: beyond the amber band of ${bandText(band, style)}` };
}

/**
 * The RAGG status of a measure for a period, in this order: not due (grey), missing data
 * (missing, even for trackers and KPIs without targets: the figure is still owed), tracker,
 * neutral polarity or no target (grey), then the comparison with the target. The KPI's own
 * `ragg` band overrides the workspace's.
 */
export function measureStatus(kpi: RaggKpi, outturn: Outturn, target: TargetResult, workspaceBand: Band): StatusResult {
  if (outturn.state === 'notDue') return { status: 'grey', explanation: `not yet reported: ${outturn.reason}` };
  if (outturn.value === null) return { status: 'missing', explanation: `missing data: ${outturn.reason}` };
  if (kpi.level === 'tracker') return { status: 'grey', explanation: 'tracker: monitoring only' };
  if (kpi.polarity === 'neutral') return { status: 'grey', explanation: 'monitoring only: neither a higher nor a lower figure is better' };
  if (target.value === null) return { status: 'grey', explanation: target.reason ?? 'no target' };
  return compareToTarget(outturn.value, target.value, kpi, kpi.ragg ?? workspaceBand);
}

/**
 * Projects and narrative indicators take the status their owner gives in the period's
 * commentary; without one it is missing, unless nothing is due from the KPI this period.
 */
export function qualitativeStatus(commentary: KpiCommentary | undefined, due: boolean, periodName: string): StatusResult {
  if (commentary?.status) return { status: commentary.status, explanation: `status given by the owner for ${periodName}` };
  if (!due) return { status: 'grey', explanation: `not yet reported: nothing is due for ${periodName}` };
  return { status: 'missing', explanation: `missing: no status given in the ${periodName} commentary` };
}
