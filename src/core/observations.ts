import type { Observation, Workspace } from '../workspace/model.js';

// Indexed once per observations array (the workspace's data never changes once loaded), so
// asking for each of 10,000 KPIs' figures is one pass over the rows, not 10,000.
const indexes = new WeakMap<readonly Observation[], Map<string, Observation[]>>();

/** A KPI's observations, in the workspace's order (by KPI, then period). */
export function observationsOf(workspace: Pick<Workspace, 'observations'>, kpiId: string): Observation[] {
  let index = indexes.get(workspace.observations);
  if (!index) {
    index = new Map();
    for (const o of workspace.observations) {
      const list = index.get(o.kpi);
      if (list) list.push(o);
      else index.set(o.kpi, [o]);
    }
    indexes.set(workspace.observations, index);
  }
  return index.get(kpiId) ?? [];
}

const byPeriod = new WeakMap<readonly Observation[], Map<string, Observation>>();

/**
 * One KPI's observations by period name. Status asks for the same KPI's rows several times (the
 * period, the previous one, last year, the series), so the index is built once per array.
 */
export function observationsByPeriod(observations: readonly Observation[]): Map<string, Observation> {
  let index = byPeriod.get(observations);
  if (!index) {
    index = new Map(observations.map((o) => [o.periodName, o]));
    byPeriod.set(observations, index);
  }
  return index;
}
