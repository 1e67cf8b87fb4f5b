import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/core/figures.js';
import { niceTicks, periodLabels } from '../../src/views/axis.js';

/*
 * The value axis's ticks as a table (lowest and highest figure, decimal places printed → ticks),
 * then the rules every axis keeps over a sweep of ranges, then which periods are named.
 */

describe('niceTicks', () => {
  it.each([
    ['percentages near a target', 92.1, 97.4, 1, [92, 94, 96, 98]],
    ['0 to 100 per cent', 0, 100, 0, [0, 20, 40, 60, 80, 100]],
    ['a top at exactly 100 stays at 100', 88, 100, 0, [85, 90, 95, 100]],
    ['a flat series printed whole', 5, 5, 0, [4, 5, 6]],
    ['a flat 100% is the top of its axis, with no tick above 100%', 100, 100, 1, [90, 92, 94, 96, 98, 100]],
    ['a flat negative figure printed whole', -40, -40, 0, [-41, -40, -39]],
    ['a flat series of 96.4%', 96.4, 96.4, 1, [95.4, 95.6, 95.8, 96, 96.2, 96.4]],
    ['all zero', 0, 0, 0, [-1, 0, 1]],
    ['across zero', -3.2, 4.1, 1, [-4, -2, 0, 2, 4, 6]],
    ['all negative', -12.5, -3, 1, [-12.5, -10, -7.5, -5, -2.5]],
    ['tiny percentages at 3 places', 0.012, 0.047, 3, [0.01, 0.02, 0.03, 0.04, 0.05]],
    ['tiny percentages at 2 places', 0.1, 0.4, 2, [0.1, 0.2, 0.3, 0.4]],
    ['tiny percentages printed whole: no step finer than 1, never below 0', 0.1, 0.4, 0, [0, 1, 2]],
    ['money in the millions', 1_234_567, 3_456_789, 0, [1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 3_500_000]],
    ['a deficit in the millions', -2_500_000, -1_200_000, 0, [-2_500_000, -2_000_000, -1_500_000, -1_000_000]],
    ['whole numbers skip the 2.5 step', 1, 12, 0, [0, 5, 10, 15]],
    ['one decimal place allows the 2.5 step', 0, 12, 1, [0, 2.5, 5, 7.5, 10, 12.5]],
    ['a narrow band printed whole gets a third tick on the tighter side', 17.2, 17.9, 0, [17, 18, 19]],
    ['days', 16, 19.8, 1, [16, 17, 18, 19, 20]],
  ])('%s: %d to %d at %d dp', (_name, lo, hi, decimals, ticks) => {
    expect(niceTicks(lo, hi, decimals)).toEqual(ticks);
  });

  it('refuses a range that is not one', () => {
    expect(() => niceTicks(2, 1, 0)).toThrow(RangeError);
    expect(() => niceTicks(Number.NaN, 1, 0)).toThrow(RangeError);
  });

  it('always gives 3 to 6 evenly spaced round ticks spanning the figures, each exact at the printed places', () => {
    const seen: string[] = [];
    for (const decimals of [0, 1, 2]) {
      for (let e = -2; e <= 6; e++) {
        for (const a of [0, 0.13, 1.7, 4.2, 9.99, -3.3]) {
          for (const span of [0, 0.01, 0.37, 1, 2.9, 7.5, 40]) {
            const lo = a * 10 ** e;
            const hi = lo + span * 10 ** e;
            const ticks = niceTicks(lo, hi, decimals);
            const where = `${lo} to ${hi} at ${decimals} dp: ${ticks.join(', ')}`;
            expect(ticks.length, where).toBeGreaterThanOrEqual(3);
            expect(ticks.length, where).toBeLessThanOrEqual(6);
            const step = ticks[1]! - ticks[0]!;
            // Within binary noise: 1.3 + 0.1 is 1.4000000000000001, and its tick is 1.4.
            expect(ticks[0]!, where).toBeLessThanOrEqual(lo + step * 1e-9);
            expect(ticks.at(-1)!, where).toBeGreaterThanOrEqual(hi - step * 1e-9);
            ticks.slice(1).forEach((t, i) => expect(Math.abs(t - ticks[i]! - step), where).toBeLessThan(step * 1e-9));
            const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toFixed(6));
            expect([1, 2, 2.5, 5], where).toContain(mantissa);
            // Printed at the KPI's places, no two ticks read the same and each reads as itself.
            const printed = ticks.map((t) => formatFigure(t, { unit: 'number', decimals }));
            expect(new Set(printed).size, where).toBe(ticks.length);
            ticks.forEach((t, i) => expect(Number(printed[i]!.replace(/,/g, '')), where).toBe(t));
            if (lo >= 0) expect(ticks[0]!, where).toBeGreaterThanOrEqual(lo === hi ? -Infinity : 0);
            seen.push(where);
          }
        }
      }
    }
    expect(seen.length).toBe(3 * 9 * 6 * 7);
  });
});

describe('periodLabels', () => {
  const xs = (n: number, left: number, step: number) => Array.from({ length: n }, (_, i) => left + i * step);

  it('names every period when there is room', () => {
    expect(periodLabels(xs(4, 100, 150), 60, 8, 632).map((l) => l.index)).toEqual([0, 1, 2, 3]);
  });

  it('names every k-th period between the first and last, for the smallest k that clears', () => {
    // 13 quarters 30 apart, labels 60 wide: every other one would touch, so every third.
    const named = periodLabels(xs(13, 60, 30), 60, 8, 632);
    expect(named.map((l) => l.index)).toEqual([0, 3, 6, 9, 12]);
    named.slice(1).forEach((l, i) => expect(l.x - named[i]!.x).toBeGreaterThanOrEqual(68));
  });

  it('drops a label between that would meet the last one', () => {
    const named = periodLabels(xs(6, 60, 70), 60, 8, 632);
    expect(named.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(periodLabels(xs(5, 60, 85), 60, 8, 632).map((l) => l.index)).toEqual([0, 1, 2, 3, 4]);
    // Steps of 50: every second is the stride, and index 4 would sit 50 from the last.
    expect(periodLabels(xs(6, 60, 50), 60, 8, 632).map((l) => l.index)).toEqual([0, 2, 5]);
  });

  it('moves an end label in from the edge rather than cutting it off, and names a lone period', () => {
    const named = periodLabels(xs(3, 20, 300), 60, 8, 632);
    expect(named[0]).toEqual({ index: 0, x: 38 });
    expect(named.at(-1)).toEqual({ index: 2, x: 602 });
    expect(periodLabels([300], 60, 8, 632)).toEqual([{ index: 0, x: 300 }]);
    expect(periodLabels([], 60, 8, 632)).toEqual([]);
  });
});
