/**
 * Statistical process control: an XmR chart with the special-cause rules and icons of NHS
 * England's "Making Data Count", following its reference R package NHSRplotthedots
 * (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R, R/ptd_calculate_assurance_type.R).
 *
 * Choices, each as the reference makes it unless said otherwise:
 * - Limits: mean +/- 2.66 x the mean moving range; the 2-sigma lines at (2/3) x 2.66. Moving
 *   ranges of 3.267 x the first mean moving range or more are screened out and the mean moving
 *   range recomputed (the reference keeps only `mr < 3.267 * amr`; the Excel tool does not
 *   screen, the R package does by default, citing Nelson 1982).
 * - Beyond a limit: strictly above the upper or below the lower process limit.
 * - Shift: `shiftLength` or more consecutive points strictly on one side of the mean; a point
 *   on the mean breaks the run. Every point of the run is flagged.
 * - Trend: `trendLength` or more consecutive POINTS (so trendLength - 1 differences) each
 *   strictly higher (or lower) than the one before; a repeated value breaks the run. Every
 *   point of the run is flagged.
 * - Two of three: in any three consecutive points that are all on the same side of the mean,
 *   at least two lie beyond the 2-sigma line but within the process limit on that side; those
 *   two (or three) are flagged. Points beyond the limit do not count here (they are flagged by
 *   their own rule), and the third point must be on the same side too, which is stricter than
 *   "two of three" read alone (the reference's test "it only reports special cause for 2 of 3
 *   points close to limits when they are on the same side of the mean").
 * - Direction: a flagged point's direction comes from the first rule that applies in the
 *   reference's order, beyond limit, trend, two of three, shift (so a point above the upper
 *   limit inside a falling trend is high). `rules` lists every rule that applies, in that
 *   order. A point where a rising and a falling trend meet takes the later trend's direction,
 *   as the reference does ("use right side"); where the two runs are separated by a repeated
 *   value the reference reads the flat step as decreasing, this module keeps each run's own
 *   direction.
 * - Improvement or concern by polarity; neutral polarity gives `neither`. The variation icon is
 *   the latest point's; the assurance icon compares the target with the process limits
 *   (strictly: a target on a limit is inconsistent), null with no target or neutral polarity.
 * - Not in the reference: fewer than `minimumPoints` (or two, needed for a moving range) gives
 *   null rather than a warning; a series with no variation (mean moving range 0) keeps limits
 *   on the mean, where the reference's screening leaves NaN; the mean, mean moving range and
 *   lines are tidied to 15 significant figures, so a point on the mean in decimal terms
 *   (0.2 among 0.1, 0.2, 0.3) is on it rather than a binary hair away.
 */
import { tidy } from './figures.js';

export interface SpcSettings {
  minimumPoints: number;
  shiftLength: number;
  trendLength: number;
}
export type SpcRule = 'beyondLimit' | 'shift' | 'trend' | 'twoOfThree';
export type Variation = 'common_cause' | 'special_cause_improving' | 'special_cause_concerning' | 'special_cause_neither';
export type Assurance = 'consistent_pass' | 'consistent_fail' | 'inconsistent';
export interface SpcPoint {
  periodName: string;
  value: number;
  specialCause: 'improvement' | 'concern' | 'neither' | null;
  rules: SpcRule[];
}
export interface SpcResult {
  mean: number;
  meanMovingRange: number;
  upperLimit: number;
  lowerLimit: number;
  upperTwoSigma: number;
  lowerTwoSigma: number;
  points: SpcPoint[];
  variation: Variation;
  assurance: Assurance | null;
}

type Polarity = 'higher' | 'lower' | 'neutral';
/** +1 high, -1 low, 0 on the mean (or no direction). */
type Side = -1 | 0 | 1;

const LIMIT = 2.66;
const TWO_SIGMA = (2 / 3) * LIMIT;
const MOVING_RANGE_SCREEN = 3.267;

const average = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function meanMovingRange(values: number[]): number {
  const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  const first = average(ranges);
  if (first === 0) return 0;
  return average(ranges.filter((r) => r < MOVING_RANGE_SCREEN * first));
}

/** Flags every point of each maximal run of equal non-zero `keys` that is at least `length` long. */
function runsOfAtLeast(keys: Side[], length: number): Side[] {
  const out: Side[] = keys.map(() => 0);
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (keys[start] !== 0 && i - start >= length) out.fill(keys[start]!, start, i);
    start = i;
  }
  return out;
}

