import { describe, expect, it } from 'vitest';
import { spc, type SpcResult, type SpcRule, type SpcSettings } from '../../src/core/spc.js';

const loose: SpcSettings = { minimumPoints: 2, shiftLength: 7, trendLength: 7 };
type Polarity = 'higher' | 'lower' | 'neutral';

function run(
  values: number[],
  settings: Partial<SpcSettings> = {},
  polarity: Polarity = 'higher',
  target: number | null = null,
  rebaseAt: number[] = [],
): SpcResult {
  const result = spc(
    values.map((value, i) => ({ periodName: `p${i}`, value })),
    polarity,
    target,
    { ...loose, ...settings },
    rebaseAt,
  );
  if (result === null) throw new Error('expected a result');
  return result;
}

const withRule = (r: SpcResult, rule: SpcRule) => r.points.flatMap((p, i) => (p.rules.includes(rule) ? [i] : []));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sig3 = (x: number) => Number(x.toPrecision(3));

// set.seed(123); rnorm(20) in R: the data of NHSRplotthedots tests/testthat/test-ptd_spc.R.
const RNORM_20 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.2240818, 0.35981383,
  0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.7013559, -0.47279141,
];
// Alternating +1/-1: mean 0, every moving range 2, a quiet base to put patterns after.
const BASE = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : -1));

describe('reference worked examples (NHSRplotthedots)', () => {
  // tests/testthat/_snaps/ptd_spc.md, "it outputs expected content": the whole series, then the
  // two facets (first ten, last ten). All points common cause.
  it.each([
    { name: 'all 20 points', values: RNORM_20, mean: 0.142, lower: -3.01, upper: 3.29 },
    { name: 'facet 0 (points 1-10)', values: RNORM_20.slice(0, 10), mean: 0.0746, lower: -2.6, upper: 2.75 },
    { name: 'facet 1 (points 11-20)', values: RNORM_20.slice(10), mean: 0.209, lower: -3.28, upper: 3.7 },
  ])('$name: mean $mean, limits $lower to $upper, no special cause', ({ values, mean, lower, upper }) => {
    const r = run(values);
    expect([sig3(r.mean), sig3(r.lowerLimit), sig3(r.upperLimit)]).toEqual([mean, lower, upper]);
    expect(r.points.filter((p) => p.specialCause !== null)).toEqual([]);
    expect(r.variation).toBe('common_cause');
  });

  // tests/testthat/test-ptd_spc_standard.R, "it only reports special cause for 2 of 3 points
  // close to limits when they are on the same side of the mean". By hand: mean 0; moving ranges
  // thirteen 2s, 6.5 and 11; 11 is at least 3.267 x 2.9 (the first mean) so it is screened out,
  // leaving 32.5 / 14; limits +/- 2.66 x that = 6.175; 2-sigma lines +/- 4.1167.
  it('2 of 3 close to the limits on opposite sides of the mean is common cause, with exact limits', () => {
    const values: number[] = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    values[14] = 5.5;
    values[15] = -5.5;
    const r = run(values);
    expect(r.mean).toBe(0);
    expect(r.meanMovingRange).toBeCloseTo(32.5 / 14, 12);
    expect([r.lowerLimit, r.upperLimit]).toEqual([-6.175, 6.175]);
    expect(r.upperTwoSigma).toBeCloseTo(4.116667, 6);
    expect(r.lowerTwoSigma).toBeCloseTo(-4.116667, 6);
    expect(r.points.slice(-2).map((p) => p.specialCause)).toEqual([null, null]);
  });

  // vignettes/deviations.Rmd, "Treatment of outlying points": the 8 and 9 around the 10 are
  // screened out, leaving fifteen moving ranges of 1; the Excel tool (no screening) would use 32/17.
  it('screens moving ranges of 3.267 x the mean or more out of the limits', () => {
    const r = run([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]);
    expect(r.meanMovingRange).toBe(1);
    expect(r.mean).toBeCloseTo(35 / 18, 12);
    expect(r.upperLimit).toBeCloseTo(35 / 18 + 2.66, 12);
    expect(withRule(r, 'beyondLimit')).toEqual([4]);
    expect(r.variation).toBe('common_cause');
  });
});

