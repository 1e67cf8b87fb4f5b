import type { QuartileMethod } from '../model/config.js';

export interface Quartiles {
  lower: number;
  median: number;
  upper: number;
}

/**
 * Excel's QUARTILE.INC and QUARTILE.EXC (the same as PERCENTILE.INC/EXC at 0.25, 0.5, 0.75):
 * INC places the k-th quartile at rank 1 + (n - 1) k/4 of the sorted figures, EXC at (n + 1) k/4,
 * interpolating between neighbours. EXC needs a rank within 1..n, so at least 3 figures; INC at
 * least 1. Null where there are too few figures.
 */
export function quartiles(values: readonly number[], method: QuartileMethod): Quartiles | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (k: number): number | null => {
    const rank = method === 'QUARTILE.INC' ? 1 + ((n - 1) * k) / 4 : ((n + 1) * k) / 4;
    if (n === 0 || rank < 1 || rank > n) return null;
    const i = Math.floor(rank);
    const frac = rank - i;
    const lo = sorted[i - 1]!;
    return frac === 0 ? lo : lo + frac * (sorted[i]! - lo);
  };
  const lower = at(1);
  const median = at(2);
  const upper = at(3);
  return lower === null || median === null || upper === null ? null : { lower, median, upper };
}
