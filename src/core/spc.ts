/**
 * Statistical process control: an XmR chart with the special-cause rules and icons of NHS
 * England's "Making Data Count", following its reference R package NHSRplotthedots
 * (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R, R/ptd_calculate_assurance_type.R,
 * R/ptd_add_short_group_warnings.R, R/geom_ptd_icon.R).
 *
 * Choices, each as the reference makes it unless said otherwise:
 * - Limits: mean +/- 2.66 x the mean moving range; the 2-sigma lines at (2/3) x 2.66. Moving
 *   ranges of 3.267 x the first mean moving range or more are screened out and the mean moving
 *   range recomputed (the reference keeps only `mr < 3.267 * amr` when `screen_outliers` is on,
 *   its default, citing Nelson 1982; `screenMovingRanges: false` keeps every range, as the Making
 *   Data Count Excel tool does).
 * - Segments (the reference's rebase groups): a recorded process change with `rebase: true`
 *   starts a new segment; each segment has its own mean and limits and the special-cause rules
 *   run within it. `fixAfter: N` takes a segment's mean and limits from its first N points and
 *   holds them (the reference's `fix_after_n_points`).
 * - Trial limits: a segment with fewer points than `minimumPoints` (default 13, the reference's
 *   `ptd_spc.warning_threshold`) has trial limits, said as such. With no recorded rebase, a
 *   series shorter than that has no SPC at all (null), as before.
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
 * - Improvement or concern by polarity; neutral polarity gives `neither`, high or low. The
 *   variation icon is the latest point's, named as the reference names Making Data Count's icon
 *   files (common_cause, improvement_high, concern_low, neutral_high, ...).
 * - Assurance compares the target with the process limits (strictly: a target on a limit is
 *   inconsistent), null with no target or neutral polarity. It is judged on the current process
 *   only: the current segment, or, where the latest points are a run of special-cause
 *   improvement or concern that no recorded change explains, on the points since the run began
 *   (their own mean and limits, and a consistent verdict only if every point of the run agrees
 *   with it), said in `assuranceBasis`. Not in the reference, which judges
 *   the last segment's limits whatever its points did; Making Data Count's guidance is that a
 *   sustained special cause means the old limits no longer describe the process.
 * - Not in the reference: a series with no variation (mean moving range 0) keeps limits on the
 *   mean, where the reference's screening leaves NaN, and a target equal to that mean is met by
 *   every point, so it is a consistent pass; the mean, mean moving range and lines are tidied to
 *   15 significant figures, so a point on the mean in decimal terms (0.2 among 0.1, 0.2, 0.3) is
 *   on it rather than a binary hair away.
 */
import { tidy } from './figures.js';

export interface SpcSettings {
  /** A segment with fewer points has trial limits; with no rebase, a shorter series has no SPC. */
  minimumPoints: number;
  shiftLength: number;
  trendLength: number;
  /** Take each segment's limits from its first N points and hold them; null: every point. */
  fixAfter?: number | null;
  /** Screen moving ranges of 3.267 x their mean or more out of the limits (default true). */
  screenMovingRanges?: boolean;
}
export type SpcRule = 'beyondLimit' | 'shift' | 'trend' | 'twoOfThree';
export type Variation = 'common_cause' | 'special_cause_improving' | 'special_cause_concerning' | 'special_cause_neither';
export type Assurance = 'consistent_pass' | 'consistent_fail' | 'inconsistent';
/** Making Data Count's variation icons, by the names the reference gives their files. */
export type VariationIcon = 'common_cause' | 'improvement_high' | 'improvement_low' | 'concern_high' | 'concern_low' | 'neutral_high' | 'neutral_low';
/** Making Data Count's assurance icons, by the names the reference gives their files. */
export type AssuranceIcon = 'pass' | 'fail' | 'inconsistent';
export interface SpcPoint {
  periodName: string;
  value: number;
  specialCause: 'improvement' | 'concern' | 'neither' | null;
  /** Which side of the mean the special cause lies (null when common cause). */
  direction: 'high' | 'low' | null;
  rules: SpcRule[];
  /** The index of the segment the point is in (0 before any rebase). */
  segment: number;
}
export interface ControlLimits {
  mean: number;
  meanMovingRange: number;
  upperLimit: number;
  lowerLimit: number;
  upperTwoSigma: number;
  lowerTwoSigma: number;
}
export interface SpcSegment extends ControlLimits {
  /** The first and last periods of the segment. */
  from: string;
  to: string;
  points: number;
  /** How many of its first points the limits come from (all of them unless fixAfter). */
  baselinePoints: number;
  /** Fewer points than minimumPoints: the limits are trial limits. */
  trial: boolean;
}
export interface AssuranceBasis {
  /** `process`: the current segment's limits; `run`: the points since a special-cause run began. */
  kind: 'process' | 'run';
  from: string;
  points: number;
  upperLimit: number;
  lowerLimit: number;
}
export interface SpcResult extends ControlLimits {
  /** The current (last) segment's limits are the top-level ones; each segment is listed too. */
  segments: SpcSegment[];
  /** The current segment's limits are trial limits. */
  trial: boolean;
  points: SpcPoint[];
  variation: Variation;
  variationIcon: VariationIcon;
  assurance: Assurance | null;
  assuranceIcon: AssuranceIcon | null;
  assuranceBasis: AssuranceBasis | null;
}

