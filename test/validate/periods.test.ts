import { describe, expect, it } from 'vitest';
import { formatPeriod, monthsOf, parsePeriod, periodEndDate, previousPeriod, samePeriodLastYear, yearToDateMonths } from '../../src/model/periods.js';

describe('parsePeriod', () => {
  it.each([
    ['2025-10', 'month', '2025-10'],
    ['2025-26', 'year', '2025-26'],
    ['2025-26-Q3', 'quarter', '2025-26-Q3'],
    ['2025-26-q3', 'quarter', '2025-26-Q3'],
    ['2025/26 Q3', 'quarter', '2025-26-Q3'],
    ['2025-26-H1', 'half', '2025-26-H1'],
    ['1999-00', 'year', '1999-00'],
  ])('%j is a %s named %s', (text, kind, name) => {
    const r = parsePeriod(text);
    expect(r.ok && r.value.kind).toBe(kind);
    expect(r.ok && formatPeriod(r.value)).toBe(name);
  });

  it.each([
    ['2025-13', 'should be written 2025-26'],
    ['2025-27', 'should be written 2025-26'],
    ['2025-26-Q5', 'Q1 to Q4'],
    ['2025-26-H3', 'H1 and H2'],
    ['Q3', 'is not a period'],
    ['Oct 2025', 'is not a period'],
    ['', 'is not a period'],
  ])('%j is refused: %s', (text, message) => {
    const r = parsePeriod(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });
});

describe('period arithmetic (April start)', () => {
  const q = (s: string) => {
    const r = parsePeriod(s);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  it.each([
    ['2025-26-Q1', ['2025-04', '2025-05', '2025-06']],
    ['2025-26-Q3', ['2025-10', '2025-11', '2025-12']],
    ['2025-26-Q4', ['2026-01', '2026-02', '2026-03']],
    ['2025-26-H2', ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']],
  ])('%s covers %j', (p, months) => {
    expect(monthsOf(q(p), 4).map((m) => formatPeriod({ kind: 'month', ...m }))).toEqual(months);
  });

  it.each([
    ['2025-26-Q3', 4, 9],
    ['2026-02', 4, 11],
    ['2025-04', 4, 1],
    ['2025-26-Q1', 1, 3],
  ])('year to date through %s (start month %i) has %i months', (p, start, n) => {
    expect(yearToDateMonths(q(p), start)).toHaveLength(n);
  });

  it.each([
    ['2025-26-Q1', '2024-25-Q4', '2024-25-Q1'],
    ['2025-26-Q3', '2025-26-Q2', '2024-25-Q3'],
    ['2025-01', '2024-12', '2024-01'],
    ['2025-26-H1', '2024-25-H2', '2024-25-H1'],
    ['2025-26', '2024-25', '2024-25'],
  ])('%s: previous %s, last year %s', (p, prev, last) => {
    expect(formatPeriod(previousPeriod(q(p)))).toBe(prev);
    expect(formatPeriod(samePeriodLastYear(q(p)))).toBe(last);
  });

  it.each([
    ['2025-26-Q3', 4, '2025-12-31'],
    ['2025-26-Q4', 4, '2026-03-31'],
    ['2024-02', 4, '2024-02-29'],
    ['2025-26', 1, '2025-12-31'],
  ])('%s ends on %s', (p, start, date) => {
    expect(periodEndDate(q(p), start)).toBe(date);
  });
});
