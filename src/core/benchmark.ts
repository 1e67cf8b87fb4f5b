import type { Benchmark, Measure } from '../model/kpi.js';
import { toPrintedUnits } from './figures.js';
import { fyName } from '../model/periods.js';

export interface BenchmarkPosition {
  /** 1 = the best-performing quarter of the peer group, 4 = the worst. */
  quartile: 1 | 2 | 3 | 4;
  year: string;
  group: string;
  /** The number of figures the quartiles were computed from, where the benchmark records it. */
  n?: number;
}

/**
 * The benchmark that applies in financial year `fy`: the latest one not after it (benchmarks are
 * published a year or more in arrears). Where one year lists several peer groups, the first listed wins.
 */
export function benchmarkFor(benchmarks: Benchmark[] | undefined, fy: number): Benchmark | null {
  const name = fyName(fy);
  let best: Benchmark | null = null;
  for (const b of benchmarks ?? []) {
    if (b.year <= name && (best === null || b.year > best.year)) best = b;
  }
  return best;
}

/**
 * Which quartile of the peer group a figure falls in, by polarity: for higher-is-better, at or
 * above the upper quartile is 1; for lower-is-better, at or below it is. A figure on a boundary
 * takes the better quartile. Compared at printed precision. Null without a figure, a benchmark
 * for the year or a polarity.
 */
export function benchmarkQuartile(value: number | null, kpi: Pick<Measure, 'benchmarks' | 'polarity' | 'decimals'>, fy: number): BenchmarkPosition | null {
  const b = benchmarkFor(kpi.benchmarks, fy);
  if (value === null || b === null || kpi.polarity === 'neutral') return null;
  const units = (x: number) => toPrintedUnits(x, kpi.decimals) * (kpi.polarity === 'higher' ? 1 : -1);
  const v = units(value);
  const quartile = v >= units(b.upperQuartile) ? 1 : v >= units(b.median) ? 2 : v >= units(b.lowerQuartile) ? 3 : 4;
  return { quartile, year: b.year, group: b.group, ...(b.n === undefined ? {} : { n: b.n }) };
}
