import { describe, expect, it } from 'vitest';
import { computeImprovement, type ImprovementOutcome } from '../../src/core/improvement.js';
import type { Measure } from '../../src/model/kpi.js';
import type { Config } from '../../src/model/config.js';
import type { Observation } from '../../src/model/workspace.js';
import { measure, monthly, obs, period, qualitative, workspace } from './fixtures.js';

/** A quarterly KPI with a Q1 figure in 2024-25 and 2025-26. */
const quarterly = (id: string, previous: number | null, current: number | null, over: Partial<Measure> = {}) => {
  const kpi = measure({ id, frequency: 'quarterly', aggregation: 'mean', ...over });
  const rows: Observation[] = [];
  if (previous !== null) rows.push(obs(kpi, '2024-25-Q1', previous));
  if (current !== null) rows.push(obs(kpi, '2025-26-Q1', current));
  return { kpi, rows };
};

/** KPIs whose outcomes are, in order, those given. */
function suite(outcomes: ImprovementOutcome[], config: Partial<Config> = {}) {
  const values: Record<ImprovementOutcome, [number | null, number | null]> = {
    improved: [80, 85],
    declined: [85, 80],
    unchanged: [80, 80],
    notComparable: [null, 80],
  };
  const parts = outcomes.map((o, i) => quarterly(`K-${String(i + 1).padStart(2, '0')}`, ...values[o]));
  return workspace({ kpis: parts.map((p) => p.kpi), observations: parts.flatMap((p) => p.rows), config });
}

const repeat = (n: number, o: ImprovementOutcome): ImprovementOutcome[] => Array.from({ length: n }, () => o);

describe('computeImprovement: one KPI', () => {
  it.each<[string, number | null, number | null, Partial<Measure>, ImprovementOutcome, string]>([
    ['higher and higher is better', 80, 85, {}, 'improved', 'improved: 85.0% against 80.0%'],
    ['lower and higher is better', 85, 80, {}, 'declined', 'declined: 80.0% against 85.0%'],
    ['lower and lower is better', 85, 80, { polarity: 'lower' }, 'improved', 'improved: 80.0% against 85.0%'],
    ['the same', 80, 80, {}, 'unchanged', 'unchanged: 80.0% against 80.0%'],
    ['different but printing the same', 80.04, 79.96, {}, 'unchanged', 'unchanged: 80.0% against 80.0%'],
    ['one printed unit better', 80.04, 80.05, {}, 'improved', 'improved: 80.1% against 80.0%'],
    ['no figure last year', null, 80, {}, 'notComparable', 'no figure for the same months last year: no figure for 2024-25-Q1'],
    ['no figure this year', 80, null, {}, 'notComparable', 'no figure this year: no figure for 2025-26-Q1'],
    ['no polarity', 80, 85, { polarity: 'neutral' }, 'notComparable', 'no polarity: neither a higher nor a lower figure is better'],
  ])('%s: %s', (_, previous, current, over, outcome, reason) => {
    const { kpi, rows } = quarterly('K-01', previous, current, over);
    const r = computeImprovement(workspace({ kpis: [kpi], observations: rows }), 2025, period('2025-26-Q1'));
    expect(r.kpis[0]).toMatchObject({ id: 'K-01', outcome, reason });
  });

  it('reports the figures as printed', () => {
    const { kpi, rows } = quarterly('K-01', 80.04, 80.05);
    expect(computeImprovement(workspace({ kpis: [kpi], observations: rows }), 2025, period('2025-26-Q1')).kpis[0]).toMatchObject({
      current: 80.1,
      previous: 80,
    });
  });
});

