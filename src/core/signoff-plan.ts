/**
 * Which figures a reviewer's sign-off covers (004 §10.5): pure. For each measure in scope, the
 * rows of the period's own collection periods that hold a figure (an n/a is not a figure to sign).
 *
 * - Scope: the KPIs named, or, when none is named, every measure whose data reviewer is ROLE.
 * - A reviewer who is the KPI's data collector is refused for that KPI: nobody signs off their
 *   own figures. Comparison of roles ignores case and surrounding spaces.
 * - A row already signed by someone is left alone and listed; signing again changes nothing.
 */
import type { Kpi } from '../model/kpi.js';
import type { Observation, Workspace } from '../model/workspace.js';
import { formatPeriod, type Period } from '../model/periods.js';
import { observationsByPeriod, observationsOf } from './observations.js';
import { ownPeriodsIn } from './spans.js';
import { byId } from '../text/compare.js';

export interface SignoffPlan {
  sign: Observation[];
  already: Observation[];
  /** KPIs with nothing recorded to sign for the period. */
  nothing: string[];
  refused: Array<{ kpi: string; message: string }>;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function planSignoff(workspace: Workspace, period: Period, role: string, kpiIds: readonly string[] | null): SignoffPlan {
  const plan: SignoffPlan = { sign: [], already: [], nothing: [], refused: [] };
  const startMonth = workspace.config.financialYearStartMonth;
  const inScope: Kpi[] =
    kpiIds === null ? workspace.kpis.filter((k) => k.kind === 'measure' && same(k.roles.reviewer, role)) : workspace.kpis.filter((k) => kpiIds.includes(k.id));
  for (const kpi of [...inScope].sort(byId)) {
    if (kpi.kind !== 'measure') {
      plan.refused.push({ kpi: kpi.id, message: `${kpi.id} is a ${kpi.kind}: its owner gives its status in the commentary; there is no figure to sign off` });
      continue;
    }
    if (same(kpi.roles.collector, role)) {
      plan.refused.push({
        kpi: kpi.id,
        message: `${role} collects ${kpi.id}'s figures, and the reviewer must not be the collector (004 §10.5): its data reviewer (${kpi.roles.reviewer}) signs it off`,
      });
      continue;
    }
    const rows = observationsByPeriod(observationsOf(workspace, kpi.id));
    const found = ownPeriodsIn(kpi.frequency, period, startMonth)
      .map((p) => rows.get(formatPeriod(p)))
      .filter((o): o is Observation => o !== undefined && o.value !== null);
    if (found.length === 0) plan.nothing.push(kpi.id);
    for (const o of found) (o.reviewedBy?.trim() ? plan.already : plan.sign).push(o);
  }
  return plan;
}
