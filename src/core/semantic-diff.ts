import { computeStatus } from './status.js';
import { formatPeriod, periodEndKey, type Period } from '../model/periods.js';
import type { Status } from './ragg.js';
import type { Kpi } from '../model/kpi.js';
import type { Workspace } from '../model/workspace.js';
import { changeRecordWords, kpiFieldChanges, newChangeRecords, type FieldChange } from './kpi-changes.js';
import { outturnChanges, periodWords, type OutturnChange } from './outturn-changes.js';
import { quartersWithData } from './period-query.js';

export interface KpiRef {
  id: string;
  name: string;
  file: string;
}

export interface KpiEdit {
  id: string;
  file: string;
  /** Set when the KPI had another id before (a rename), or another file (a move). */
  renamedFrom: string | null;
  movedFrom: string | null;
  changes: FieldChange[];
  /** Decisions added to the change record. */
  recorded: string[];
}

export interface StatusChange {
  kpi: string;
  period: string;
  before: Status;
  after: Status;
  valueBefore: number | null;
  valueAfter: number | null;
  words: string;
}

export interface WorkspaceDiff {
  added: KpiRef[];
  removed: KpiRef[];
  edited: KpiEdit[];
  outturns: OutturnChange[];
  config: string[];
  commentary: Array<{ period: string; kpi: string; words: string }>;
  statusChanges: StatusChange[];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Pairs KPIs that disappeared with ones that appeared under another id: the same published name
 * or the same definition, when exactly one candidate fits. A renamed reference keeps its history.
 */
export function matchRenames(removed: readonly Kpi[], added: readonly Kpi[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const taken = new Set<string>();
  for (const old of removed) {
    const fits = added.filter((n) => !taken.has(n.id) && (n.name === old.name || n.definition === old.definition));
    if (fits.length === 1) {
      pairs.set(old.id, fits[0]!.id);
      taken.add(fits[0]!.id);
    }
  }
  return pairs;
}

/** The quarters already reported at `ws`: each quarter with a figure, up to the latest. */
export function reportedQuarters(ws: Workspace): Period[] {
  const startMonth = ws.config.financialYearStartMonth;
  return quartersWithData(ws).sort((a, b) => periodEndKey(a, startMonth) - periodEndKey(b, startMonth));
}

function restrict(ws: Workspace, ids: ReadonlySet<string>): Workspace {
  return { ...ws, kpis: ws.kpis.filter((k) => ids.has(k.id)), observations: ws.observations.filter((o) => ids.has(o.kpi)) };
}

/**
 * The status each affected KPI had for each quarter reported at A, recomputed at B: what the
 * edits would change in papers already published. Only affected KPIs are recomputed, since a
 * KPI's status depends on nothing of other KPIs.
 */
export function statusChanges(a: Workspace, b: Workspace, affected: ReadonlyMap<string, string>): StatusChange[] {
  if (affected.size === 0) return [];
  const oldIds = new Set(affected.keys());
  const newIds = new Set(affected.values());
  const before = restrict(a, oldIds);
  const after = restrict(b, newIds);
  const out: StatusChange[] = [];
  for (const q of reportedQuarters(a)) {
    const was = new Map(computeStatus(before, q).kpis.map((k) => [k.id, k]));
    const now = new Map(computeStatus(after, q).kpis.map((k) => [k.id, k]));
    for (const [oldId, newId] of [...affected].sort()) {
      const x = was.get(oldId);
      const y = now.get(newId);
      if (!x || !y || x.status === y.status) continue;
      const period = formatPeriod(q);
      out.push({
        kpi: newId,
        period,
        before: x.status,
        after: y.status,
        valueBefore: x.value,
        valueAfter: y.value,
        words: `${periodWords(period)} status ${x.status} -> ${y.status}`,
      });
    }
  }
  return out;
}

function configWords(a: Workspace['config'], b: Workspace['config']): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (sameJson(x, y)) return;
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort())
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      return;
    }
    out.push(
      Array.isArray(x) || Array.isArray(y)
        ? `prf.yaml ${path} changed`
        : `prf.yaml ${path}: ${JSON.stringify(x) ?? '(none)'} -> ${JSON.stringify(y) ?? '(none)'}`,
    );
  };
  walk(a, b, '');
  return out;
}