/** Each point's trend direction (0 when in no trend); later runs overwrite the shared turning point. */
function trends(values: number[], length: number): Side[] {
  const steps = values.slice(1).map((v, i) => Math.sign(v - values[i]!) as Side);
  const out: Side[] = values.map(() => 0);
  let start = 0;
  for (let i = 1; i <= steps.length; i++) {
    if (i < steps.length && steps[i] === steps[start]) continue;
    // Steps start..i-1 join points start..i.
    if (steps[start] !== 0 && i - start + 1 >= length) out.fill(steps[start]!, start, i + 1);
    start = i;
  }
  return out;
}

/** Near points (beyond 2 sigma, within the limit) in a window of three all on one side, two or more near. */
function twoOfThree(sides: Side[], near: boolean[]): boolean[] {
  const out = near.map(() => false);
  for (let i = 0; i + 2 < sides.length; i++) {
    const side = sides[i];
    if (side === 0 || sides[i + 1] !== side || sides[i + 2] !== side) continue;
    if (Number(near[i]) + Number(near[i + 1]) + Number(near[i + 2]) < 2) continue;
    for (let j = i; j <= i + 2; j++) if (near[j]) out[j] = true;
  }
  return out;
}

function classify(direction: Side, polarity: Polarity): SpcPoint['specialCause'] {
  if (polarity === 'neutral') return 'neither';
  return (direction === 1) === (polarity === 'higher') ? 'improvement' : 'concern';
}

const VARIATION: Record<NonNullable<SpcPoint['specialCause']>, Variation> = {
  improvement: 'special_cause_improving',
  concern: 'special_cause_concerning',
  neither: 'special_cause_neither',
};

function assurance(target: number | null, polarity: Polarity, lower: number, upper: number): Assurance | null {
  if (target === null || polarity === 'neutral') return null;
  if (target > upper) return polarity === 'higher' ? 'consistent_fail' : 'consistent_pass';
  if (target < lower) return polarity === 'higher' ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}

/** null when fewer than settings.minimumPoints points. Points must be non-null values, oldest first. */
export function spc(points: Array<{ periodName: string; value: number }>, polarity: Polarity, target: number | null, settings: SpcSettings): SpcResult | null {
  if (points.length < Math.max(settings.minimumPoints, 2)) return null;
  const values = points.map((p) => p.value);
  const mean = tidy(average(values));
  const mr = tidy(meanMovingRange(values));
  const upperLimit = tidy(mean + LIMIT * mr);
  const lowerLimit = tidy(mean - LIMIT * mr);
  const upperTwoSigma = tidy(mean + TWO_SIGMA * mr);
  const lowerTwoSigma = tidy(mean - TWO_SIGMA * mr);

  const sides = values.map((v) => Math.sign(v - mean) as Side);
  const beyond = values.map((v) => v > upperLimit || v < lowerLimit);
  const near = values.map((v, i) => !beyond[i] && (v > upperTwoSigma || v < lowerTwoSigma));
  const trend = trends(values, settings.trendLength);
  const nearPair = twoOfThree(sides, near);
  const shift = runsOfAtLeast(sides, settings.shiftLength);

  const out: SpcPoint[] = points.map(({ periodName, value }, i) => {
    if (!beyond[i] && trend[i] === 0 && !nearPair[i] && shift[i] === 0) return { periodName, value, specialCause: null, rules: [] };
    // In the reference's order of precedence: the first rule that applies sets the direction.
    const found: Array<[SpcRule, Side]> = [];
    if (beyond[i]) found.push(['beyondLimit', sides[i]!]);
    if (trend[i] !== 0) found.push(['trend', trend[i]!]);
    if (nearPair[i]) found.push(['twoOfThree', sides[i]!]);
    if (shift[i] !== 0) found.push(['shift', shift[i]!]);
    const first = found[0];
    return { periodName, value, specialCause: first ? classify(first[1], polarity) : null, rules: found.map(([rule]) => rule) };
  });
  const latest = out[out.length - 1]!.specialCause;
  return {
    mean,
    meanMovingRange: mr,
    upperLimit,
    lowerLimit,
    upperTwoSigma,
    lowerTwoSigma,
    points: out,
    variation: latest === null ? 'common_cause' : VARIATION[latest],
    assurance: assurance(target, polarity, lowerLimit, upperLimit),
  };
}