describe('reference settings: fixed baseline, rebase, screening off (NHSRplotthedots)', () => {
  // tests/testthat/test-ptd_spc_standard.R, "it returns expected values": RNORM_20 with its 15th
  // point set to 10, then screen_outliers FALSE; tests/testthat/_snaps/ptd_spc_standard.md gives
  // mean_col 0.6694159 and lpl/upl -2.383666/3.722497 screened, -4.596625/5.935457 not.
  const outlier = RNORM_20.map((v, i) => (i === 14 ? 10 : v));
  it.each([
    { name: 'screened (the default)', settings: {}, mean: 0.6694159, lower: -2.383666, upper: 3.722497 },
    { name: 'screening off', settings: { screenMovingRanges: false }, mean: 0.6694159, lower: -4.596625, upper: 5.935457 },
  ])('an outlier, $name: mean $mean, limits $lower to $upper', ({ settings, mean, lower, upper }) => {
    const r = run(outlier, settings);
    expect([r.mean, r.lowerLimit, r.upperLimit].map((x) => Number(x.toPrecision(7)))).toEqual([mean, lower, upper]);
  });

  // The same file's "it sets the rebase_group field": a rebase at the 11th point makes groups of
  // ten and ten, whose limits are the two facets of _snaps/ptd_spc.md (each group on its own).
  it('a rebase at the 11th point gives each group its own limits', () => {
    const r = run(RNORM_20, {}, 'higher', null, [10]);
    expect(r.points.map((p) => p.segment)).toEqual([...Array(10).fill(0), ...Array(10).fill(1)]);
    expect(r.segments.map((g) => [sig3(g.mean), sig3(g.lowerLimit), sig3(g.upperLimit)])).toEqual([
      [0.0746, -2.6, 2.75],
      [0.209, -3.28, 3.7],
    ]);
    // The current process is the last segment: its limits are the top-level ones.
    expect([sig3(r.mean), sig3(r.lowerLimit), sig3(r.upperLimit)]).toEqual([0.209, -3.28, 3.7]);
    expect(r.segments.map((g) => [g.from, g.to, g.points])).toEqual([
      ['p0', 'p9', 10],
      ['p10', 'p19', 10],
    ]);
  });

  // "setting fix_after_n_points changes the calculations" (fix_after_n_points = 12): the mean and
  // moving ranges come from the first 12 rows only (fix_y), as ptd_spc_standard computes them.
  it('fixAfter 12 takes the limits from the first 12 points and holds them', () => {
    const whole = run(RNORM_20);
    const fixed = run(RNORM_20, { fixAfter: 12 });
    expect(fixed.lowerLimit).not.toBe(whole.lowerLimit);
    expect(fixed.upperLimit).not.toBe(whole.upperLimit);
    expect(fixed.mean).toBeCloseTo(0.19417934, 8);
    expect(fixed.meanMovingRange).toBeCloseTo(1.0532252454545452, 8);
    expect(fixed.segments[0]).toMatchObject({ points: 20, baselinePoints: 12 });
    // Later points are judged against the held limits: a 20th point of 3 is beyond them.
    const late = run([...RNORM_20.slice(0, 19), 3], { fixAfter: 12 });
    expect(late.points.at(-1)!.rules).toContain('beyondLimit');
    expect(run([...RNORM_20.slice(0, 19), 3]).points.at(-1)!.rules).not.toContain('beyondLimit');
  });

  // R/ptd_add_short_group_warnings.R: a group with fewer points than the threshold (13) has trial limits.
  it.each([
    { name: 'a segment of 12 after a rebase', values: RNORM_20.slice(0, 20), rebaseAt: [8], trial: true, isNull: false },
    { name: 'a segment of 13 after a rebase', values: RNORM_20.slice(0, 20), rebaseAt: [7], trial: false, isNull: false },
    { name: '12 points with no rebase: no SPC', values: RNORM_20.slice(0, 12), rebaseAt: [], trial: null, isNull: true },
    { name: 'one point since the rebase: no SPC', values: RNORM_20, rebaseAt: [19], trial: null, isNull: true },
  ])('$name', ({ values, rebaseAt, trial, isNull }) => {
    const r = spc(
      values.map((value, i) => ({ periodName: `p${i}`, value })),
      'higher',
      null,
      { ...loose, minimumPoints: 13 },
      rebaseAt,
    );
    expect(r === null).toBe(isNull);
    if (r) expect(r.trial).toBe(trial);
  });
});

