import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFixed, roundTo } from '../../src/core/figures.js';
import { computeImprovement } from '../../src/core/improvement.js';
import { compareToTarget, type RaggKpi, type Status } from '../../src/core/ragg.js';
import { computeStatus } from '../../src/core/status.js';
import type { Band, Measure } from '../../src/model/kpi.js';
import type { Observation } from '../../src/model/workspace.js';
import { measure, monthly, obs, period, workspace } from './fixtures.js';

const SEVERITY: Record<Status, number> = { green: 0, amber: 1, red: 2, grey: -1, missing: -1, na: -1 };

const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const kpiArb = fc.record({
  polarity: fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
  decimals: fc.integer({ min: 0, max: 3 }),
});
const bandArb: fc.Arbitrary<Band> = fc.oneof(
  fc.record({ band: fc.double({ min: 0, max: 0.5, noNaN: true }), bandType: fc.constant('relative' as const) }),
  fc.record({ band: fc.double({ min: 0, max: 100, noNaN: true }), bandType: fc.constant('absolute' as const) }),
);
const ragg = (k: { polarity: 'higher' | 'lower'; decimals: number }): RaggKpi => ({ level: 'kpi', unit: 'number', ...k });

describe('RAGG properties', () => {
  it('a better value never gives a worse status', () => {
    fc.assert(
      fc.property(kpiArb, bandArb, figure, figure, figure, (k, band, target, x, y) => {
        const [worse, better] = k.polarity === 'higher' ? [Math.min(x, y), Math.max(x, y)] : [Math.max(x, y), Math.min(x, y)];
        const a = compareToTarget(worse, target, ragg(k), band).status;
        const b = compareToTarget(better, target, ragg(k), band).status;
        expect(SEVERITY[b]).toBeLessThanOrEqual(SEVERITY[a]);
      }),
      { numRuns: 2000 },
    );
  });

  it('a wider band never gives a worse status', () => {
    fc.assert(
      fc.property(
        kpiArb,
        figure,
        figure,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (k, target, value, b1, b2) => {
          const narrow = compareToTarget(value, target, ragg(k), { band: Math.min(b1, b2), bandType: 'relative' }).status;
          const wide = compareToTarget(value, target, ragg(k), { band: Math.max(b1, b2), bandType: 'relative' }).status;
          expect(SEVERITY[wide]).toBeLessThanOrEqual(SEVERITY[narrow]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the status agrees with the printed figure: colouring the printed figure gives the same colour', () => {
    fc.assert(
      fc.property(kpiArb, bandArb, figure, figure, (k, band, target, value) => {
        const status = compareToTarget(value, target, ragg(k), band).status;
        expect(compareToTarget(roundTo(value, k.decimals), target, ragg(k), band).status).toBe(status);
        expect(compareToTarget(Number(formatFixed(value, k.decimals)), Number(formatFixed(target, k.decimals)), ragg(k), band).status).toBe(status);
      }),
      { numRuns: 2000 },
    );
  });

  it('two figures that print the same get the same colour', () => {
    fc.assert(
      fc.property(
        kpiArb,
        bandArb,
        figure,
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.double({ min: -0.49, max: 0.49, noNaN: true }),
        (k, band, target, units, jitter) => {
          const printed = units / 10 ** k.decimals;
          const nearby = printed + jitter / 10 ** k.decimals;
          fc.pre(formatFixed(nearby, k.decimals) === formatFixed(printed, k.decimals));
          expect(compareToTarget(nearby, target, ragg(k), band).status).toBe(compareToTarget(printed, target, ragg(k), band).status);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('computeStatus properties', () => {
  const kpis: Measure[] = [
    measure({ id: 'A-01', aggregation: 'ratio' }),
    measure({ id: 'B-01', aggregation: 'sum', unit: 'number', decimals: 0, target: { type: 'single', value: 300 } }),
    measure({ id: 'C-01', aggregation: 'mean', polarity: 'lower', cumulative: true }),
    measure({ id: 'D-01', frequency: 'quarterly', aggregation: 'last', decimals: 2 }),
    measure({ id: 'E-01', aggregation: 'mean', level: 'tracker', polarity: 'neutral' }),
  ];
  const month = fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null, freq: 5 });

  const observationsArb = fc
    .record({
      months: fc.array(fc.array(month, { minLength: 24, maxLength: 24 }), { minLength: 4, maxLength: 4 }),
      quarters: fc.array(month, { minLength: 8, maxLength: 8 }),
      dropped: fc.array(fc.nat(24), { maxLength: 5 }),
    })
    .map(({ months, quarters, dropped }) => {
      const monthly_: Observation[] = months.flatMap((values, i) =>
        monthly(kpis[[0, 1, 2, 4][i]!]!, '2024-01', values, { numerator: 9, denominator: 10, reviewedBy: i % 2 ? 'Reviewer' : null }),
      );
      const names = ['2023-24-Q4', '2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1', '2025-26-Q2', '2025-26-Q3'];
      const quarterly = quarters.map((v, i) => obs(kpis[3]!, names[i]!, v));
      // A dropped row is a figure never returned, unlike n/a.
      return [...monthly_, ...quarterly].filter((_, i) => !dropped.includes(i % 25));
    });

  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(
        observationsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        fc.constantFrom('2025-26-Q3', '2025-26-Q2', '2025-11', '2025-26'),
        ([rows, shuffled], name) => {
          const p = period(name);
          expect(computeStatus(workspace({ kpis, observations: shuffled }), p)).toEqual(computeStatus(workspace({ kpis, observations: rows }), p));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('always agrees with its own figures: the status is the colour of the printed value against the printed target', () => {
    fc.assert(
      fc.property(observationsArb, (rows) => {
        const r = computeStatus(workspace({ kpis, observations: rows }), period('2025-26-Q3'));
        for (const line of r.kpis) {
          if (line.value === null) expect(['missing', 'grey']).toContain(line.status);
          if (line.value === null || line.target === null || line.status === 'grey') continue;
          const kpi = kpis.find((k) => k.id === line.id)!;
          expect(compareToTarget(line.value, line.target, kpi, { band: 0.05, bandType: 'relative' }).status).toBe(line.status);
          expect(roundTo(line.value, kpi.decimals)).toBe(line.value);
        }
        const s = r.summary;
        expect(s.red + s.amber + s.green + s.grey + s.missing).toBe(r.kpis.length);
        expect(s.onTarget + s.offTarget + s.missing).toBe(r.kpis.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('improvement properties', () => {
  /** Quarterly KPIs whose Q1 figures give `improved` improvements, and so on. */
  function suite(improved: number, declined: number, unchanged: number, notComparable: number, threshold: number) {
    const plan = [
      ...Array(improved).fill([80, 85]),
      ...Array(declined).fill([85, 80]),
      ...Array(unchanged).fill([80, 80]),
      ...Array(notComparable).fill([null, 80]),
    ] as Array<[number | null, number]>;
    const kpis = plan.map((_, i) => measure({ id: `K-${i + 1}`, frequency: 'quarterly', aggregation: 'mean' }));
    const rows = plan.flatMap(([prev, cur], i) => [...(prev === null ? [] : [obs(kpis[i]!, '2024-25-Q1', prev)]), obs(kpis[i]!, '2025-26-Q1', cur)]);
    return workspace({ kpis, observations: rows, config: { improvement: { threshold, maintainedAtTargetCountsAsImproved: false } } });
  }

  it('met is share >= threshold, and moreNeeded is the fewest extra improvements that reach it', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(25), fc.nat(10), fc.nat(3), fc.integer({ min: 0, max: 100 }), (i, d, u, n, hundredths) => {
        const threshold = hundredths / 100;
        const r = computeImprovement(suite(i, d, u, n, threshold), 2025, period('2025-26-Q1'));
        const comparable = i + d + u;
        expect(r).toMatchObject({ improved: i, declined: d, unchanged: u, notComparable: n });
        expect(r.met).toBe(r.share >= threshold);
        // Exact in integers: (improved + k) / comparable >= hundredths / 100.
        const reaches = (k: number) => (i + k) * 100 >= hundredths * comparable;
        if (comparable > 0) {
          expect(reaches(r.moreNeeded)).toBe(true);
          if (r.moreNeeded > 0) expect(reaches(r.moreNeeded - 1)).toBe(false);
          expect(r.met).toBe(reaches(0));
        }
      }),
      { numRuns: 150 },
    );
  });
});
