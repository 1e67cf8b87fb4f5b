import { describe, expect, it } from 'vitest';
import { targetFor, targetForYearToDate, type TargetKpi, type TargetResult } from '../../src/core/targets.js';
import type { Target } from '../../src/model/kpi.js';
import { period } from './fixtures.js';

const kpi = (target: Target, over: Partial<Omit<TargetKpi, 'target'>> = {}): TargetKpi => ({ target, aggregation: 'mean', cumulative: false, ...over });
const quarterly: Target = { type: 'profiled', profile: { Q1: 2.86, Q2: 2.88, Q3: 2.89, Q4: 3.2 } };
const monthlyProfile: Target = {
  type: 'profiled',
  profile: { Apr: 10, May: 20, Jun: 30, Jul: 40, Aug: 50, Sep: 60, Oct: 70, Nov: 80, Dec: 90, Jan: 100, Feb: 110, Mar: 120 },
};

describe('targetFor: every target form', () => {
  it.each<[string, TargetKpi, string, Partial<TargetResult>]>([
    ['single', kpi({ type: 'single', value: 97 }), '2025-26-Q3', { value: 97, kind: 'set' }],
    ['single applies to any period', kpi({ type: 'single', value: 97 }), '2025-10', { value: 97, kind: 'set' }],
    ['yearly, set for the year', kpi({ type: 'yearly', years: { '2024-25': 20, '2025-26': 40 } }), '2025-26-Q3', { value: 40, kind: 'set' }],
    ['yearly, month in the year', kpi({ type: 'yearly', years: { '2025-26': 40 } }), '2026-03', { value: 40, kind: 'set' }],
    [
      'yearly, not set for the year',
      kpi({ type: 'yearly', years: { '2025-26': 40, '2024-25': 20 } }),
      '2026-27-Q1',
      { value: null, kind: 'notSetForYear', reason: 'no target set for 2026-27 (targets are set for 2024-25, 2025-26)' },
    ],
    ['yearly, empty', kpi({ type: 'yearly', years: {} }), '2026-27-Q1', { value: null, kind: 'notSetForYear', reason: 'no target set for 2026-27' }],
    [
      'to be set',
      kpi({ type: 'toBeSet', reason: 'approved by Full Council with the budget' }),
      '2025-26-Q3',
      { value: null, kind: 'toBeSet', reason: 'target to be set: approved by Full Council with the budget' },
    ],
    ['none', kpi({ type: 'none', reason: 'monitoring only' }), '2025-26-Q3', { value: null, kind: 'none', reason: 'no target: monitoring only' }],
  ])('%s', (_, k, name, expected) => {
    expect(targetFor(k, period(name), 4)).toMatchObject(expected);
  });
});

describe('targetFor: a quarterly profile', () => {
  it.each<[string, Partial<Omit<TargetKpi, 'target'>>, string, number | null]>([
    ['its quarter', {}, '2025-26-Q3', 2.89],
    ['Q4 (January to March)', {}, '2025-26-Q4', 3.2],
    ['a mean KPI: the year is the mean of the quarters', {}, '2025-26', 2.9575],
    ['a ratio KPI: a half is the mean of its quarters', { aggregation: 'ratio' }, '2025-26-H1', 2.87],
    ['a sum KPI: the year is the sum of the quarters', { aggregation: 'sum' }, '2025-26', 11.83],
    ['a cumulative KPI: the year is the entry at the end', { cumulative: true, aggregation: 'sum' }, '2025-26', 3.2],
    ['a snapshot KPI: a half is the entry at its end', { aggregation: 'last' }, '2025-26-H1', 2.88],
    ['a mean KPI: the first month of a quarter takes its level', {}, '2025-10', 2.89],
    ['a mean KPI: the last month of a quarter takes its level', {}, '2025-12', 2.89],
    ['a sum KPI: a month has no share', { aggregation: 'sum' }, '2025-11', null],
    ['a sum KPI: not even the quarter-end month', { aggregation: 'sum' }, '2025-12', null],
    ['a cumulative KPI: the quarter-end month takes the entry', { cumulative: true }, '2025-12', 2.89],
    ['a cumulative KPI: no target mid-quarter', { cumulative: true }, '2025-11', null],
  ])('%s', (_, over, name, value) => {
    expect(targetFor(kpi(quarterly, over), period(name), 4).value).toBe(value);
  });

  it('a missing quarter is named', () => {
    const r = targetFor(kpi({ type: 'profiled', profile: { Q1: 1, Q2: 2 } }), period('2025-26'), 4);
    expect(r).toMatchObject({ value: null, kind: 'notSetForYear', reason: 'the profile has no target for Q3, Q4' });
  });

  it("a year's own profile wins over the default, which still covers other years", () => {
    const t: Target = { type: 'profiled', profile: { Q1: 1, Q2: 1, Q3: 1, Q4: 1 }, years: { '2025-26': { Q1: 5, Q2: 6, Q3: 7, Q4: 8 } } };
    expect(targetFor(kpi(t), period('2025-26-Q3'), 4).value).toBe(7);
    expect(targetFor(kpi(t), period('2024-25-Q3'), 4).value).toBe(1);
  });

  it('quarters follow the financial year start', () => {
    expect(targetFor(kpi(quarterly), period('2025-10'), 1).value).toBe(3.2);
  });
});

describe('targetFor: a monthly profile', () => {
  it.each<[string, Partial<Omit<TargetKpi, 'target'>>, string, number | null]>([
    ['its month', {}, '2025-10', 70],
    ['a mean KPI: the quarter is the mean of its months', {}, '2025-26-Q3', 80],
    ['a sum KPI: the quarter is the sum of its months', { aggregation: 'sum' }, '2025-26-Q3', 240],
    ['a cumulative KPI: the quarter is its last month', { cumulative: true }, '2025-26-Q3', 90],
    ['a sum KPI: the year', { aggregation: 'sum' }, '2025-26', 780],
  ])('%s', (_, over, name, value) => {
    expect(targetFor(kpi(monthlyProfile, over), period(name), 4).value).toBe(value);
  });
});

describe('targetForYearToDate', () => {
  it.each<[string, Target, Partial<Omit<TargetKpi, 'target'>>, string, number | null]>([
    ['single', { type: 'single', value: 5 }, {}, '2025-26-Q3', 5],
    ['a sum KPI through Q3 sums Q1-Q3', quarterly, { aggregation: 'sum' }, '2025-26-Q3', 8.63],
    ['a mean KPI through Q2 averages Q1-Q2', quarterly, {}, '2025-26-Q2', 2.87],
    ['a cumulative KPI takes the entry at the end', quarterly, { cumulative: true }, '2025-26-Q3', 2.89],
    ['a sum KPI through a month of a monthly profile', monthlyProfile, { aggregation: 'sum' }, '2025-06', 60],
    ['a sum KPI through a mid-quarter month of a quarterly profile', quarterly, { aggregation: 'sum' }, '2025-11', null],
  ])('%s', (_, target, over, name, value) => {
    expect(targetForYearToDate(kpi(target, over), period(name), 4).value).toBe(value);
  });
});