function commentaryWords(a: Workspace, b: Workspace, kpiOf: (id: string) => string): WorkspaceDiff['commentary'] {
  const out: WorkspaceDiff['commentary'] = [];
  for (const period of [...new Set([...a.commentary.keys(), ...b.commentary.keys()])].sort()) {
    const x = new Map(Object.entries(a.commentary.get(period)?.commentary.kpis ?? {}).map(([id, v]) => [kpiOf(id), v]));
    const y = new Map(Object.entries(b.commentary.get(period)?.commentary.kpis ?? {}));
    for (const kpi of [...new Set([...x.keys(), ...y.keys()])].sort()) {
      if (sameJson(x.get(kpi), y.get(kpi))) continue;
      const words = !x.has(kpi) ? 'commentary added' : !y.has(kpi) ? 'commentary removed' : 'commentary changed';
      out.push({ period, kpi, words: `${periodWords(period)} ${words}` });
    }
  }
  return out;
}

/**
 * The semantic difference between two readings of a workspace: KPIs added, removed, renamed or
 * moved; fields and targets changed; outturns restated; and the status changes those edits
 * cause for quarters already reported at A.
 */
export function diffWorkspaces(a: Workspace, b: Workspace): WorkspaceDiff {
  const oldById = new Map(a.kpis.map((k) => [k.id, k]));
  const newById = new Map(b.kpis.map((k) => [k.id, k]));
  const renames = matchRenames(
    a.kpis.filter((k) => !newById.has(k.id)),
    b.kpis.filter((k) => !oldById.has(k.id)),
  );
  const renamedTo = new Set(renames.values());
  const kpiOf = (id: string) => renames.get(id) ?? id;
  const ref = (ws: Workspace, k: Kpi): KpiRef => ({ id: k.id, name: k.name, file: ws.kpiOrigins.get(k.id)?.file ?? '' });

  const added = b.kpis.filter((k) => !oldById.has(k.id) && !renamedTo.has(k.id)).map((k) => ref(b, k));
  const removed = a.kpis.filter((k) => !newById.has(k.id) && !renames.has(k.id)).map((k) => ref(a, k));
  const edited: KpiEdit[] = [];
  // Old id -> new id of every KPI whose figures or definition changed, for the status recomputation.
  const affected = new Map<string, string>();
  for (const old of a.kpis) {
    const newId = kpiOf(old.id);
    const now = newById.get(newId);
    if (!now) continue;
    const file = b.kpiOrigins.get(newId)?.file ?? '';
    const oldFile = a.kpiOrigins.get(old.id)?.file ?? '';
    const changes = kpiFieldChanges(old, now);
    const recorded = newChangeRecords(old, now).map(changeRecordWords);
    const renamedFrom = newId !== old.id ? old.id : null;
    const movedFrom = oldFile !== file && renamedFrom === null ? oldFile : null;
    if (changes.length > 0 || recorded.length > 0 || renamedFrom || movedFrom) edited.push({ id: newId, file, renamedFrom, movedFrom, changes, recorded });
    if (changes.length > 0) affected.set(old.id, newId);
  }
  const unitOf = (id: string) => {
    const k = newById.get(id) ?? oldById.get(id);
    return k?.kind === 'measure' ? k.unit : null;
  };
  const outturns = outturnChanges(a.observations, b.observations, unitOf, kpiOf);
  for (const o of outturns)
    if (o.kind === 'restated' || o.kind === 'removed') {
      const oldId = [...renames].find(([, n]) => n === o.kpi)?.[0] ?? o.kpi;
      if (oldById.has(oldId) && newById.has(o.kpi)) affected.set(oldId, o.kpi);
    }
  const config = configWords(a.config, b.config);
  const commentary = commentaryWords(a, b, kpiOf);
  // A changed band or commentary can recolour any KPI it touches.
  if (config.length > 0) for (const k of a.kpis) if (newById.has(kpiOf(k.id))) affected.set(k.id, kpiOf(k.id));
  for (const c of commentary) {
    const oldId = [...renames].find(([, n]) => n === c.kpi)?.[0] ?? c.kpi;
    if (oldById.has(oldId) && newById.has(c.kpi)) affected.set(oldId, c.kpi);
  }
  return { added, removed, edited, outturns, config, commentary, statusChanges: statusChanges(a, b, affected) };
}

/** True when the diff finds nothing. */
export function isEmptyDiff(d: WorkspaceDiff): boolean {
  return d.added.length + d.removed.length + d.edited.length + d.outturns.length + d.config.length + d.commentary.length === 0;
}
