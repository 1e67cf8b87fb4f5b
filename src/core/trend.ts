import type { Measure } from '../model/kpi.js';
import { toPrintedUnits } from './figures.js';

export type Direction = 'improving' | 'declining' | 'unchanged';

/**
 * Direction of travel from `comparison` to `current`, by polarity, at printed precision (two
 * figures that print the same are unchanged). Null when either figure is missing or the KPI has
 * no polarity.
 */
export function directionOfTravel(current: number | null, comparison: number | null, kpi: Pick<Measure, 'polarity' | 'decimals'>): Direction | null {
  if (current === null || comparison === null || kpi.polarity === 'neutral') return null;
  const change = toPrintedUnits(current, kpi.decimals) - toPrintedUnits(comparison, kpi.decimals);
  if (change === 0) return 'unchanged';
  return change > 0 === (kpi.polarity === 'higher') ? 'improving' : 'declining';
}
