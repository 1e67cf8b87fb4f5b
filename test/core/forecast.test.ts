import { describe, expect, it } from 'vitest';
import { forecastYearEnd, likelyOutturn, normalCdf } from '../../src/core/forecast.js';
import { computeImprovement } from '../../src/core/improvement.js';
import type { Measure } from '../../src/model/kpi.js';
import type { Observation } from '../../src/model/workspace.js';
import { measure, monthly, obs, period, workspace } from './fixtures.js';

const mean = (over: Partial<Measure> = {}) => measure({ id: 'K-01', aggregation: 'mean', decimals: 2, ...over });
const run = (k: Measure, rows: Observation[], through = '2025-26-Q1') =>
  forecastYearEnd(k, rows, period(through), workspace({ kpis: [k], observations: rows }));
// Alternating 49/51: mean 50, every moving range 2, so sigma = 2 / 1.128.
const wobble = (n: number, level = 50) => Array.from({ length: n }, (_, i) => level + (i % 2 === 0 ? -1 : 1));

describe('normal distribution', () => {
  it.each([
    { z: 0, p: 0.5 },
    { z: 1.2815515655446004, p: 0.9 },
    { z: -1.2815515655446004, p: 0.1 },
    { z: 1.959963984540054, p: 0.975 },
  ])('P(Z <= $z) = $p', ({ z, p }) => {
    expect(normalCdf(z)).toBeCloseTo(p, 6);
  });
});

