import type { Measure } from '../model/kpi.js';

/** A range a KPI may declare for its figures, widening (or narrowing) the one its unit gives. */
export interface DeclaredRange {
  min?: number;
  max?: number;
}

/**
 * The values a figure of this KPI can take, and why, for every unit: a percentage of a whole
 * lies in 0-100, any other percentage (a variance, a change) in -100 to 100; days and rates are
 * never negative; numbers and currency may be anything. A KPI that needs more (a percentage
 * above 100) declares its range: `declared` is that range, from the KPI entry when its schema
 * carries one. null: any value.
 */
export function figureRange(kpi: Measure, declared?: DeclaredRange): { min: number; max: number; what: string } | null {
  const base = unitRange(kpi);
  if (declared === undefined || (declared.min === undefined && declared.max === undefined)) return base;
  return {
    min: declared.min ?? base?.min ?? -Infinity,
    max: declared.max ?? base?.max ?? Infinity,
    what: 'the KPI declares this range for its figures',
  };
}

function unitRange(kpi: Measure): { min: number; max: number; what: string } | null {
  if (kpi.unit === 'percentage' && kpi.aggregation === 'ratio') return { min: 0, max: 100, what: 'a percentage of a whole lies between 0 and 100' };
  if (kpi.unit === 'percentage')
    return { min: -100, max: 100, what: 'a percentage lies between -100 and 100 (a KPI whose figures go beyond must declare its range)' };
  if (kpi.unit === 'days') return { min: 0, max: Infinity, what: 'a number of days cannot be negative' };
  if (kpi.unit === 'rate') return { min: 0, max: Infinity, what: 'a rate cannot be negative' };
  return null;
}

export function rangeOk(kpi: Measure, v: number, declared?: DeclaredRange): boolean {
  const range = figureRange(kpi, declared);
  return range === null || (v >= range.min && v <= range.max);
}
