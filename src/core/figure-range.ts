import type { Measure } from '../model/kpi.js';

type RangeKpi = Pick<Measure, 'unit' | 'aggregation' | 'range'>;

/**
 * The values a figure of this KPI can take, and why, for every unit: a percentage of a whole
 * lies in 0-100, any other percentage (a variance, a change) in -100 to 100; days and rates are
 * never negative; numbers and currency may be anything. A KPI whose percentages really pass 100
 * (a collection rate that takes in arrears) says so with a declared range maximum, which widens
 * the bound; a figure outside a declared range that the unit allows is only a warning, given by
 * the slip rules. null: any value.
 */
export function figureRange(kpi: RangeKpi): { min: number; max: number; what: string } | null {
  if (kpi.unit === 'percentage') {
    const max = Math.max(100, kpi.range?.max ?? 100);
    const min = kpi.aggregation === 'ratio' ? 0 : -100;
    if (max > 100) return { min, max, what: `its declared range reaches ${max}` };
    return kpi.aggregation === 'ratio'
      ? { min, max, what: 'a percentage of a whole lies between 0 and 100' }
      : { min, max, what: 'a percentage lies between -100 and 100 (a KPI whose figures go beyond must declare its range)' };
  }
  if (kpi.unit === 'days') return { min: 0, max: Infinity, what: 'a number of days cannot be negative' };
  if (kpi.unit === 'rate') return { min: 0, max: Infinity, what: 'a rate cannot be negative' };
  return null;
}

export function rangeOk(kpi: RangeKpi, v: number): boolean {
  const range = figureRange(kpi);
  return range === null || (v >= range.min && v <= range.max);
}