type Polarity = 'higher' | 'lower' | 'neutral';
/** +1 high, -1 low, 0 on the mean (or no direction). */
type Side = -1 | 0 | 1;

const LIMIT = 2.66;
const TWO_SIGMA = (2 / 3) * LIMIT;
const MOVING_RANGE_SCREEN = 3.267;

const average = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function meanMovingRange(values: number[], screen: boolean): number {
  const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  if (ranges.length === 0) return 0;
  const first = average(ranges);
  if (first === 0 || !screen) return first;
  return average(ranges.filter((r) => r < MOVING_RANGE_SCREEN * first));
}

/** Mean, mean moving range and lines of `values` (the baseline the limits come from). */
export function controlLimits(values: number[], screen = true): ControlLimits {
  const mean = tidy(average(values));
  const mr = tidy(meanMovingRange(values, screen));
  return {
    mean,
    meanMovingRange: mr,
    upperLimit: tidy(mean + LIMIT * mr),
    lowerLimit: tidy(mean - LIMIT * mr),
    upperTwoSigma: tidy(mean + TWO_SIGMA * mr),
    lowerTwoSigma: tidy(mean - TWO_SIGMA * mr),
  };
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
const ICON_STEM: Record<NonNullable<SpcPoint['specialCause']>, string> = { improvement: 'improvement', concern: 'concern', neither: 'neutral' };
const ASSURANCE_ICON: Record<Assurance, AssuranceIcon> = { consistent_pass: 'pass', consistent_fail: 'fail', inconsistent: 'inconsistent' };

function assurance(target: number | null, polarity: Polarity, limits: Pick<ControlLimits, 'mean' | 'lowerLimit' | 'upperLimit'>): Assurance | null {
  if (target === null || polarity === 'neutral') return null;
  // No variation and the target exactly on the mean: every point is on target, which meets it.
  if (limits.lowerLimit === limits.upperLimit && target === limits.mean) return 'consistent_pass';
  if (target > limits.upperLimit) return polarity === 'higher' ? 'consistent_fail' : 'consistent_pass';
  if (target < limits.lowerLimit) return polarity === 'higher' ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}

type Input = { periodName: string; value: number };

/**
 * A run is a process still settling (a trend, or a step whose level the limits of a few points
 * place roughly): a consistent verdict from its limits stands only if every point of the run
 * agrees with it. A run that has both met and missed the target is inconsistent by its own
 * record, so the verdict never says "consistently missed" beside a figure that meets it.
 */
function agreeWithRun(judged: Assurance | null, run: SpcPoint[], target: number, polarity: Polarity): Assurance | null {
  if (judged === null || judged === 'inconsistent') return judged;
  const meets = (v: number) => (polarity === 'higher' ? v >= target : v <= target);
  const agree = run.every((p) => meets(p.value) === (judged === 'consistent_pass'));
  return agree ? judged : 'inconsistent';
}

/** The special-cause reading of one segment's points against its limits. */
function readSegment(points: Input[], limits: ControlLimits, polarity: Polarity, settings: SpcSettings, segment: number): SpcPoint[] {
  const values = points.map((p) => p.value);
  const { mean, upperLimit, lowerLimit, upperTwoSigma, lowerTwoSigma } = limits;
  const sides = values.map((v) => Math.sign(v - mean) as Side);
  const beyond = values.map((v) => v > upperLimit || v < lowerLimit);
  const near = values.map((v, i) => !beyond[i] && (v > upperTwoSigma || v < lowerTwoSigma));
  const trend = trends(values, settings.trendLength);
  const nearPair = twoOfThree(sides, near);
  const shift = runsOfAtLeast(sides, settings.shiftLength);

  return points.map(({ periodName, value }, i) => {
    if (!beyond[i] && trend[i] === 0 && !nearPair[i] && shift[i] === 0) return { periodName, value, specialCause: null, direction: null, rules: [], segment };
    // In the reference's order of precedence: the first rule that applies sets the direction.
    const found: Array<[SpcRule, Side]> = [];
    if (beyond[i]) found.push(['beyondLimit', sides[i]!]);
    if (trend[i] !== 0) found.push(['trend', trend[i]!]);
    if (nearPair[i]) found.push(['twoOfThree', sides[i]!]);
    if (shift[i] !== 0) found.push(['shift', shift[i]!]);
    const side = found[0]![1];
    return { periodName, value, specialCause: classify(side, polarity), direction: side === 1 ? 'high' : 'low', rules: found.map(([rule]) => rule), segment };
  });
}

/**
 * Where the latest points are a run of special-cause improvement or concern (two or more points,
 * starting after the segment's first), the index its run begins at; otherwise null.
 */
function latestRunStart(points: SpcPoint[], segmentStart: number): number | null {
  const last = points.length - 1;
  const cause = points[last]!.specialCause;
  if (cause !== 'improvement' && cause !== 'concern') return null;
  let start = last;
  while (start > segmentStart && points[start - 1]!.specialCause === cause) start--;
  return start > segmentStart && last - start + 1 >= 2 ? start : null;
}

/**
 * The XmR reading of `points` (non-null values, oldest first). `rebaseAt` lists the indexes at
 * which a recorded process change starts a new segment. Null when the current segment has fewer
 * than two points, or when there is no rebase and fewer than settings.minimumPoints points.
 */
export function spc(points: Input[], polarity: Polarity, target: number | null, settings: SpcSettings, rebaseAt: readonly number[] = []): SpcResult | null {
  const starts = [0, ...new Set(rebaseAt.filter((i) => i > 0 && i < points.length))].sort((a, b) => a - b);
  if (starts.length === 1 && points.length < settings.minimumPoints) return null;
  if (points.length - starts.at(-1)! < 2) return null;
  const screen = settings.screenMovingRanges ?? true;

  const segments: SpcSegment[] = [];
  const out: SpcPoint[] = [];
  starts.forEach((from, s) => {
    const to = s + 1 < starts.length ? starts[s + 1]! : points.length;
    const own = points.slice(from, to);
    const baseline = settings.fixAfter ? own.slice(0, settings.fixAfter) : own;
    const limits = controlLimits(
      baseline.map((p) => p.value),
      screen,
    );
    segments.push({
      ...limits,
      from: own[0]!.periodName,
      to: own.at(-1)!.periodName,
      points: own.length,
      baselinePoints: baseline.length,
      trial: own.length < settings.minimumPoints,
    });
    out.push(...readSegment(own, limits, polarity, settings, s));
  });

  const current = segments.at(-1)!;
  const latest = out.at(-1)!;
  const runStart = latestRunStart(out, starts.at(-1)!);
  let basis: AssuranceBasis | null = null;
  let judged: Assurance | null = null;
  if (target !== null && polarity !== 'neutral') {
    const run =
      runStart === null
        ? null
        : controlLimits(
            out.slice(runStart).map((p) => p.value),
            screen,
          );
    const limits = run ?? current;
    judged = assurance(target, polarity, limits);
    if (run) judged = agreeWithRun(judged, out.slice(runStart!), target, polarity);
    basis = {
      kind: run ? 'run' : 'process',
      from: run ? out[runStart!]!.periodName : current.from,
      points: run ? out.length - runStart! : current.points,
      upperLimit: limits.upperLimit,
      lowerLimit: limits.lowerLimit,
    };
  }
  const { from: _from, to: _to, points: _points, baselinePoints: _baseline, trial, ...limits } = current;
  return {
    ...limits,
    segments,
    trial,
    points: out,
    variation: latest.specialCause === null ? 'common_cause' : VARIATION[latest.specialCause],
    variationIcon: latest.specialCause === null ? 'common_cause' : (`${ICON_STEM[latest.specialCause]}_${latest.direction!}` as VariationIcon),
    assurance: judged,
    assuranceIcon: judged === null ? null : ASSURANCE_ICON[judged],
    assuranceBasis: basis,
  };
}
