import { describe, expect, it } from 'vitest';
import { outturnFor, ratioScale, seriesTo, yearToDateOutturn, type RollupKpi } from '../../src/core/rollup.js';
import type { Observation } from '../../src/model/workspace.js';
import { monthly, obs, period } from './fixtures.js';

const kpi = (over: Partial<RollupKpi>): RollupKpi => ({ frequency: 'monthly', aggregation: 'sum', cumulative: false, unit: 'number', ...over });
const ratioRows = (pairs: Array<[number, number] | null>): Observation[] =>
  pairs.map((p, i) =>
    obs('K', `2025-${String(10 + i).padStart(2, '0')}`, p === null ? 50 : (p[0] / p[1]) * 100, p === null ? {} : { numerator: p[0], denominator: p[1] }),
  );

describe('outturnFor: rolling months up into a quarter (2025-26-Q3)', () => {
  const q3 = period('2025-26-Q3');
  it.each<[string, Partial<RollupKpi>, Observation[], { value: number | null; state: string; missing?: string[] }]>([
    ['sum', { aggregation: 'sum' }, monthly('K', '2025-10', [1.1, 2.2, 3.3]), { value: 6.6, state: 'reported' }],
    ['mean', { aggregation: 'mean' }, monthly('K', '2025-10', [10, 20, 40]), { value: 23.3333333333333, state: 'reported' }],
    ['last (snapshot)', { aggregation: 'last' }, monthly('K', '2025-10', [10, 20, 40]), { value: 40, state: 'reported' }],
    ['cumulative reads the last month', { aggregation: 'sum', cumulative: true }, monthly('K', '2025-10', [100, 210, 330]), { value: 330, state: 'reported' }],
    ['cumulative ignores a gap before the last month', { cumulative: true }, monthly('K', '2025-10', [null, null, 330]), { value: 330, state: 'reported' }],
    [
      'cumulative missing its last month',
      { cumulative: true },
      monthly('K', '2025-10', [100, 210, null]),
      { value: null, state: 'missing', missing: ['2025-12'] },
    ],
    [
      'ratio from numerators and denominators',
      { aggregation: 'ratio', unit: 'percentage' },
      ratioRows([
        [9, 10],
        [18, 20],
        [27, 30],
      ]),
      { value: 90, state: 'reported' },
    ],
    [
      'ratio weighted by denominators, not a mean of percentages',
      { aggregation: 'ratio', unit: 'percentage' },
      ratioRows([
        [1, 2],
        [90, 100],
        [0, 1],
      ]),
      { value: 88.3495145631068, state: 'reported' },
    ],
    [
      'ratio of a non-percentage unit is not scaled',
      { aggregation: 'ratio', unit: 'rate' },
      monthly('K', '2025-10', [0, 0, 0]).map((o, i) => ({ ...o, numerator: i + 1, denominator: 4 })),
      { value: 0.5, state: 'reported' },
    ],
    [
      'ratio lacking a numerator and denominator',
      { aggregation: 'ratio', unit: 'percentage' },
      ratioRows([[9, 10], null, [27, 30]]),
      { value: null, state: 'missing', missing: ['2025-11'] },
    ],
    [
      'ratio whose denominators total 0',
      { aggregation: 'ratio', unit: 'percentage' },
      ratioRows([
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
      { value: null, state: 'missing', missing: [] },
    ],
    ['a month absent', { aggregation: 'sum' }, monthly('K', '2025-10', [1, 2]), { value: null, state: 'missing', missing: ['2025-12'] }],
    [
      'months returned n/a',
      { aggregation: 'sum' },
      monthly('K', '2025-10', [null, 2, null]),
      { value: null, state: 'missing', missing: ['2025-10', '2025-12'] },
    ],
    ['nothing at all', { aggregation: 'sum' }, [], { value: null, state: 'missing', missing: ['2025-10', '2025-11', '2025-12'] }],
  ])('%s', (_, over, rows, expected) => {
    const r = outturnFor(kpi(over), rows, q3, 4);
    expect(r.value).toBe(expected.value);
    expect(r.state).toBe(expected.state);
    if (expected.missing) expect(r.missing).toEqual(expected.missing);
  });

  it('a single ratio row is read as returned', () => {
    const r = outturnFor(kpi({ frequency: 'quarterly', aggregation: 'ratio', unit: 'percentage' }), [obs('K', '2025-26-Q3', 96.4)], q3, 4);
    expect(r).toMatchObject({ value: 96.4, state: 'reported', from: ['2025-26-Q3'] });
  });

  it('says which rows the figure is read from', () => {
    expect(outturnFor(kpi({}), monthly('K', '2025-10', [1, 2, 3]), q3, 4).from).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(outturnFor(kpi({ cumulative: true }), monthly('K', '2025-10', [1, 2, 3]), q3, 4).from).toEqual(['2025-12']);
  });
});

describe('outturnFor: frequency against the period asked for', () => {
  it.each<[RollupKpi['frequency'], string, string, Observation[], number | null]>([
    ['annual', '2025-26-Q3', 'notDue', [obs('K', '2025-26', 5)], null],
    ['annual', '2025-26-Q4', 'reported', [obs('K', '2025-26', 5)], 5],
    ['annual', '2025-26-Q4', 'missing', [], null],
    ['biannual', '2025-26-Q2', 'reported', [obs('K', '2025-26-H1', 7)], 7],
    ['biannual', '2025-26-Q1', 'notDue', [obs('K', '2025-26-H1', 7)], null],
    ['quarterly', '2025-11', 'notDue', [obs('K', '2025-26-Q3', 7)], null],
    ['quarterly', '2025-12', 'reported', [obs('K', '2025-26-Q3', 7)], 7],
    ['quarterly', '2025-26', 'reported', [obs('K', '2025-26-Q1', 1), obs('K', '2025-26-Q2', 2), obs('K', '2025-26-Q3', 3), obs('K', '2025-26-Q4', 4)], 10],
  ])('%s KPI at %s: %s', (frequency, name, state, rows, value) => {
    const r = outturnFor(kpi({ frequency }), rows, period(name), 4);
    expect(r.state).toBe(state);
    expect(r.value).toBe(value);
  });

  it('explains a figure not due', () => {
    expect(outturnFor(kpi({ frequency: 'annual' }), [], period('2025-26-Q3'), 4).reason).toBe('an annual measure has no outturn due for 2025-26-Q3');
  });
});

describe('yearToDateOutturn', () => {
  const rows = monthly('K', '2025-04', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  it.each<[Partial<RollupKpi>, string, number]>([
    [{ aggregation: 'sum' }, '2025-26-Q1', 6],
    [{ aggregation: 'sum' }, '2025-26-Q3', 45],
    [{ aggregation: 'sum' }, '2025-26-Q4', 78],
    [{ aggregation: 'mean' }, '2025-26-Q3', 5],
    [{ aggregation: 'last' }, '2025-26-Q3', 9],
    [{ cumulative: true }, '2025-26-Q3', 9],
    [{ aggregation: 'sum' }, '2025-05', 3],
  ])('%j through %s is %d', (over, name, value) => {
    expect(yearToDateOutturn(kpi(over), rows, period(name), 4).value).toBe(value);
  });

  it('is missing when any month to date is missing', () => {
    const gap = rows.map((o) => (o.periodName === '2025-05' ? { ...o, value: null } : o));
    expect(yearToDateOutturn(kpi({}), gap, period('2025-26-Q3'), 4)).toMatchObject({ state: 'missing', missing: ['2025-05'] });
  });
});

describe('ratioScale', () => {
  it.each([
    ['percentage', 100],
    ['rate', 1],
    ['number', 1],
  ] as const)('%s scales by %i', (unit, scale) => {
    expect(ratioScale(unit)).toBe(scale);
  });
});

describe('seriesTo', () => {
  it('lists own-frequency figures from the first through the period, gaps as null', () => {
    const rows = [obs('K', '2025-06', 1), obs('K', '2025-08', 3), obs('K', '2025-26-Q1', 99), obs('K', '2026-01', 9)];
    expect(seriesTo(kpi({}), rows, period('2025-26-Q3'), 4)).toEqual([
      { periodName: '2025-06', value: 1 },
      { periodName: '2025-07', value: null },
      { periodName: '2025-08', value: 3 },
      { periodName: '2025-09', value: null },
      { periodName: '2025-10', value: null },
      { periodName: '2025-11', value: null },
      { periodName: '2025-12', value: null },
    ]);
  });

  it.each<[RollupKpi['frequency'], string, string[]]>([
    ['quarterly', '2025-11', ['2025-26-Q1', '2025-26-Q2']],
    ['quarterly', '2025-12', ['2025-26-Q1', '2025-26-Q2', '2025-26-Q3']],
    ['annual', '2025-26-Q3', ['2024-25']],
    ['annual', '2025-26-Q4', ['2024-25', '2025-26']],
  ])('a %s KPI at %s stops at its last period ending by then', (frequency, name, names) => {
    const rows = [obs('K', '2025-26-Q1', 1), obs('K', '2025-26-Q2', 2), obs('K', '2025-26-Q3', 3), obs('K', '2024-25', 4), obs('K', '2025-26', 5)];
    expect(seriesTo(kpi({ frequency }), rows, period(name), 4).map((p) => p.periodName)).toEqual(names);
  });

  it('is empty without figures at the KPI frequency', () => {
    expect(seriesTo(kpi({ frequency: 'quarterly' }), monthly('K', '2025-04', [1, 2, 3]), period('2025-26-Q3'), 4)).toEqual([]);
  });
});
