import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFigure, formatFixed, roundTo, tidy, toPrintedUnits, type FigureStyle } from '../../src/core/figures.js';

describe('roundTo: half away from zero on the decimal text', () => {
  it.each([
    [1.005, 2, 1.01],
    [1.004, 2, 1],
    [2.675, 2, 2.68],
    [-1.005, 2, -1.01],
    [0.05, 1, 0.1],
    [-0.05, 1, -0.1],
    [-0.04, 1, 0],
    [94.95, 1, 95],
    [94.949, 1, 94.9],
    [96.45, 1, 96.5],
    [1234.5, 0, 1235],
    [-1234.5, 0, -1235],
    [0.5, 0, 1],
    [1e-7, 2, 0],
    [1.23e21, 2, 1.23e21],
    [12.3456, 6, 12.3456],
  ])('roundTo(%d, %i) = %d', (x, places, expected) => {
    expect(roundTo(x, places)).toBe(expected);
  });

  it('never gives negative zero', () => {
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
  });

  it.each([[Infinity], [-Infinity], [NaN]])('passes %d through', (x) => {
    expect(roundTo(x, 2)).toBe(x);
  });
});

describe('toPrintedUnits', () => {
  it.each([
    [96.4, 1, 964],
    [96.45, 1, 965],
    [94.96, 1, 950],
    [0.1 + 0.2, 1, 3],
    [-2.5, 0, -3],
    [38.5, 2, 3850],
  ])('%d at %i dp is %i units', (x, places, units) => {
    expect(toPrintedUnits(x, places)).toBe(units);
  });
});

describe('formatFixed and tidy', () => {
  it.each([
    [1.005, 2, '1.01'],
    [-0.04, 1, '0.0'],
    [-0.05, 1, '-0.1'],
    [3, 2, '3.00'],
  ])('formatFixed(%d, %i) = %s', (x, places, text) => {
    expect(formatFixed(x, places)).toBe(text);
  });

  it.each([
    [0.1 + 0.2, 0.3],
    [0.7 * 10, 7],
    [1 / 3, 0.333333333333333],
  ])('tidy(%d) = %d', (x, expected) => {
    expect(tidy(x)).toBe(expected);
  });
});

describe('formatFigure per unit', () => {
  it.each<[number, FigureStyle, string]>([
    [96.44, { unit: 'percentage', decimals: 1 }, '96.4%'],
    [38.5, { unit: 'days', decimals: 2 }, '38.50 days'],
    [3, { unit: 'days', unitLabel: 'working days', decimals: 0 }, '3 working days'],
    [1234, { unit: 'currency', decimals: 0 }, '£1,234'],
    [-1234.5, { unit: 'currency', decimals: 2 }, '-£1,234.50'],
    [1234567.891, { unit: 'number', decimals: 1 }, '1,234,567.9'],
    [-1234, { unit: 'number', decimals: 0 }, '-1,234'],
    [999, { unit: 'number', decimals: 0 }, '999'],
    [3.24, { unit: 'rate', unitLabel: 'per 1,000 homes', decimals: 1 }, '3.2 per 1,000 homes'],
    [3.24, { unit: 'rate', decimals: 1 }, '3.2'],
    [-0.04, { unit: 'percentage', decimals: 1 }, '0.0%'],
  ])('%d as %j is %s', (x, style, text) => {
    expect(formatFigure(x, style)).toBe(text);
  });
});

describe('roundTo fast path', () => {
  // The reference: the decimal-text route the fast path must agree with everywhere.
  const shift = (x: number, places: number) => {
    const [m, e = '0'] = String(x).split('e');
    return Number(`${m}e${Number(e) + places}`);
  };
  const reference = (x: number, d: number) => {
    const r = shift(Math.round(shift(Math.abs(x), d)), -d);
    return (x < 0 ? -r : r) || 0;
  };
  it('agrees with rounding the decimal text, for any figure and any decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        expect(roundTo(x, d)).toBe(reference(x, d));
      }),
      { numRuns: 5000, seed: 11 },
    );
  });
  it('agrees on figures that end in a half at the next place (96.45 to 1 dp)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const x = Number(`${n}5e-${d + 1}`);
        expect(roundTo(x, d)).toBe(reference(x, d));
      }),
      { numRuns: 5000, seed: 12 },
    );
  });
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-1.005, 2, -1.01],
    [0.125, 2, 0.13],
    [1.0049999, 2, 1],
  ])('rounds %d to %i places as %d', (x, d, want) => expect(roundTo(x, d)).toBe(want));
});