describe('computeImprovement: a change of definition between the two figures', () => {
  // Compared: 2024-25 Q1-Q3 (from 2024-04-01) with 2025-26 Q1-Q3 (to 2025-12-31).
  it.each<[string, string, Measure['changes'][number]['fields'], ImprovementOutcome]>([
    ['on the first day of last year (both figures on the new basis)', '2024-04-01', ['definition'], 'improved'],
    ['the day after', '2024-04-02', ['definition'], 'notComparable'],
    ['the formula, mid-way', '2025-01-15', ['formula'], 'notComparable'],
    ['the unit', '2025-01-15', ['unit'], 'notComparable'],
    ['the aggregation', '2025-01-15', ['aggregation'], 'notComparable'],
    ['the polarity', '2025-01-15', ['polarity'], 'notComparable'],
    ['only the target', '2025-01-15', ['target'], 'improved'],
    ['the frequency and other', '2025-01-15', ['frequency', 'other'], 'improved'],
    ['the target and the definition', '2025-01-15', ['target', 'definition'], 'notComparable'],
    ['on the last day of the period checked', '2025-12-31', ['definition'], 'notComparable'],
    ['after the period checked', '2026-01-01', ['definition'], 'improved'],
    ['before last year', '2023-06-01', ['definition'], 'improved'],
  ])('%s (%s, %j): %s', (_, date, fields, outcome) => {
    const kpi = measure({
      id: 'K-01',
      aggregation: 'sum',
      unit: 'number',
      decimals: 0,
      changes: [{ date, decision: 'Redefined', approver: 'Cabinet', fields }],
    });
    const rows = [...monthly(kpi, '2024-04', [1, 1, 1, 1, 1, 1, 1, 1, 1]), ...monthly(kpi, '2025-04', [2, 2, 2, 2, 2, 2, 2, 2, 2])];
    const r = computeImprovement(workspace({ kpis: [kpi], observations: rows }), 2025, period('2025-26-Q3'));
    expect(r.kpis[0]!.outcome).toBe(outcome);
  });

  it('says what changed, when and who approved it', () => {
    const kpi = measure({
      id: 'K-01',
      changes: [{ date: '2025-01-15', decision: 'Redefined', approver: 'Cabinet', fields: ['target', 'definition', 'formula'] }],
    });
    const r = computeImprovement(workspace({ kpis: [kpi] }), 2025, period('2025-26-Q3'));
    expect(r.kpis[0]!.reason).toBe('the definition, formula changed on 2025-01-15 (Cabinet), between the two figures');
  });
});

describe('computeImprovement: like with like', () => {
  const kpi = measure({ id: 'K-01', aggregation: 'sum', unit: 'number', decimals: 0 });
  // Last year: 10 a month. This year: 12 a month to October, then nothing.
  const rows = [...monthly(kpi, '2024-04', Array(12).fill(10)), ...monthly(kpi, '2025-04', Array(7).fill(12))];

  it.each<[string, string, number | null, number, string]>([
    ['Q1', '2025-26-Q1', 36, 30, '2024-25-Q1'],
    ['Q2', '2025-26-Q2', 72, 60, '2024-25-Q2'],
    ['a month', '2025-10', 84, 70, '2024-10'],
    ['Q3, with November missing', '2025-26-Q3', null, 90, '2024-25-Q3'],
  ])('through %s: year to date %s against the same months', (_, through, current, previous, comparedWith) => {
    const r = computeImprovement(workspace({ kpis: [kpi], observations: rows }), 2025, period(through));
    expect(r.kpis[0]).toMatchObject({ current, previous });
    expect(r.comparedWith).toBe(comparedWith);
  });

  it('at the year end compares the full year with the full year', () => {
    const full = [...monthly(kpi, '2024-04', Array(12).fill(10)), ...monthly(kpi, '2025-04', Array(12).fill(9))];
    const r = computeImprovement(workspace({ kpis: [kpi], observations: full }), 2025);
    expect(r).toMatchObject({ through: '2025-26-Q4', comparedWith: '2024-25-Q4' });
    expect(r.kpis[0]).toMatchObject({ current: 108, previous: 120, outcome: 'declined' });
  });

  it('runs through the latest quarter of the year with any figure by default', () => {
    expect(computeImprovement(workspace({ kpis: [kpi], observations: rows }), 2025).through).toBe('2025-26-Q3');
    expect(computeImprovement(workspace({ kpis: [kpi], observations: rows }), 2024).through).toBe('2024-25-Q4');
  });

  it('with no figures in the year, runs to the year end and compares nothing', () => {
    const r = computeImprovement(workspace({ kpis: [kpi], observations: rows }), 2026);
    expect(r).toMatchObject({ year: '2026-27', through: '2026-27-Q4', notComparable: 1, share: 0, met: false });
  });

  it('refuses a period outside the year', () => {
    expect(() => computeImprovement(workspace({ kpis: [kpi] }), 2025, period('2024-25-Q3'))).toThrow('2024-25-Q3 is not in 2025-26');
  });
});

