import { logPaths, type LogEntry } from './log.js';
import { gitText } from './git.js';
import { readObjects } from './objects.js';
import { toRepoPath, toWorkspacePath, type Repo } from './repo.js';
import { kpiSchema, type Kpi } from '../model/kpi.js';
import { decodeText, sourceInMemory } from '../load/decode.js';
import { readOutturnCsv } from '../load/outturn-csv.js';
import { parseYamlFile } from '../load/parse-yaml-file.js';
import type { Observation } from '../model/workspace.js';
import { kpiEditWords, type HistoryEntry, type KpiState } from '../core/kpi-history.js';

/** The KPI's figures in one CSV, parsed with the real reader against the entry of the time. */
export function observationsIn(file: string, bytes: Buffer | null | undefined, kpi: Kpi | null): Observation[] {
  if (!bytes || !kpi) return [];
  const { text } = decodeText(sourceInMemory(file, bytes));
  if (text === null) return [];
  // Other KPIs' rows are not this history's business: every other id counts as reported elsewhere.
  return readOutturnCsv(file, text, new Map([[kpi.id, kpi]]), () => true).observations.filter((o) => o.kpi === kpi.id);
}

function parseKpi(path: string, bytes: Buffer | null | undefined): Kpi | null {
  if (!bytes) return null;
  return parseYamlFile(sourceInMemory(path, bytes), kpiSchema, 'the KPI entry').data;
}

const isCsv = (p: string) => p.toLowerCase().endsWith('.csv');

/** Each commit's place in HEAD's history, newest 0, with every child before its parents. */
function topoRank(repo: Repo): Map<string, number> {
  const rank = new Map<string, number>();
  gitText(repo.top, ['rev-list', '--topo-order', 'HEAD'])
    .split('\n')
    .filter(Boolean)
    .forEach((c, i) => rank.set(c, i));
  return rank;
}

/**
 * The file a KPI lived in before it was deleted from the dictionary (workspace path), found in
 * the newest commit that deleted `ID.yaml` or `ID.yml` under `kpisDir`; null if it never did.
 */
export function deletedKpiFile(repo: Repo, kpisDir: string, id: string): string | null {
  const out = gitText(repo.top, ['log', '--diff-filter=D', '--name-only', '--format=', 'HEAD', '--', toRepoPath(repo, kpisDir)]);
  const file = out.split('\n').find((p) => new RegExp(`(^|/)${id.replace(/[.]/g, '\\.')}\\.ya?ml$`).test(p));
  return file === undefined ? null : toWorkspacePath(repo, file);
}

/**
 * Every commit that changed the KPI's entry (followed across renames and moves) or its figures
 * in the outturn CSVs, newest first, each with what changed in words. Two git log processes and
 * one cat-file process in all. Commits that touched the CSVs but not this KPI's rows are left out.
 */
export function kpiHistory(repo: Repo, kpiFile: string, outturnsDir: string): HistoryEntry[] {
  const repoKpiFile = toRepoPath(repo, kpiFile);
  const repoOutturns = toRepoPath(repo, outturnsDir);
  const kpiLog = logPaths(repo, [repoKpiFile], { follow: true });
  const dataLog = logPaths(repo, [repoOutturns]);
  const byCommit = new Map<
    string,
    { entry: LogEntry; kpiPath: { from: string; to: string } | null; csvs: Array<{ from: string; to: string; status: string }> }
  >();
  for (const e of kpiLog) {
    const f = e.files[0];
    byCommit.set(e.commit, { entry: e, kpiPath: f ? { from: f.status === 'A' ? '' : f.from, to: f.status === 'D' ? '' : f.to } : null, csvs: [] });
  }
  for (const e of dataLog) {
    const item = byCommit.get(e.commit) ?? { entry: e, kpiPath: null, csvs: [] };
    item.csvs = e.files.filter((f) => isCsv(f.to) || isCsv(f.from));
    byCommit.set(e.commit, item);
  }
  // Oldest first, so each data commit reads its rows with the entry as it then stood. Ordered by
  // the commit graph, not the clock: commits made in the same second (a script, a rebase) or
  // with a skewed clock still come after their parents.
  const rank = topoRank(repo);
  const commits = [...byCommit.values()].sort((a, b) => (rank.get(b.entry.commit) ?? 0) - (rank.get(a.entry.commit) ?? 0));
  const names: string[] = [];
  for (const { entry, kpiPath, csvs } of commits) {
    if (kpiPath?.to) names.push(`${entry.commit}:${kpiPath.to}`);
    if (kpiPath?.from && entry.parent) names.push(`${entry.parent}:${kpiPath.from}`);
    for (const c of csvs) {
      if (c.status !== 'D') names.push(`${entry.commit}:${c.to}`);
      if (c.status !== 'A' && entry.parent) names.push(`${entry.parent}:${c.from}`);
    }
  }
  const blobs = readObjects(repo, names);
  const history: HistoryEntry[] = [];
  let current: Kpi | null = null;
  let currentFile: string | null = null;
  for (const { entry, kpiPath, csvs } of commits) {
    let before: KpiState = { kpi: current, file: currentFile, observations: [] };
    let after: KpiState = { kpi: current, file: currentFile, observations: [] };
    if (kpiPath) {
      const from = kpiPath.from ? toWorkspacePath(repo, kpiPath.from) : null;
      const to = kpiPath.to ? toWorkspacePath(repo, kpiPath.to) : null;
      const old = from && entry.parent ? parseKpi(from, blobs.get(`${entry.parent}:${kpiPath.from}`)) : null;
      const now = to ? parseKpi(to, blobs.get(`${entry.commit}:${kpiPath.to}`)) : null;
      before = { kpi: old, file: from, observations: [] };
      after = { kpi: now, file: to, observations: [] };
      if (now) {
        current = now;
        currentFile = to;
      }
    }
    for (const c of csvs) {
      const path = toWorkspacePath(repo, c.to);
      before.observations.push(
        ...observationsIn(path, c.status === 'A' || !entry.parent ? null : blobs.get(`${entry.parent}:${c.from}`), before.kpi ?? current),
      );
      after.observations.push(...observationsIn(path, c.status === 'D' ? null : blobs.get(`${entry.commit}:${c.to}`), after.kpi ?? current));
    }
    const changes = kpiEditWords(before, after);
    if (changes.length > 0) history.push({ commit: entry.commit, date: entry.date, author: entry.author, subject: entry.subject, changes });
  }
  return history.reverse();
}
