import { existsSync, readdirSync, statSync } from 'node:fs';
import { readInputFile } from '../load/input-file.js';
import { assertInside } from '../load/contained.js';
import { dirname, join, relative, resolve } from 'node:path';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { dirtyFiles, headCommit, lastTag, openRepo, resolveCommit, short, type Repo } from '../git/repo.js';
import { CONTROLLED_FIELDS } from '../rules/change-control.js';
import { formatDiff, formatHistory, type AuditFormat } from '../render/audit-text.js';
import { deletedKpiFile, kpiHistory } from '../git/kpi-history.js';
import { MANIFEST_FILE, parseManifest, sha256 } from '../load/manifest.js';
import { diffWorkspaces, isEmptyDiff } from '../core/semantic-diff.js';
import { isWorkspaceInput, sourcesAtCommit } from '../git/sources-at.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import type { Workspace } from '../model/workspace.js';
import { readWorkspaceSources } from '../load/read-sources.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import { resolveWorkspaceRoot } from './workspace-root.js';
import { compareText } from '../text/compare.js';
import { counted } from '../text/plural.js';
import { toPosix } from '../load/paths.js';

/** A workspace read at a commit or (rev null) from the working tree; invalid entries are left out and counted. */
function workspaceAt(io: CliIO, repo: Repo, root: string, rev: string | null): { workspace: Workspace; commit: string | null } {
  const commit = rev === null ? null : resolveCommit(repo, rev);
  const { workspace, diagnostics } = loadWorkspace(commit === null ? readWorkspaceSources(root) : sourcesAtCommit(repo, commit).sources);
  const where = commit === null ? 'the working tree' : `${rev} (${short(commit)})`;
  if (workspace === null) throw new UsageError(`prf.yaml in ${where} cannot be read, so there is nothing to compare; prf validate shows why`);
  const { errors } = countBySeverity(diagnostics);
  if (errors > 0)
    io.stderr.write(`prf: ${counted(errors, 'error')} in the workspace at ${where}: entries and rows with errors are left out of the comparison\n`);
  return { workspace, commit };
}

function shallowNote(io: CliIO, repo: Repo): void {
  if (repo.shallow)
    io.stderr.write('prf: this clone is shallow, so history before its oldest commit is missing here; run git fetch --unshallow to see all of it\n');
}

function dirtyInputs(io: CliIO, repo: Repo, workspace: Workspace): string[] {
  const dirty = dirtyFiles(repo).filter((f) => isWorkspaceInput(f, workspace.config.paths));
  if (dirty.length > 0)
    io.stderr.write(
      `prf: ${dirty.length} workspace file${dirty.length === 1 ? ' has' : 's have'} uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', ...' : ''}); commits do not show them yet\n`,
    );
  return dirty;
}

export async function runHistory(io: CliIO, globals: GlobalOptions, id: string, options: { format: AuditFormat }): Promise<number> {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const repo = openRepo(root);
  const { workspace } = workspaceAt(io, repo, root, null);
  if (headCommit(repo) === null) throw new UsageError('the repository has no commits yet, so there is no history: commit the workspace first');
  const kpisDir = workspace.config.paths.kpis.replace(/\/$/, '');
  const live = workspace.kpiOrigins.get(id) ?? workspace.kpiOrigins.get(id.toUpperCase());
  // A KPI deleted from the dictionary still has its history, up to and including its deletion.
  const deleted = live ? null : (deletedKpiFile(repo, kpisDir, id) ?? deletedKpiFile(repo, kpisDir, id.toUpperCase()));
  const origin = live ?? (deleted === null ? null : { file: deleted, line: 1 });
  if (!origin) throw new UsageError(`${id}: no such KPI in the dictionary, now or in its history; prf status lists the ids`);
  if (deleted !== null) io.stderr.write(`prf: ${id} is no longer in the dictionary; this is its history up to its deletion\n`);
  shallowNote(io, repo);
  const dirty = dirtyInputs(io, repo, workspace).filter((f) => f === origin.file || f.startsWith(`${workspace.config.paths.outturns.replace(/\/$/, '')}/`));
  const entries = kpiHistory(repo, origin.file, workspace.config.paths.outturns.replace(/\/$/, ''));
  const kpi = workspace.kpis.find((k) => k.id === id || k.id === id.toUpperCase());
  const kpiId = kpi?.id ?? id.toUpperCase();
  const processChanges = kpi?.kind === 'measure' ? kpi.processChanges.map(({ date, change, decidedBy, rebase }) => ({ date, change, decidedBy, rebase })) : [];
  io.stdout.write(formatHistory(entries, { kpi: kpiId, file: origin.file, shallow: repo.shallow, dirty, processChanges }, options.format));
  return EXIT.ok;
}

export async function runDiff(
  io: CliIO,
  globals: GlobalOptions,
  a: string | undefined,
  b: string | undefined,
  options: { format: AuditFormat },
): Promise<number> {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const repo = openRepo(root);
  if (headCommit(repo) === null) throw new UsageError('the repository has no commits yet, so there is nothing to compare with: commit the workspace first');
  const tag = a === undefined ? lastTag(repo) : null;
  const fromRev = a ?? tag ?? 'HEAD~1';
  if (a === undefined)
    io.stderr.write(`prf: comparing ${fromRev} (${tag ? 'the last tag' : 'no tags yet: the commit before HEAD'}) with ${b ?? 'the working tree'}\n`);
  const from = workspaceAt(io, repo, root, fromRev);
  const to = workspaceAt(io, repo, root, b ?? null);
  const dirty = b === undefined ? dirtyInputs(io, repo, to.workspace) : [];
  const diff = diffWorkspaces(from.workspace, to.workspace);
  io.stdout.write(
    formatDiff(diff, { from: { rev: fromRev, commit: from.commit }, to: { rev: b ?? 'working tree', commit: to.commit }, dirty }, options.format),
  );
  return EXIT.ok;
}