describe('computeImprovement: maintained at target', () => {
  const at = (previous: number, current: number, target: Measure['target']) => {
    const { kpi, rows } = quarterly('K-01', previous, current, { target });
    return (counts: boolean) =>
      computeImprovement(
        workspace({ kpis: [kpi], observations: rows, config: { improvement: { threshold: 0.7, maintainedAtTargetCountsAsImproved: counts } } }),
        2025,
        period('2025-26-Q1'),
      ).kpis[0]!;
  };

  it.each<[string, number, number, Measure['target'], boolean, ImprovementOutcome]>([
    ['unchanged on target, setting off', 90, 90, { type: 'single', value: 90 }, false, 'unchanged'],
    ['unchanged on target, setting on', 90, 90, { type: 'single', value: 90 }, true, 'improved'],
    ['unchanged better than target', 95, 95, { type: 'single', value: 90 }, true, 'improved'],
    ['unchanged just below target', 89.9, 89.9, { type: 'single', value: 90 }, true, 'unchanged'],
    ["unchanged at this year's target but below last year's", 90, 90, { type: 'yearly', years: { '2024-25': 91, '2025-26': 90 } }, true, 'unchanged'],
    ['unchanged with no target last year', 90, 90, { type: 'yearly', years: { '2025-26': 90 } }, true, 'unchanged'],
    ['unchanged with no target', 90, 90, { type: 'none', reason: 'monitoring only' }, true, 'unchanged'],
    ['declined while above target still declined', 99, 95, { type: 'single', value: 90 }, true, 'declined'],
  ])('%s: %s', (_, previous, current, target, counts, outcome) => {
    expect(at(previous, current, target)(counts).outcome).toBe(outcome);
  });

  it('says why it counts', () => {
    expect(at(90, 90, { type: 'single', value: 90 })(true).reason).toBe('maintained at 90.0%, at or better than target in both years: counts as improved');
  });
});

describe('computeImprovement: the share, the threshold and how many more', () => {
  it.each<[string, ImprovementOutcome[], number, { share: number; met: boolean; moreNeeded: number }]>([
    ['7 of 10 meets 70% (0.7 x 10 is 7, not 8)', [...repeat(7, 'improved'), ...repeat(3, 'declined')], 0.7, { share: 0.7, met: true, moreNeeded: 0 }],
    ['6 of 10 needs 1 more', [...repeat(6, 'improved'), ...repeat(4, 'unchanged')], 0.7, { share: 0.6, met: false, moreNeeded: 1 }],
    ['14 of 20 meets 70%', [...repeat(14, 'improved'), ...repeat(6, 'declined')], 0.7, { share: 0.7, met: true, moreNeeded: 0 }],
    ['2 of 3 needs 1 more (70% of 3 is 2.1)', [...repeat(2, 'improved'), 'declined'], 0.7, { share: 0.666666666666667, met: false, moreNeeded: 1 }],
    [
      'not comparable ones are left out of the share',
      [...repeat(7, 'improved'), ...repeat(3, 'declined'), ...repeat(5, 'notComparable')],
      0.7,
      { share: 0.7, met: true, moreNeeded: 0 },
    ],
    ['0 of 4 needs 3', repeat(4, 'declined'), 0.7, { share: 0, met: false, moreNeeded: 3 }],
    ['none comparable: share 0, not met, one needed', repeat(3, 'notComparable'), 0.7, { share: 0, met: false, moreNeeded: 1 }],
    ['no KPIs at all', [], 0.7, { share: 0, met: false, moreNeeded: 1 }],
    ['a threshold of 0 is met with nothing comparable', repeat(2, 'notComparable'), 0, { share: 0, met: true, moreNeeded: 0 }],
    ['a threshold of 1 needs every one', [...repeat(9, 'improved'), 'unchanged'], 1, { share: 0.9, met: false, moreNeeded: 1 }],
    ['a threshold of 0.5 of 2', ['improved', 'declined'], 0.5, { share: 0.5, met: true, moreNeeded: 0 }],
    [
      '7 of 25 meets 28% (0.28 x 25 is 7.000000000000001 in binary)',
      [...repeat(7, 'improved'), ...repeat(18, 'declined')],
      0.28,
      { share: 0.28, met: true, moreNeeded: 0 },
    ],
    ['6 of 25 needs 1 more at 28%', [...repeat(6, 'improved'), ...repeat(19, 'declined')], 0.28, { share: 0.24, met: false, moreNeeded: 1 }],
    [
      '7 of 50 meets 14% (0.14 x 50 is 7.000000000000001)',
      [...repeat(7, 'improved'), ...repeat(43, 'unchanged')],
      0.14,
      { share: 0.14, met: true, moreNeeded: 0 },
    ],
    ['0.3 x 10 is 3 exactly too', [...repeat(3, 'improved'), ...repeat(7, 'declined')], 0.3, { share: 0.3, met: true, moreNeeded: 0 }],
  ])('%s', (_, outcomes, threshold, expected) => {
    const r = computeImprovement(suite(outcomes, { improvement: { threshold, maintainedAtTargetCountsAsImproved: false } }), 2025, period('2025-26-Q1'));
    expect(r).toMatchObject({ threshold, ...expected });
    expect(r.met).toBe(r.share >= threshold);
  });
});