describe('year-end forecast', () => {
  it.each([
    // Three known months at 50 and no variation: the rest of the year at 50, certain.
    { name: 'a flat mean', over: {}, values: [50, 50, 50], outturn: 50, low: 50, high: 50 },
    // A sum: three known months of 10 and nine more at the same level.
    { name: 'a total', over: { aggregation: 'sum', unit: 'number' }, values: [10, 10, 10], outturn: 120, low: 120, high: 120 },
    // A snapshot: the year end is the March figure, at the current level.
    { name: 'a snapshot', over: { aggregation: 'last' }, values: [40, 40, 40], outturn: 40, low: 40, high: 40 },
  ] as Array<{ name: string; over: Partial<Measure>; values: number[]; outturn: number; low: number; high: number }>)(
    '$name: $outturn ($low to $high)',
    ({ over, values, outturn, low, high }) => {
      const k = mean(over);
      const f = run(k, monthly(k, '2025-04', values)).forecast!;
      expect([f.outturn, f.low, f.high]).toEqual([outturn, low, high]);
      expect([f.periodsKnown, f.periodsRemaining]).toEqual([3, 9]);
    },
  );

  it('a mean: nine unknown months, each sigma apart, around a level known from three', () => {
    const k = mean();
    // One earlier year (so no seasonal pattern) and this year's Q1, averaging 50: the moving
    // ranges are fourteen, eleven 2s then 2, 2 and 1, so sigma is (27 / 14) / 1.128.
    const f = run(k, monthly(k, '2024-04', [...wobble(12), 49, 51, 50])).forecast!;
    const sigma = 27 / 14 / 1.128;
    // Year-end mean of 12 months, 9 unknown: variance (9 s^2 + 81 s^2 / 3) / 144.
    const sd = Math.sqrt(9 * sigma ** 2 + (81 * sigma ** 2) / 3) / 12;
    expect(f.outturn).toBe(50);
    expect(f.high).toBeCloseTo(50 + 1.2816 * sd, 2);
    expect(f.low).toBeCloseTo(50 - 1.2816 * sd, 2);
    expect(f.seasonalYears).toEqual([]);
  });

  it.each([
    { target: 50, polarity: 'higher', p: 0.5 },
    { target: 45, polarity: 'higher', p: 1 },
    { target: 55, polarity: 'higher', p: 0 },
    { target: 55, polarity: 'lower', p: 1 },
    { target: 50, polarity: 'neutral', p: null },
  ] as Array<{ target: number; polarity: Measure['polarity']; p: number | null }>)(
    'target $target, $polarity is better: chance $p',
    ({ target, polarity, p }) => {
      const k = mean({ polarity, target: { type: 'single', value: target } });
      const f = run(k, monthly(k, '2024-04', [...wobble(12), 49, 51, 50])).forecast!;
      expect(f.probabilityOfMeetingTarget).toBe(p);
    },
  );

  it('puts back the seasonal pattern of two earlier complete years', () => {
    const k = mean({ aggregation: 'last' });
    // Each earlier year: 50 all year but March 60 (its mean 50.83, so March sits 9.17 above it).
    const year = [...Array(11).fill(50), 60];
    const rows = monthly(k, '2023-04', [...year, ...year, 40, 40, 40]);
    const f = run(k, rows).forecast!;
    expect(f.seasonalYears).toEqual(['2023-24', '2024-25']);
    // This year's level, adjusted: 40 - (50 - 50.83) = 40.83; March adds 9.17: 50.
    expect(f.outturn).toBeCloseTo(50, 2);
  });

  it('uses no seasonal pattern with one earlier year', () => {
    const k = mean({ aggregation: 'last' });
    const rows = monthly(k, '2024-04', [...Array(11).fill(50), 60, 40, 40, 40]);
    expect(run(k, rows).forecast!).toMatchObject({ seasonalYears: [], outturn: 40 });
  });

  it('a complete year is its reported outturn', () => {
    const k = mean();
    const f = run(k, monthly(k, '2024-04', wobble(12)), '2024-25-Q4').forecast!;
    expect(f).toMatchObject({ outturn: 50, low: 50, high: 50, periodsRemaining: 0 });
  });

  it('a cumulative total is projected from each period’s own figure', () => {
    const k = mean({ aggregation: 'sum', unit: 'number', cumulative: true, decimals: 0 });
    // Running totals 10, 20, 30: ten a month, 120 by March.
    expect(run(k, monthly(k, '2025-04', [10, 20, 30])).forecast!.outturn).toBe(120);
  });

  it('keeps to the current process: the level since a rebasing change', () => {
    const k = mean({ processChanges: [{ date: '2025-06-01', change: 'new contract', decidedBy: 'Cabinet', rebase: true }] });
    // April and May at 80 under the old process; June at 50 under the new: the rest at 50.
    const f = run(k, monthly(k, '2025-04', [80, 80, 50])).forecast!;
    expect(f.outturn).toBe(55);
  });

  it.each([
    { name: 'annual', over: { frequency: 'annual' }, rows: (k: Measure) => [obs(k, '2024-25', 50)], reason: 'annual' },
    { name: 'no figures this year', over: {}, rows: (k: Measure) => monthly(k, '2024-04', wobble(12)), reason: 'noFiguresThisYear' },
    { name: 'one figure only', over: {}, rows: (k: Measure) => monthly(k, '2025-04', [50]), reason: 'tooFewFigures' },
    {
      name: 'a cumulative ratio without counts',
      over: { cumulative: true, aggregation: 'ratio' },
      rows: (k: Measure) => monthly(k, '2025-04', [50, 50]),
      reason: 'cumulativeWithoutCounts',
    },
  ] as Array<{ name: string; over: Partial<Measure>; rows: (k: Measure) => Observation[]; reason: string }>)('no forecast: $name', ({ over, rows, reason }) => {
    const k = mean(over);
    expect(run(k, rows(k)).absent?.reason).toBe(reason);
  });

  it('likelyOutturn gives the same forecast for a KPI of the workspace', () => {
    const k = mean();
    const rows = monthly(k, '2025-04', [50, 50, 50]);
    const ws = workspace({ kpis: [k], observations: rows });
    expect(likelyOutturn(ws, 'K-01', period('2025-26-Q1'))).toEqual(forecastYearEnd(k, rows, period('2025-26-Q1'), ws));
    expect(likelyOutturn(ws, 'NOPE', period('2025-26-Q1')).absent?.reason).toBe('notMeasure');
  });
});

describe('the 70% check lists who is likely to decline by year end', () => {
  it('names a KPI whose projected year ends worse than last year', () => {
    const worse = mean({ id: 'K-01' });
    const better = mean({ id: 'K-02' });
    const rows = [...monthly(worse, '2024-04', [...wobble(12, 60), 50, 50, 50]), ...monthly(better, '2024-04', [...wobble(12, 40), 50, 50, 50])];
    const r = computeImprovement(workspace({ kpis: [worse, better], observations: rows }), 2025, period('2025-26-Q1'));
    expect(r.likelyToDecline).toEqual(['K-01']);
    expect(r.kpis.find((k) => k.id === 'K-01')!.yearEnd).toMatchObject({ outturn: 50, previousYear: 60, probabilityOfDecline: 1 });
  });
});
