import type { Config, RaggRuleInput } from '../model/config.js';
import type { Band, Measure } from '../model/kpi.js';
import { formatFigure, formatFixed, tidy, type FigureStyle } from './figures.js';

/** The colours a rule gives a figure measured against a set target. */
export type RuleStatus = 'green' | 'amber' | 'red';

/** One band: figures whose shortfall from target is above the previous band's `upTo` and at most this one's. */
export interface RuleBand {
  status: RuleStatus;
  /** The band's own name (Camms names up to five thresholds); the status word when there is none. */
  name: string | null;
  /** Inclusive; null on the last band, which takes every figure beyond. */
  upTo: number | null;
}

/**
 * A status rule as data: bands of the shortfall from target, best first. The shortfall follows
 * polarity (how far worse than target, negative when better) and is measured relative to the
 * target (0.05 = 5% of it) or absolutely in the KPI's unit.
 */
export interface RaggRule {
  measure: 'relative' | 'absolute';
  bands: RuleBand[];
}

/** Every way a rule is written: the legacy amber band, a KPI's tolerance, or bands. */
export type RuleSpec = Band | RaggRule | RaggRuleInput | NonNullable<Measure['ragg']>;

/** The seed's rule (004 §6.1.7) with an amber band of `band`: green on or better, amber up to the band worse, red beyond. */
export function amberBandRule(band: number, bandType: 'relative' | 'absolute'): RaggRule {
  return {
    measure: bandType,
    bands: [
      { status: 'green', name: null, upTo: 0 },
      { status: 'amber', name: null, upTo: band },
      { status: 'red', name: null, upTo: null },
    ],
  };
}

/** A rule however it is written, as bands. */
export function toRule(spec: RuleSpec): RaggRule {
  if ('bands' in spec) return { measure: spec.measure, bands: spec.bands.map((b) => ({ status: b.status, name: b.name ?? null, upTo: b.upTo ?? null })) };
  if ('rule' in spec) return toRule(spec.rule);
  if ('tolerance' in spec) return amberBandRule(spec.tolerance, 'absolute');
  return amberBandRule(spec.band, spec.bandType);
}

/** The rule a KPI is judged by: its own when it has one, else the workspace's. The one place the override applies. */
export function ruleFor(kpi: Pick<Measure, 'ragg'>, ragg: Config['ragg']): RaggRule {
  if (kpi.ragg !== undefined) return toRule(kpi.ragg);
  return ragg.rule ? toRule(ragg.rule) : amberBandRule(ragg.band, ragg.bandType);
}

/** Where a band lies, as a problem with a rule names it: the path inside the rule and what is wrong. */
export interface RuleProblem {
  path: (string | number)[];
  code: 'ragg-rule-order' | 'ragg-rule-coverage';
  message: string;
}

const RANK: Record<RuleStatus, number> = { green: 0, amber: 1, red: 2 };

/**
 * Whether a rule is usable: thresholds strictly increasing, colours never better for a larger
 * shortfall (so a better figure never gets a worse status), and every figure in exactly one
 * band (only the last band is open-ended).
 */
export function ruleProblems(rule: RaggRule): RuleProblem[] {
  const out: RuleProblem[] = [];
  const last = rule.bands.length - 1;
  rule.bands.forEach((b, i) => {
    const label = bandLabel(b);
    if (i < last && b.upTo === null) {
      out.push({
        path: ['bands', i],
        code: 'ragg-rule-coverage',
        message: `band ${i + 1} (${label}) has no upTo, so the bands after it can never apply: give it the largest shortfall it takes`,
      });
    }
    if (i === last && b.upTo !== null) {
      out.push({
        path: ['bands', i, 'upTo'],
        code: 'ragg-rule-coverage',
        message: `the last band (${label}) stops at ${tidy(b.upTo)}, so a figure further from target has no status: leave upTo out of the last band`,
      });
    }
    const before = rule.bands[i - 1];
    if (before === undefined) return;
    if (before.upTo !== null && b.upTo !== null && b.upTo <= before.upTo) {
      out.push({
        path: ['bands', i, 'upTo'],
        code: 'ragg-rule-order',
        message: `band ${i + 1} (${label}) ends at ${tidy(b.upTo)}, not beyond band ${i} (${tidy(before.upTo)}): list the bands best first, each up to a larger shortfall`,
      });
    }
    if (RANK[b.status] < RANK[before.status]) {
      out.push({
        path: ['bands', i, 'status'],
        code: 'ragg-rule-order',
        message: `band ${i + 1} is ${b.status} after a ${before.status} band, so a worse figure would get a better status: order the colours green, amber, red`,
      });
    }
  });
  return out;
}