describe('Making Data Count icon names', () => {
  it.each([
    { values: [...BASE, 10], polarity: 'higher', icon: 'improvement_high' },
    { values: [...BASE, -10], polarity: 'higher', icon: 'concern_low' },
    { values: [...BASE, 10], polarity: 'lower', icon: 'concern_high' },
    { values: [...BASE, -10], polarity: 'lower', icon: 'improvement_low' },
    { values: [...BASE, 10], polarity: 'neutral', icon: 'neutral_high' },
    { values: [...BASE, -10], polarity: 'neutral', icon: 'neutral_low' },
    { values: BASE, polarity: 'higher', icon: 'common_cause' },
  ] as Array<{ values: number[]; polarity: Polarity; icon: string }>)('$polarity, last point of $values.length: $icon', ({ values, polarity, icon }) => {
    expect(run(values, {}, polarity).variationIcon).toBe(icon);
  });

  it.each([
    { target: -3.1, icon: 'pass' },
    { target: 3.3, icon: 'fail' },
    { target: 0.5, icon: 'inconsistent' },
    { target: null, icon: null },
  ])('assurance, target $target: $icon', ({ target, icon }) => {
    expect(run(RNORM_20, {}, 'higher', target).assuranceIcon).toBe(icon);
  });
});

describe('assurance on the current process', () => {
  // Twenty points around 50 (target 60, higher is better: a consistent fail), then a step up to
  // around 70 that no recorded change explains: a shift of improvement.
  const before = Array.from({ length: 20 }, (_, i) => 50 + (i % 2 === 0 ? 1 : -1));
  const after = [70, 71, 69, 70, 71, 69, 70, 71];
  it('after a run of improvement with no recorded change, judges the points since the run began', () => {
    const r = run([...before, ...after], {}, 'higher', 60);
    expect(r.variation).toBe('special_cause_improving');
    expect(r.assurance).toBe('consistent_pass');
    expect(r.assuranceBasis).toMatchObject({ kind: 'run', from: 'p20', points: 8 });
  });
  it('with the change recorded as a rebase, judges the new segment', () => {
    const r = run([...before, ...after], {}, 'higher', 60, [20]);
    expect(r.assurance).toBe('consistent_pass');
    expect(r.assuranceBasis).toMatchObject({ kind: 'process', from: 'p20', points: 8 });
  });
  it('with no special cause, judges the whole segment', () => {
    expect(run(before, {}, 'higher', 60).assuranceBasis).toMatchObject({ kind: 'process', from: 'p0', points: 20 });
  });
  it('a process with no variation exactly on target consistently passes', () => {
    expect(run([100, 100, 100, 100], {}, 'higher', 100).assurance).toBe('consistent_pass');
  });
});

describe('limits', () => {
  it.each([
    // Ranges 1,1,1,3,4 then twelve 1s: first mean 22/17; 4 < 3.267 x 22/17 = 4.23, so it stays.
    { name: 'a large range under the screen stays', values: [1, 2, 1, 2, 5, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1], mr: 22 / 17 },
    // Ranges 3267, 733, 0, 0: the first mean is 1000 and 3267 is exactly 3.267 x 1000, which the
    // reference screens out (it keeps only ranges below), leaving 733 / 3.
    { name: 'a range of exactly 3.267 x the mean is screened', values: [0, 3267, 4000, 4000, 4000], mr: 733 / 3 },
    { name: 'no variation keeps the limits on the mean', values: [5, 5, 5, 5], mr: 0 },
    { name: 'two points', values: [1, 3], mr: 2 },
  ])('$name', ({ values, mr }) => {
    const r = run(values);
    expect(r.meanMovingRange).toBeCloseTo(mr, 9);
    expect(r.upperLimit - r.mean).toBeCloseTo(2.66 * mr, 9);
    expect(r.mean - r.lowerLimit).toBeCloseTo(2.66 * mr, 9);
    expect(r.upperTwoSigma - r.mean).toBeCloseTo((2 / 3) * 2.66 * mr, 9);
  });

  it('a series with no variation has no special cause', () => {
    const r = run([5, 5, 5, 5]);
    expect([r.lowerLimit, r.mean, r.upperLimit]).toEqual([5, 5, 5]);
    expect(r.points.every((p) => p.specialCause === null)).toBe(true);
  });

  it.each([
    { points: 11, minimumPoints: 12, isNull: true },
    { points: 12, minimumPoints: 12, isNull: false },
    { points: 1, minimumPoints: 1, isNull: true }, // a moving range needs two points
    { points: 2, minimumPoints: 1, isNull: false },
  ])('$points points with minimumPoints $minimumPoints: null is $isNull', ({ points, minimumPoints, isNull }) => {
    const values = RNORM_20.slice(0, points).map((value, i) => ({ periodName: `p${i}`, value }));
    expect(spc(values, 'higher', null, { ...loose, minimumPoints }) === null).toBe(isNull);
  });
});

