import { describe, expect, it } from 'vitest';
import { latestFyWithQuarterData, latestQuarterWithData, resolvePeriodQuery, type Quarter } from '../../src/core/period-query.js';
import { formatPeriod } from '../../src/model/periods.js';
import { measure, monthly, obs, workspace } from './fixtures.js';

const context = (latest: Partial<Record<Quarter, number>>, startMonth = 4) => ({ startMonth, latestFyWithQuarter: (q: Quarter) => latest[q] ?? null });

describe('resolvePeriodQuery: accepted forms', () => {
  it.each([
    ['q3', '2025-26-Q3', true],
    ['Q3', '2025-26-Q3', true],
    [' q1 ', '2026-27-Q1', true],
    ['2025-26-q3', '2025-26-Q3', false],
    ['2025-26-Q3', '2025-26-Q3', false],
    ['2025/26 Q3', '2025-26-Q3', false],
    ['2025/26-Q3', '2025-26-Q3', false],
    ['2024-25-Q3', '2024-25-Q3', false],
    ['2025-10', '2025-10', false],
    ['2025-26', '2025-26', false],
    ['2025/26', '2025-26', false],
    ['2025-26-H1', '2025-26-H1', false],
  ])('%j is %s (year chosen from the data: %s)', (text, name, chosenYear) => {
    const r = resolvePeriodQuery(text, context({ 1: 2026, 3: 2025 }));
    expect(r.ok && formatPeriod(r.period)).toBe(name);
    expect(r.ok && r.chosenYear).toBe(chosenYear);
  });
});

describe('resolvePeriodQuery: what to type instead', () => {
  it.each([
    ['q2', 'no figures fall in Q2 (Jul to Sep) of any year yet, so "q2" has no year to take: name the year, e.g. 2025-26-Q2'],
    ['q5', 'there is no quarter Q5: quarters are Q1 to Q4'],
    ['q0', 'there is no quarter Q0: quarters are Q1 to Q4'],
    ['2025-27', 'financial year 2025-27 should be written 2025-26'],
    ['2025-26-Q5', 'there is no quarter Q5: quarters are Q1 to Q4'],
    ['2025-26-H3', 'there is no half H3: halves are H1 and H2'],
    [
      'next quarter',
      '"next quarter" is not a period: type q3 for the latest Q3 with figures, 2025-26-Q3 for a quarter, 2025-10 for a month, 2025-26-H1 for a half or 2025-26 for a year',
    ],
    ['', '"" is not a period'],
    ['h1', '"h1" is not a period'],
  ])('%j: %s', (text, message) => {
    const r = resolvePeriodQuery(text, context({ 3: 2025 }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('names the months of a quarter from the configured year start', () => {
    const r = resolvePeriodQuery('q1', context({}, 1));
    expect(!r.ok && r.message).toContain('Q1 (Jan to Mar)');
  });
});

describe('latestFyWithQuarterData and latestQuarterWithData', () => {
  const k = measure({ id: 'A-01' });
  const ws = workspace({
    kpis: [k],
    observations: [
      ...monthly(k, '2024-04', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      obs(k, '2025-04', 1),
      obs(k, '2025-05', 2),
      // One month of Q3 is enough to put Q3 on the map.
      obs(k, '2025-10', 3),
      // n/a is not a figure.
      obs(k, '2026-01', null),
      obs('B-01', '2026-27-H1', null),
    ],
  });

  it.each<[Quarter, number | null]>([
    [1, 2025],
    [2, 2024],
    [3, 2025],
    [4, 2024],
  ])('Q%i: latest year %s', (q, fy) => {
    expect(latestFyWithQuarterData(ws)(q)).toBe(fy);
  });

  it.each<[number | undefined, string | null]>([
    [undefined, '2025-26-Q3'],
    [2025, '2025-26-Q3'],
    [2024, '2024-25-Q4'],
    [2023, null],
  ])('latest quarter with data in %s: %s', (fy, name) => {
    const q = latestQuarterWithData(ws, fy);
    expect(q && formatPeriod(q)).toBe(name);
  });

  it.each([
    ['2025-26-H1', '2025-26-Q2'],
    ['2025-26', '2025-26-Q4'],
    ['2025-26-Q3', '2025-26-Q3'],
    ['2026-03', '2025-26-Q4'],
  ])('a figure for %s counts for %s', (name, quarter) => {
    const q = latestQuarterWithData(workspace({ observations: [obs('A-01', name, 1)] }));
    expect(q && formatPeriod(q)).toBe(quarter);
  });

  it('follows the configured year start', () => {
    const q = latestQuarterWithData(workspace({ observations: [obs('A-01', '2025-10', 1)], config: { financialYearStartMonth: 1 } }));
    expect(q && formatPeriod(q)).toBe('2025-26-Q4');
  });

  it('is null for an empty workspace', () => {
    expect(latestQuarterWithData(workspace())).toBeNull();
    expect(latestFyWithQuarterData(workspace())(3)).toBeNull();
  });
});
