import { describe, expect, it } from 'vitest';
import { benchmarkFor, benchmarkQuartile } from '../../src/core/benchmark.js';
import type { Benchmark, Measure } from '../../src/model/kpi.js';

const bench = (year: string, uq: number, median: number, lq: number, group = 'Housemark: ALMOs and councils under 15,000 homes'): Benchmark => ({
  year,
  group,
  upperQuartile: uq,
  median,
  lowerQuartile: lq,
});

describe('benchmarkFor: the latest benchmark not after the year', () => {
  const list = [bench('2023-24', 1, 1, 1, 'a'), bench('2021-22', 2, 2, 2, 'b'), bench('2024-25', 3, 3, 3, 'c'), bench('2024-25', 4, 4, 4, 'd')];
  it.each<[number, string | null]>([
    [2025, 'c'],
    [2024, 'c'],
    [2023, 'a'],
    [2022, 'b'],
    [2021, 'b'],
    [2020, null],
  ])('in %i: group %s', (fy, group) => {
    expect(benchmarkFor(list, fy)?.group ?? null).toBe(group);
  });

  it.each([[undefined], [[]]])('none from %j', (list) => {
    expect(benchmarkFor(list, 2025)).toBeNull();
  });
});

describe('benchmarkQuartile', () => {
  const higher = { polarity: 'higher', decimals: 1, benchmarks: [bench('2024-25', 98, 96, 94)] } satisfies Pick<
    Measure,
    'benchmarks' | 'polarity' | 'decimals'
  >;
  const lower = { polarity: 'lower', decimals: 1, benchmarks: [bench('2024-25', 10, 15, 20)] } satisfies Pick<Measure, 'benchmarks' | 'polarity' | 'decimals'>;
  it.each<[string, number | null, Pick<Measure, 'benchmarks' | 'polarity' | 'decimals'>, number | null]>([
    ['higher: above the upper quartile', 99, higher, 1],
    ['higher: on the upper quartile takes the better quartile', 98, higher, 1],
    ['higher: on it once printed (97.96 prints as 98.0)', 97.96, higher, 1],
    ['higher: just below it', 97.9, higher, 2],
    ['higher: on the median', 96, higher, 2],
    ['higher: below the median', 95.9, higher, 3],
    ['higher: on the lower quartile', 94, higher, 3],
    ['higher: below the lower quartile', 93.9, higher, 4],
    ['lower: below the upper quartile', 9, lower, 1],
    ['lower: on the upper quartile', 10, lower, 1],
    ['lower: just above it', 10.1, lower, 2],
    ['lower: on the median', 15, lower, 2],
    ['lower: on the lower quartile', 20, lower, 3],
    ['lower: above the lower quartile', 20.1, lower, 4],
    ['no figure', null, higher, null],
    ['no polarity', 99, { ...higher, polarity: 'neutral' }, null],
    ['no benchmarks', 99, { ...higher, benchmarks: [] }, null],
  ])('%s', (_, value, kpi, quartile) => {
    expect(benchmarkQuartile(value, kpi, 2025)?.quartile ?? null).toBe(quartile);
  });

  it('says which benchmark it used', () => {
    expect(benchmarkQuartile(99, higher, 2025)).toEqual({ quartile: 1, year: '2024-25', group: 'Housemark: ALMOs and councils under 15,000 homes' });
  });

  it('uses none published after the year', () => {
    expect(benchmarkQuartile(99, higher, 2023)).toBeNull();
  });
});