describe('special-cause rules', () => {
  it.each([
    // Beyond a limit: strictly outside.
    { name: 'beyond: only the 10', rule: 'beyondLimit', values: [...BASE, 10], settings: {}, flagged: [20] },
    // Shift (mean 1.5): seven above then seven below.
    { name: 'shift of 7 each side', rule: 'shift', values: [3, 2, 3, 2, 3, 2, 3, 0, 1, 0, 1, 0, 1, 0], settings: {}, flagged: range(0, 13) },
    { name: 'shift needs shiftLength points', rule: 'shift', values: [3, 2, 3, 2, 3, 2, 3, 0, 1, 0, 1, 0, 1, 0], settings: { shiftLength: 8 }, flagged: [] },
    // Mean exactly 1.5: the 1.5 in the upper seven is on the mean and breaks that run.
    {
      name: 'a point on the mean breaks a shift',
      rule: 'shift',
      values: [2, 3, 2, 1.5, 2, 3, 2, 1, 0.5, 1, 0.5, 1, 0.5, 1],
      settings: {},
      flagged: range(7, 13),
    },
    // The same with 1.6 (mean 1.507): now above, so both runs count.
    {
      name: 'a point just above the mean keeps it',
      rule: 'shift',
      values: [2, 3, 2, 1.6, 2, 3, 2, 1, 0.5, 1, 0.5, 1, 0.5, 1],
      settings: {},
      flagged: range(0, 13),
    },
    // 0.1, 0.2, 0.3: the mean is 0.2 in decimal terms, not 0.20000000000000004 below which 0.2 would sit.
    { name: 'the mean is taken in decimal terms', rule: 'shift', values: [0.1, 0.2, 0.3], settings: { shiftLength: 2 }, flagged: [] },
    // Trend: trendLength counts points (the reference's ptd_seven_point_trend tests).
    { name: '7 rising points', rule: 'trend', values: [1, 2, 3, 4, 5, 6, 7], settings: {}, flagged: range(0, 6) },
    { name: '7 rising points with trendLength 8', rule: 'trend', values: [1, 2, 3, 4, 5, 6, 7], settings: { trendLength: 8 }, flagged: [] },
    { name: '6 rising points with trendLength 6', rule: 'trend', values: [1, 2, 3, 4, 5, 6], settings: { trendLength: 6 }, flagged: range(0, 5) },
    { name: 'a repeated value breaks a trend', rule: 'trend', values: [1, 2, 3, 3, 4, 5, 6], settings: {}, flagged: [] },
    { name: 'a trend inside the series', rule: 'trend', values: [2, 1, 2, 3, 4, 5, 6, 7, 3], settings: {}, flagged: range(1, 7) },
    { name: '7 falling points', rule: 'trend', values: [7, 6, 5, 4, 3, 2, 1], settings: {}, flagged: range(0, 6) },
    // Two of three (mean about 0.5, 2-sigma about 4.6, limit about 6.6): 5 is near the upper limit.
    { name: 'near, not near, near: the two near', rule: 'twoOfThree', values: [...BASE, 1, 5, 1, 5, 1, -1], settings: {}, flagged: [21, 23] },
    { name: 'near pattern 1,0,0,1,1: the last two only', rule: 'twoOfThree', values: [...BASE, 5, 1, 1, 5, 5, -1], settings: {}, flagged: [23, 24] },
    { name: 'near pattern below the mean', rule: 'twoOfThree', values: [...BASE, -5, -1, -1, -5, -5, 1], settings: {}, flagged: [23, 24] },
    { name: 'two near with the third point across the mean', rule: 'twoOfThree', values: [...BASE, -1, 5, 5, -1, 1, -1], settings: {}, flagged: [] },
    { name: 'a point beyond the limit is not a near point', rule: 'twoOfThree', values: [...BASE, 1, 8, 5, 1, -1], settings: {}, flagged: [] },
  ] as Array<{ name: string; rule: SpcRule; values: number[]; settings: Partial<SpcSettings>; flagged: number[] }>)(
    '$rule: $name',
    ({ rule, values, settings, flagged }) => {
      expect(withRule(run(values, settings), rule)).toEqual(flagged);
    },
  );

  it('lists every rule a point breaks, in order of precedence', () => {
    const r = run([1, 2, 3, 4, 5, 6, 7]);
    // 1 and 7 are beyond the limits 1.34 and 6.66 as well as in the trend.
    expect(r.points.map((p) => p.rules)).toEqual([['beyondLimit', 'trend'], ['trend'], ['trend'], ['trend'], ['trend'], ['trend'], ['beyondLimit', 'trend']]);
  });
});

