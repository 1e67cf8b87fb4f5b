import type { Measure } from '../model/kpi.js';

/**
 * The values a figure of this KPI can take, and why: percentages computed as a share of a whole
 * lie in 0-100; days are never negative. null: any value.
 */
export function figureRange(kpi: Pick<Measure, 'unit' | 'aggregation' | 'range'>): { min: number; max: number; what: string } | null {
  if (kpi.unit === 'percentage' && kpi.aggregation === 'ratio') {
    // A rate that can pass 100% (a collection rate that takes in arrears) says so with a declared maximum.
    const max = Math.max(100, kpi.range?.max ?? 100);
    return { min: 0, max, what: max === 100 ? 'a percentage of a whole lies between 0 and 100' : `its declared range reaches ${max}` };
  }
  if (kpi.unit === 'days') return { min: 0, max: Infinity, what: 'a number of days cannot be negative' };
  return null;
}

export function rangeOk(kpi: Pick<Measure, 'unit' | 'aggregation' | 'range'>, v: number): boolean {
  const range = figureRange(kpi);
  return range === null || (v >= range.min && v <= range.max);
}
