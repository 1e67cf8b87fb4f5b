import type { Measure } from '../model/kpi.js';

/**
 * The values a figure of this KPI can take, and why: percentages computed as a share of a whole
 * lie in 0-100; days are never negative. null: any value.
 */
export function figureRange(kpi: Measure): { min: number; max: number; what: string } | null {
  if (kpi.unit === 'percentage' && kpi.aggregation === 'ratio') return { min: 0, max: 100, what: 'a percentage of a whole lies between 0 and 100' };
  if (kpi.unit === 'days') return { min: 0, max: Infinity, what: 'a number of days cannot be negative' };
  return null;
}

export function rangeOk(kpi: Measure, v: number): boolean {
  const range = figureRange(kpi);
  return range === null || (v >= range.min && v <= range.max);
}