describe('computeImprovement: the result', () => {
  it('has the JSON contract fields first, in order, then the extras', () => {
    const r = computeImprovement(suite(['improved']), 2025, period('2025-26-Q1'));
    expect(Object.keys(r)).toEqual([
      'year',
      'through',
      'threshold',
      'improved',
      'declined',
      'unchanged',
      'notComparable',
      'share',
      'met',
      'moreNeeded',
      'kpis',
      'comparedWith',
      'atRisk',
      'likelyToDecline',
      'notApplicable',
    ]);
    expect(Object.keys(r.kpis[0]!)).toEqual([
      'id',
      'current',
      'previous',
      'outcome',
      'reason',
      'atBest',
      'notApplicable',
      'name',
      'committee',
      'unit',
      'unitLabel',
      'decimals',
      'yearEnd',
    ]);
  });

  it('counts, orders by id and lists declined then unchanged as at risk', () => {
    const r = computeImprovement(suite(['unchanged', 'declined', 'improved', 'notComparable', 'unchanged', 'declined']), 2025, period('2025-26-Q1'));
    expect(r).toMatchObject({ improved: 1, declined: 2, unchanged: 2, notComparable: 1 });
    expect(r.kpis.map((k) => k.id)).toEqual(['K-01', 'K-02', 'K-03', 'K-04', 'K-05', 'K-06']);
    expect(r.atRisk).toEqual(['K-02', 'K-06', 'K-01', 'K-05']);
  });

  it('covers measures only, not trackers, projects or narratives', () => {
    const a = quarterly('A-01', 80, 85);
    const t = quarterly('T-01', 80, 85, { level: 'tracker' });
    const s = quarterly('S-01', 85, 80, { level: 'spi' });
    const ws = workspace({
      kpis: [a.kpi, t.kpi, s.kpi, qualitative({ id: 'P-01' }), qualitative({ id: 'N-01', kind: 'narrative' })],
      observations: [...a.rows, ...t.rows, ...s.rows],
    });
    expect(computeImprovement(ws, 2025, period('2025-26-Q1')).kpis.map((k) => [k.id, k.outcome])).toEqual([
      ['A-01', 'improved'],
      ['S-01', 'declined'],
    ]);
  });

  it("can be limited to one committee's KPIs", () => {
    const a = quarterly('A-01', 80, 85);
    const b = quarterly('B-01', 85, 80, { committee: 'finance-osc' });
    const ws = workspace({ kpis: [a.kpi, b.kpi], observations: [...a.rows, ...b.rows] });
    const r = computeImprovement(ws, 2025, period('2025-26-Q1'), { committee: 'finance-osc' });
    expect(r.kpis.map((k) => k.id)).toEqual(['B-01']);
    expect(r).toMatchObject({ improved: 0, declined: 1 });
  });
});