const WORD: Record<RuleStatus, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** "Green", or a named band with its colour: "Exceeding (Green)". */
export function bandLabel(b: Pick<RuleBand, 'status' | 'name'>): string {
  return b.name === null ? WORD[b.status] : `${b.name} (${WORD[b.status]})`;
}

/** An amount of shortfall in words: "5%" (relative) or "0.25 percentage points" / "2 days" (absolute; bare "2" with no KPI style). */
export function amountText(x: number, measure: RaggRule['measure'], style?: FigureStyle): string {
  if (measure === 'relative') return `${tidy(x * 100)}%`;
  // With no KPI to read the unit from, the amount is bare: the caller says whose unit it is in.
  if (style === undefined) return String(tidy(x));
  return style.unit === 'percentage' ? `${formatFixed(x, style.decimals)} percentage points` : formatFigure(x, style);
}

/** The range of shortfalls (above `from`, up to `to`) in words: "up to 5% worse", "on target or better". */
function rangeText(from: number | null, to: number | null, amount: (x: number) => string): string {
  const worse = (x: number) => `${amount(x)} worse`;
  const better = (x: number) => `${amount(-x)} better`;
  if (from === null) {
    if (to === null) return 'any figure';
    if (to === 0) return 'on target or better';
    if (to > 0) return `on target, better, or up to ${worse(to)}`;
    return `at least ${better(to)} than target`;
  }
  if (to === null) {
    if (from > 0) return `more than ${worse(from)}`;
    if (from === 0) return 'worse than target';
    return `less than ${better(from)}, on target or worse`;
  }
  if (from >= 0) return from === 0 ? `up to ${worse(to)}` : `more than ${amount(from)} and up to ${worse(to)}`;
  if (to < 0) return `less than ${better(from)} and at least ${better(to)}`;
  if (to === 0) return `on target or less than ${better(from)}`;
  return `less than ${better(from)}, on target, or up to ${worse(to)}`;
}

/**
 * The rule in plain words, for a paper's key: "Green: on target or better; Amber: up to 5% worse;
 * Red: more than 5% worse". With a KPI's style an absolute rule's amounts read in its unit.
 */
export function describeRule(rule: RaggRule, style?: FigureStyle): string {
  const unit = rule.measure === 'absolute' && style === undefined ? " (amounts in each KPI's own unit)" : '';
  return `${rule.bands.map((b, i) => `${bandLabel(b)}: ${bandRangeText(rule, i, style)}`).join('; ')}${unit}`;
}

/** A band's threshold in whole counts of the KPI's last printed place, for a target so printed. */
export function thresholdInPrintedUnits(upTo: number, rule: RaggRule, printedTarget: number, decimals: number): number {
  // Rounded to 9 places so 0.05 x 9700 (485.00000000000006) is 485.
  return Number((rule.measure === 'relative' ? upTo * Math.abs(printedTarget) : upTo * 10 ** decimals).toFixed(9));
}

/** The index of the band a shortfall (in printed units) falls in: the first whose threshold reaches it. */
export function bandIndex(shortfall: number, rule: RaggRule, printedTarget: number, decimals: number): number {
  const i = rule.bands.findIndex((b) => b.upTo === null || shortfall <= thresholdInPrintedUnits(b.upTo, rule, printedTarget, decimals));
  // A rule that passes ruleProblems always ends open; an unchecked one falls into its last band.
  return i === -1 ? rule.bands.length - 1 : i;
}

/** The shortfalls band `i` of a rule takes, in words: "more than 5% and up to 10% worse". */
export function bandRangeText(rule: RaggRule, i: number, style?: FigureStyle): string {
  const from = i === 0 ? null : (rule.bands[i - 1]!.upTo ?? null);
  return rangeText(from, rule.bands[i]!.upTo, (x) => amountText(x, rule.measure, style));
}