/** A paper the manifest lists: inside the manifest's folder on its real path, a regular file of a sane size. */
function publishedFile(folder: string, path: string): Buffer {
  const abs = resolve(folder, path);
  assertInside(abs, folder, path, "the manifest's folder");
  return readInputFile(abs, path);
}

/** Without a path: the manifest written last under the reports folder (the latest publication). */
function findManifest(root: string, reportsDir: string): string {
  const dir = resolve(root, reportsDir);
  const candidates = existsSync(dir)
    ? readdirSync(dir)
        .map((d) => join(dir, d, MANIFEST_FILE))
        .filter((f) => existsSync(f))
        .map((f) => ({ f, written: statSync(f).mtimeMs }))
        .sort((a, b) => a.written - b.written || compareText(a.f, b.f))
    : [];
  if (candidates.length === 0) throw new UsageError(`no ${MANIFEST_FILE} under ${reportsDir}/: name one, or write one with prf report PERIOD --manifest`);
  return candidates[candidates.length - 1]!.f;
}

/**
 * `prf verify`: do the published papers still match their inputs? Checks that each paper is as
 * published (not edited since), re-renders the text papers from the working tree with the
 * manifest's settings and compares hashes, and lists every restatement and definition change
 * since the manifest's commit. Exit 1 when anything no longer matches.
 */
export async function runVerify(io: CliIO, globals: GlobalOptions, manifestPath: string | undefined, options: { format: AuditFormat }): Promise<number> {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const sources = readWorkspaceSources(root);
  const current = loadWorkspace(sources);
  if (current.workspace === null) throw new UsageError('prf.yaml cannot be read; prf validate shows why');
  const file = manifestPath === undefined ? findManifest(root, current.workspace.config.paths.reports) : resolve(io.cwd, manifestPath);
  const shown = manifestPath ?? toPosix(relative(io.cwd, file));
  assertInside(file, root, shown);
  const manifest = parseManifest(readInputFile(file, shown).toString('utf8'));
  if (typeof manifest === 'string') throw new UsageError(`${relative(io.cwd, file)}: ${manifest}`);
  const folder = dirname(file);

  const edited = manifest.outputs.filter((o) => !existsSync(join(folder, o.path)) || sha256(publishedFile(folder, o.path)) !== o.sha256).map((o) => o.path);
  const { rerender } = await import('./rerender.js');
  const rerendered = await rerender(io, root, current.workspace, manifest);
  const changedPapers = manifest.outputs.filter((o) => rerendered.has(o.path) && rerendered.get(o.path) !== o.sha256).map((o) => o.path);

  let diff = null;
  if (manifest.commit !== null) {
    const repo = openRepo(root);
    shallowNote(io, repo);
    const at = workspaceAt(io, repo, root, manifest.commit);
    diff = diffWorkspaces(at.workspace, current.workspace);
    const restated = diff.outturns.filter((o) => o.kind === 'restated' || o.kind === 'removed');
    const definitions = diff.edited.filter((e) => e.renamedFrom || e.changes.some((c) => CONTROLLED_FIELDS.has(c.field)));
    diff = { ...diff, outturns: restated, edited: definitions, added: [], commentary: [], config: diff.config };
  } else {
    io.stderr.write('prf: the manifest records no commit (the papers were not made in git), so changes since cannot be listed\n');
  }
  const ok = edited.length === 0 && changedPapers.length === 0;
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ manifest: toPosix(relative(root, file)), period: manifest.period, commit: manifest.commit, matches: ok, editedSincePublished: edited, wouldNowDiffer: changedPapers, notCompared: manifest.outputs.filter((o) => !rerendered.has(o.path)).map((o) => o.path), changesSince: diff }, null, 2)}\n`,
    );
    return ok ? EXIT.ok : EXIT.problems;
  }
  const lines = [
    `${manifest.kind === 'annual-review' ? `Annual review ${manifest.period}` : `${manifest.period} papers`} (${relative(io.cwd, folder) || '.'}), published from ${manifest.commit ? short(manifest.commit) : 'outside git'}${manifest.dirty ? ' with uncommitted changes' : ''}:`,
  ];
  // One review is "it"; a set of papers "they".
  const review = manifest.kind === 'annual-review';
  const matches = review
    ? ['it still matches its inputs', 'it NO LONGER matches its inputs']
    : ['they still match their inputs', 'they NO LONGER match their inputs'];
  lines.push(`  ${ok ? matches[0] : matches[1]}`);
  for (const p of edited) lines.push(`  ${p}: edited or removed since it was published`);
  for (const p of changedPapers) lines.push(`  ${p}: would now read differently (inputs changed since)`);
  const skipped = manifest.outputs.filter((o) => !rerendered.has(o.path)).map((o) => o.path);
  if (skipped.length > 0) lines.push(`  not re-rendered (not byte-reproducible): ${skipped.join(', ')}`);
  io.stdout.write(`${lines.join('\n')}\n`);
  if (diff && !isEmptyDiff(diff))
    io.stdout.write(
      `\n${formatDiff(diff, { from: { rev: short(manifest.commit!), commit: manifest.commit }, to: { rev: 'working tree', commit: null }, dirty: [] }, options.format === 'md' ? 'md' : 'text')}`,
    );
  return ok ? EXIT.ok : EXIT.problems;
}
