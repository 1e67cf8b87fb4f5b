import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareToTarget, type RaggKpi, type Status } from '../../src/core/ragg.js';
import { amberBandRule, describeRule, ruleProblems, toRule, type RaggRule, type RuleBand } from '../../src/core/rule.js';
import { roundTo } from '../../src/core/figures.js';

const kpi = (over: Partial<RaggKpi> = {}): RaggKpi => ({ level: 'kpi', polarity: 'higher', decimals: 1, unit: 'percentage', ...over });
const band = (status: RuleBand['status'], upTo: number | null, name: string | null = null): RuleBand => ({ status, upTo, name });

const SEED = amberBandRule(0.05, 'relative');
const BRACKNELL: RaggRule = { measure: 'relative', bands: [band('green', 0.05), band('amber', 0.1), band('red', null)] };
const TOLERANCE = toRule({ tolerance: 0.25 });
const CAMMS: RaggRule = {
  measure: 'relative',
  bands: [
    band('green', -0.1, 'Exceeding'),
    band('green', 0, 'On target'),
    band('amber', 0.05, 'Slightly off'),
    band('red', 0.15, 'Off target'),
    band('red', null, 'Well off'),
  ],
};
const TWO_BANDS: RaggRule = { measure: 'absolute', bands: [band('green', 2), band('red', null)] };

/** [shape, rule, decimals, polarity, value, target, status]: every threshold met exactly, and one printed place either side. */
const TABLE: Array<[string, RaggRule, number, 'higher' | 'lower', number, number, Status]> = [
  ['seed: on target', SEED, 1, 'higher', 80, 80, 'green'],
  ['seed: one place short', SEED, 1, 'higher', 79.9, 80, 'amber'],
  ['seed: exactly 5% short', SEED, 1, 'higher', 76, 80, 'amber'],
  ['seed: one place beyond 5%', SEED, 1, 'higher', 75.9, 80, 'red'],
  ['seed: 75.96 prints as 76.0, amber', SEED, 1, 'higher', 75.96, 80, 'amber'],
  ['seed: 75.94 prints as 75.9, red', SEED, 1, 'higher', 75.94, 80, 'red'],
  ['seed, lower: exactly 5% over', SEED, 2, 'lower', 42, 40, 'amber'],
  ['seed, lower: 42.01 over', SEED, 2, 'lower', 42.01, 40, 'red'],
  ['Bracknell: exactly 5% short is green', BRACKNELL, 1, 'higher', 76, 80, 'green'],
  ['Bracknell: one place beyond 5%', BRACKNELL, 1, 'higher', 75.9, 80, 'amber'],
  ['Bracknell: exactly 10% short is amber', BRACKNELL, 1, 'higher', 72, 80, 'amber'],
  ['Bracknell: one place beyond 10%', BRACKNELL, 1, 'higher', 71.9, 80, 'red'],
  ['Bracknell: 71.95 prints as 72.0, amber', BRACKNELL, 1, 'higher', 71.95, 80, 'amber'],
  ['Bracknell, lower: exactly 10% over', BRACKNELL, 0, 'lower', 110, 100, 'amber'],
  ['Bracknell, lower: 111 over', BRACKNELL, 0, 'lower', 111, 100, 'red'],
  ['tolerance: exactly 0.25 short', TOLERANCE, 2, 'higher', 2.75, 3, 'amber'],
  ['tolerance: 0.26 short', TOLERANCE, 2, 'higher', 2.74, 3, 'red'],
  ['tolerance at 1 dp: 2.74 prints as 2.7, red', TOLERANCE, 1, 'higher', 2.74, 3, 'red'],
  ['tolerance at 1 dp: 2.76 prints as 2.8, amber', TOLERANCE, 1, 'higher', 2.76, 3, 'amber'],
  ['tolerance, lower: exactly 0.25 over', TOLERANCE, 2, 'lower', 3.25, 3, 'amber'],
  ['Camms: exactly 10% better is Exceeding (green)', CAMMS, 0, 'higher', 110, 100, 'green'],
  ['Camms: 9% better is On target (green)', CAMMS, 0, 'higher', 109, 100, 'green'],
  ['Camms: exactly 5% short is amber', CAMMS, 0, 'higher', 95, 100, 'amber'],
  ['Camms: 6% short is red', CAMMS, 0, 'higher', 94, 100, 'red'],
  ['Camms: exactly 15% short is Off target (red)', CAMMS, 0, 'higher', 85, 100, 'red'],
  ['Camms: 16% short is Well off (red)', CAMMS, 0, 'higher', 84, 100, 'red'],
  ['two bands: exactly 2 short is green', TWO_BANDS, 0, 'higher', 8, 10, 'green'],
  ['two bands: 3 short is red', TWO_BANDS, 0, 'higher', 7, 10, 'red'],
];

