import type { KpiCommentary } from '../model/commentary.js';
import type { Measure } from '../model/kpi.js';
import { formatFigure, formatFixed, toPrintedUnits, type FigureStyle } from './figures.js';
import { amountText, bandIndex, bandRangeText, toRule, type RaggRule, type RuleSpec } from './rule.js';
import type { Outturn } from './rollup.js';
import type { TargetResult } from './targets.js';

/**
 * RAGG (004 §6.1.6-7) plus `missing`: a figure that is due and absent is flagged, never grey;
 * and `na`: the measure does not apply to the body for the period (no lifts, so no lift checks),
 * which is not missing data and holds nothing up.
 */
export type Status = 'red' | 'amber' | 'green' | 'grey' | 'missing' | 'na';

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

/** Committees count amber and grey as on target (004 §6.1.7); missing data and N/A are neither. */
export function onTarget(status: Status): boolean | null {
  return status === 'missing' || status === 'na' ? null : status !== 'red';
}

/**
 * Colours a reported figure against a set target by the KPI's rule, both rounded to the KPI's
 * decimal places and compared as whole counts of the last printed place, so the colour agrees
 * with the printed figures and binary noise cannot tip a boundary. Every threshold is inclusive
 * ("5% or less worse" is amber, so exactly 5% worse is amber). With a target of 0 a relative
 * threshold is 0 (5% of 0): on target takes the first band reaching it and any shortfall at all
 * the last band, so a KPI whose target is 0 and wants slack sets an absolute rule.
 */
export function compareToTarget(value: number, target: number, kpi: RaggKpi, spec: RuleSpec): StatusResult {
  const rule = toRule(spec);
  const style: FigureStyle = kpi;
  const v = toPrintedUnits(value, kpi.decimals);
  const t = toPrintedUnits(target, kpi.decimals);
  const shortfall = kpi.polarity === 'lower' ? v - t : t - v;
  const i = bandIndex(shortfall, rule, t, kpi.decimals);
  const band = rule.bands[i]!;
  const status = band.status;
  const figure = formatFigure(value, style);
  const targetText = `the ${formatFigure(target, style)} target`;
  const legacy = isAmberBandRule(rule);
  const zeroRelative = rule.measure === 'relative' && t === 0;
  const amount = (x: number) => amountText(x, rule.measure, style);
  const by =
    rule.measure === 'absolute' || t === 0
      ? amountText(Math.abs(shortfall) / 10 ** kpi.decimals, 'absolute', style)
      : `${formatFixed((Math.abs(shortfall) / Math.abs(t)) * 100, 1)}%`;
  const base = shortfall === 0 ? `${figure} meets ${targetText}` : `${figure} is ${by} ${shortfall < 0 ? 'better' : 'worse'} than ${targetText}`;
  // The first band reaching on-target needs no more words when it is plain green: "meets", "better than".
  if (shortfall <= 0 && i === 0 && band.name === null && status === 'green') return { status, explanation: base };
  const from = i === 0 ? null : rule.bands[i - 1]!.upTo;
  const name = band.name ?? status;
  if (zeroRelative && shortfall > 0 && i === rule.bands.length - 1) {
    const why = legacy
      ? `a relative ${rule.bands[1]!.name ?? rule.bands[1]!.status} band is empty when the target is 0`
      : 'relative thresholds are all 0 when the target is 0';
    return { status, explanation: `${base}: ${why}` };
  }
  if (from === 0 && band.upTo !== null) return { status, explanation: `${base}: within the ${name} band of ${amount(band.upTo)}` };
  const previous = rule.bands[i - 1];
  const previousFrom = i >= 2 ? rule.bands[i - 2]!.upTo : null;
  // A KPI with an amber band of 0 (any shortfall is red) has no band to be beyond.
  if (band.upTo === null && previous?.upTo === 0 && previousFrom === 0) return { status, explanation: `${base}: any shortfall is ${name} for this indicator` };
  if (band.upTo === null && previous?.upTo != null && previousFrom === 0) {
    return { status, explanation: `${base}: beyond the ${previous.name ?? previous.status} band of ${amount(previous.upTo)}` };
  }
  return { status, explanation: `${base}: in the ${name} band (${bandRangeText(rule, i, style)})` };
}

/** Whether a rule is the seed's shape (green on or better, one amber band, red beyond), unnamed. */
function isAmberBandRule(rule: RaggRule): boolean {
  const [g, a, r] = rule.bands;
  return (
    rule.bands.length === 3 &&
    g!.status === 'green' &&
    g!.upTo === 0 &&
    a!.status === 'amber' &&
    r!.status === 'red' &&
    rule.bands.every((b) => b.name === null)
  );
}

/**
 * The RAGG status of a measure for a period, in this order: not due (grey), not applicable (N/A,
 * with its reason), missing data (missing, even for trackers and KPIs without targets: the figure
 * is still owed), tracker, neutral polarity or no target (grey, with the reason: information
 * only, none this period), then the comparison with the target by `rule` (the KPI's rule: see
 * ruleFor).
 */
export function measureStatus(kpi: RaggKpi, outturn: Outturn, target: TargetResult, rule: RuleSpec): StatusResult {
  if (outturn.state === 'notDue') return { status: 'grey', explanation: `not yet reported: ${outturn.reason}` };
  if (outturn.state === 'notApplicable') return { status: 'na', explanation: `not applicable: ${outturn.reason}` };
  if (outturn.value === null) return { status: 'missing', explanation: `missing data: ${outturn.reason}` };
  if (kpi.level === 'tracker') return { status: 'grey', explanation: 'tracker: monitoring only' };
  if (kpi.polarity === 'neutral') return { status: 'grey', explanation: 'monitoring only: neither a higher nor a lower figure is better' };
  if (target.value === null) return { status: 'grey', explanation: target.reason ?? 'no target' };
  return compareToTarget(outturn.value, target.value, kpi, rule);
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
