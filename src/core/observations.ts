import type { Observation, Workspace } from '../model/workspace.js';

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

/*
 * The index of the KPI last asked about. Status asks for one KPI's rows several times in a row
 * (the period, the previous one, last year, the series) and then moves on, so one entry gives
 * every reuse there is, while an index kept for every KPI would hold a million entries at once.
 */
let lastRows: readonly Observation[] | null = null;
let lastLength = -1;
let lastIndex = new Map<string, Observation>();

/** One KPI's observations by period name. */
export function observationsByPeriod(observations: readonly Observation[]): Map<string, Observation> {
  if (observations !== lastRows || observations.length !== lastLength) {
    lastIndex = new Map(observations.map((o) => [o.periodName, o]));
    lastRows = observations;
    lastLength = observations.length;
  }
  return lastIndex;
}