describe('every band shape at its boundaries, after rounding to the KPI decimals', () => {
  it.each(TABLE)('%s', (_, rule, decimals, polarity, value, target, status) => {
    expect(compareToTarget(value, target, kpi({ decimals, polarity }), rule).status).toBe(status);
  });

  it('names the band a figure falls in', () => {
    expect(compareToTarget(110, 100, kpi({ decimals: 0 }), CAMMS).explanation).toBe(
      '110.0% is 10.0% better than the 100.0% target: in the Exceeding band (at least 10% better than target)'
        .replace('110.0%', '110%')
        .replace('100.0%', '100%'),
    );
    expect(compareToTarget(95, 100, kpi({ decimals: 0 }), CAMMS).explanation).toBe(
      '95% is 5.0% worse than the 100% target: within the Slightly off band of 5%',
    );
  });
});

describe('a target of 0 with a relative rule', () => {
  // A relative threshold is a share of the target, so every threshold is 0: on target takes the
  // first band that reaches it, and any shortfall at all takes the last band.
  it.each<[string, RaggRule, number, Status]>([
    ['seed: on target is green', SEED, 0, 'green'],
    ['seed: better is green', SEED, -1, 'green'],
    ['seed: any shortfall is red', SEED, 1, 'red'],
    ['Bracknell: any shortfall is red, though green reaches 5% short elsewhere', BRACKNELL, 1, 'red'],
    ['Bracknell: on target is green', BRACKNELL, 0, 'green'],
    ['an absolute rule keeps its slack', TOLERANCE, 0.2, 'amber'],
  ])('%s', (_, rule, shortfall, status) => {
    expect(compareToTarget(0 - shortfall, 0, kpi({ decimals: 2 }), rule).status).toBe(status);
  });

  it('says why in the explanation', () => {
    expect(compareToTarget(-1, 0, kpi(), SEED).explanation).toBe(
      '-1.0% is 1.0 percentage points worse than the 0.0% target: a relative amber band is empty when the target is 0',
    );
    expect(compareToTarget(-1, 0, kpi(), BRACKNELL).explanation).toBe(
      '-1.0% is 1.0 percentage points worse than the 0.0% target: relative thresholds are all 0 when the target is 0',
    );
  });
});

describe('the rule in words, for every paper key', () => {
  it.each<[string, RaggRule, string]>([
    ['seed', SEED, 'Green: on target or better; Amber: up to 5% worse; Red: more than 5% worse'],
    ['Bracknell', BRACKNELL, 'Green: on target, better, or up to 5% worse; Amber: more than 5% and up to 10% worse; Red: more than 10% worse'],
    [
      'a tolerance, without a unit',
      TOLERANCE,
      "Green: on target or better; Amber: up to 0.25 worse; Red: more than 0.25 worse (amounts in each KPI's own unit)",
    ],
    ['two bands', TWO_BANDS, "Green: on target, better, or up to 2 worse; Red: more than 2 worse (amounts in each KPI's own unit)"],
  ])('%s', (_, rule, words) => {
    expect(describeRule(rule)).toBe(words);
  });

  it('reads an absolute rule in the KPI unit when given one', () => {
    expect(describeRule(TWO_BANDS, { unit: 'days', decimals: 0 })).toBe('Green: on target, better, or up to 2 days worse; Red: more than 2 days worse');
  });
});