describe('improvement or concern', () => {
  it.each([
    // Beyond a limit comes first: the 1 is below the lower limit inside a rising trend.
    { name: 'rising, higher is better', values: [1, 2, 3, 4, 5, 6, 7], polarity: 'higher', causes: ['concern', ...Array(6).fill('improvement')] },
    { name: 'rising, lower is better', values: [1, 2, 3, 4, 5, 6, 7], polarity: 'lower', causes: ['improvement', ...Array(6).fill('concern')] },
    { name: 'falling, lower is better', values: [7, 6, 5, 4, 3, 2, 1], polarity: 'lower', causes: ['concern', ...Array(6).fill('improvement')] },
    { name: 'neutral', values: [1, 2, 3, 4, 5, 6, 7], polarity: 'neutral', causes: Array(7).fill('neither') },
  ] as Array<{ name: string; values: number[]; polarity: Polarity; causes: string[] }>)('$name', ({ values, polarity, causes }) => {
    expect(run(values, {}, polarity).points.map((p) => p.specialCause)).toEqual(causes);
  });

  // Wide swings either side keep the runs inside the limits, so the trend decides.
  const peak = [0, 8, 0, 8, 0, 8, 1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1, 8, 0, 8, 0, 8, 0];
  const flatStep = [0, 9, 0, 9, 0, 9, 1, 2, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 0, 9, 0, 9, 0, 9, 13, 0];
  it.each([
    {
      name: 'the turning point of a rise then a fall takes the fall (the reference\'s "right side")',
      values: peak,
      at: [11, 12, 13],
      causes: ['improvement', 'concern', 'concern'],
    },
    { name: 'two rises joined by a repeated value both stay rising', values: flatStep, at: [12, 13], causes: ['improvement', 'improvement'] },
  ])('$name', ({ values, at, causes }) => {
    const r = run(values);
    expect(at.map((i) => r.points[i]!.rules.includes('trend'))).toEqual(at.map(() => true));
    expect(at.map((i) => r.points[i]!.specialCause)).toEqual(causes);
  });
});

describe('variation icon: the latest point', () => {
  it.each([
    { name: 'high point, higher is better', values: [...BASE, 10], polarity: 'higher', variation: 'special_cause_improving' },
    { name: 'high point, lower is better', values: [...BASE, 10], polarity: 'lower', variation: 'special_cause_concerning' },
    { name: 'high point, neutral', values: [...BASE, 10], polarity: 'neutral', variation: 'special_cause_neither' },
    { name: 'special cause earlier only', values: [...BASE, 10, 1, -1], polarity: 'higher', variation: 'common_cause' },
    { name: 'no special cause', values: BASE, polarity: 'higher', variation: 'common_cause' },
  ] as Array<{ name: string; values: number[]; polarity: Polarity; variation: string }>)('$name: $variation', ({ values, polarity, variation }) => {
    expect(run(values, {}, polarity).variation).toBe(variation);
  });
});

describe('assurance icon: the target against the limits', () => {
  // RNORM_20 limits: -3.011 to 3.295.
  const limits = run(RNORM_20);
  it.each([
    { polarity: 'higher', target: 3.3, assurance: 'consistent_fail' },
    { polarity: 'higher', target: -3.1, assurance: 'consistent_pass' },
    { polarity: 'higher', target: 0.5, assurance: 'inconsistent' },
    { polarity: 'higher', target: limits.upperLimit, assurance: 'inconsistent' },
    { polarity: 'higher', target: limits.lowerLimit, assurance: 'inconsistent' },
    { polarity: 'lower', target: 3.3, assurance: 'consistent_pass' },
    { polarity: 'lower', target: -3.1, assurance: 'consistent_fail' },
    { polarity: 'lower', target: 0.5, assurance: 'inconsistent' },
    { polarity: 'neutral', target: 3.3, assurance: null },
    { polarity: 'higher', target: null, assurance: null },
  ] as Array<{ polarity: Polarity; target: number | null; assurance: string | null }>)(
    '$polarity, target $target: $assurance',
    ({ polarity, target, assurance }) => {
      expect(run(RNORM_20, {}, polarity, target).assurance).toBe(assurance);
    },
  );
});

it('keeps the period names and values, oldest first', () => {
  const r = run([3, 1, 2]);
  expect(r.points.map((p) => [p.periodName, p.value])).toEqual([
    ['p0', 3],
    ['p1', 1],
    ['p2', 2],
  ]);
});
