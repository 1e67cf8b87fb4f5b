import { describe, expect, it } from 'vitest';
import { formatPeriod, type PeriodKind } from '../../src/model/periods.js';
import { periodOfKindEndingWith, periodsForSpan, spanOf, yearToDateSpan } from '../../src/core/spans.js';
import { period } from './fixtures.js';

describe('spanOf and yearToDateSpan (April start)', () => {
  it.each([
    ['2025-04', { fy: 2025, from: 0, to: 0 }, { fy: 2025, from: 0, to: 0 }],
    ['2026-03', { fy: 2025, from: 11, to: 11 }, { fy: 2025, from: 0, to: 11 }],
    ['2025-26-Q3', { fy: 2025, from: 6, to: 8 }, { fy: 2025, from: 0, to: 8 }],
    ['2025-26-H2', { fy: 2025, from: 6, to: 11 }, { fy: 2025, from: 0, to: 11 }],
    ['2025-26', { fy: 2025, from: 0, to: 11 }, { fy: 2025, from: 0, to: 11 }],
  ])('%s spans %j, year to date %j', (name, span, ytd) => {
    expect(spanOf(period(name), 4)).toEqual(span);
    expect(yearToDateSpan(period(name), 4)).toEqual(ytd);
  });

  it('counts from the configured start month', () => {
    expect(spanOf(period('2025-10'), 1)).toEqual({ fy: 2025, from: 9, to: 9 });
    expect(spanOf(period('2025-26-Q1'), 1)).toEqual({ fy: 2025, from: 0, to: 2 });
  });
});

describe('periodsForSpan: the KPI-frequency periods that make up a span', () => {
  it.each<[string, { from: number; to: number }, PeriodKind, string[]]>([
    ['a quarter of months', { from: 6, to: 8 }, 'month', ['2025-10', '2025-11', '2025-12']],
    ['a quarter of quarters', { from: 6, to: 8 }, 'quarter', ['2025-26-Q3']],
    ['the year to date through Q3 of quarters', { from: 0, to: 8 }, 'quarter', ['2025-26-Q1', '2025-26-Q2', '2025-26-Q3']],
    ['a half-yearly KPI at Q2 (its H1 is due)', { from: 3, to: 5 }, 'half', ['2025-26-H1']],
    ['a half-yearly KPI at Q3 (nothing due)', { from: 6, to: 8 }, 'half', []],
    ['a half-yearly KPI at Q4', { from: 9, to: 11 }, 'half', ['2025-26-H2']],
    ['an annual KPI at Q3 (nothing due)', { from: 6, to: 8 }, 'year', []],
    ['an annual KPI at Q4', { from: 9, to: 11 }, 'year', ['2025-26']],
    ['an annual KPI in the year to date through Q3', { from: 0, to: 8 }, 'year', []],
    ['a half-yearly KPI through Q3, year to date', { from: 0, to: 8 }, 'half', ['2025-26-H1']],
    ['a quarterly KPI at a quarter-end month', { from: 8, to: 8 }, 'quarter', ['2025-26-Q3']],
    ['a quarterly KPI at a mid-quarter month', { from: 7, to: 7 }, 'quarter', []],
    ['an unaligned span takes only whole periods', { from: 1, to: 5 }, 'quarter', ['2025-26-Q2']],
    [
      'the whole year of months, first and last',
      { from: 0, to: 11 },
      'month',
      ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'],
    ],
  ])('%s', (_, span, kind, expected) => {
    expect(periodsForSpan({ fy: 2025, ...span }, kind, 4).map(formatPeriod)).toEqual(expected);
  });
});

describe('periodOfKindEndingWith', () => {
  it.each<[string, PeriodKind, string]>([
    ['2025-11', 'quarter', '2025-26-Q3'],
    ['2025-26-Q3', 'month', '2025-12'],
    ['2025-26-Q3', 'half', '2025-26-H2'],
    ['2025-26-Q2', 'half', '2025-26-H1'],
    ['2025-26-Q1', 'year', '2025-26'],
  ])('%s, kind %s: %s', (name, kind, expected) => {
    expect(formatPeriod(periodOfKindEndingWith(period(name), kind, 4))).toBe(expected);
  });
});