describe('a rule must be ordered and cover every figure', () => {
  it.each<[string, RuleBand[], Array<[string, (string | number)[]]>]>([
    ['the seed rule is valid', SEED.bands, []],
    ['five named bands are valid', CAMMS.bands, []],
    ['thresholds out of order', [band('green', 0.1), band('amber', 0.05), band('red', null)], [['ragg-rule-order', ['bands', 1, 'upTo']]]],
    ['a repeated threshold', [band('green', 0.05), band('amber', 0.05), band('red', null)], [['ragg-rule-order', ['bands', 1, 'upTo']]]],
    ['a colour better after a worse one', [band('amber', 0), band('green', 0.05), band('red', null)], [['ragg-rule-order', ['bands', 1, 'status']]]],
    ['the last band closed: figures beyond it have no status', [band('green', 0), band('red', 0.1)], [['ragg-rule-coverage', ['bands', 1, 'upTo']]]],
    ['an open band before the last: the bands after it never apply', [band('green', null), band('red', null)], [['ragg-rule-coverage', ['bands', 0]]]],
  ])('%s', (_, bands, problems) => {
    expect(ruleProblems({ measure: 'relative', bands }).map((p) => [p.code, p.path])).toEqual(problems);
  });
});

/** Any valid rule: two to five bands, thresholds increasing, colours never improving, the last open. */
const validRule: fc.Arbitrary<RaggRule> = fc
  .record({
    measure: fc.constantFrom<'relative' | 'absolute'>('relative', 'absolute'),
    thresholds: fc.uniqueArray(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 1, maxLength: 4, comparator: (a, b) => a === b }),
    colours: fc.array(fc.constantFrom<RuleBand['status']>('green', 'amber', 'red'), { minLength: 5, maxLength: 5 }),
  })
  .map(({ measure, thresholds, colours }) => {
    const ups = [...thresholds].sort((a, b) => a - b);
    const rank = { green: 0, amber: 1, red: 2 } as const;
    const sorted = colours.slice(0, ups.length + 1).sort((a, b) => rank[a] - rank[b]);
    return { measure, bands: [...ups.map((u, i) => band(sorted[i]!, u)), band(sorted[ups.length]!, null)] };
  });
const SEVERITY: Record<Status, number> = { green: 0, amber: 1, red: 2, grey: -1, missing: -1, na: -1 };
const figure = fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true });
const kpiArb = fc.record({ polarity: fc.constantFrom<'higher' | 'lower'>('higher', 'lower'), decimals: fc.integer({ min: 0, max: 3 }) });

describe('rule properties', () => {
  it('a generated rule is valid', () => {
    fc.assert(
      fc.property(validRule, (rule) => {
        expect(ruleProblems(rule)).toEqual([]);
      }),
    );
  });

  it('a better figure never gives a worse status, under any valid rule', () => {
    fc.assert(
      fc.property(kpiArb, validRule, figure, figure, figure, (k, rule, target, x, y) => {
        const [worse, better] = k.polarity === 'higher' ? [Math.min(x, y), Math.max(x, y)] : [Math.max(x, y), Math.min(x, y)];
        const a = compareToTarget(worse, target, kpi({ ...k, unit: 'number' }), rule).status;
        const b = compareToTarget(better, target, kpi({ ...k, unit: 'number' }), rule).status;
        expect(SEVERITY[b]).toBeLessThanOrEqual(SEVERITY[a]);
      }),
      { numRuns: 2000 },
    );
  });

  it('the status agrees with the printed figure under any valid rule', () => {
    fc.assert(
      fc.property(kpiArb, validRule, figure, figure, (k, rule, target, value) => {
        const style = kpi({ ...k, unit: 'number' });
        expect(compareToTarget(roundTo(value, k.decimals), target, style, rule).status).toBe(compareToTarget(value, target, style, rule).status);
      }),
      { numRuns: 1000 },
    );
  });

  it('every figure gets one of the rule colours, and the explanation is a sentence', () => {
    fc.assert(
      fc.property(kpiArb, validRule, figure, figure, (k, rule, target, value) => {
        const r = compareToTarget(value, target, kpi({ ...k, unit: 'number' }), rule);
        expect(rule.bands.map((b) => b.status)).toContain(r.status);
        expect(r.explanation.length).toBeGreaterThan(10);
      }),
      { numRuns: 1000 },
    );
  });
});
