import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { realPathOf } from '../load/contained.js';
import type { WorkspaceSources } from '../load/sources.js';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DIAGNOSTIC_FORMATTERS } from '../render/diagnostics.js';
import { colorFor, EXIT, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import { displayPathFn, resolveWorkspaceRoot } from './workspace-root.js';
import { readWorkspaceSources } from '../load/read-sources.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { isInside, toPosix } from '../load/paths.js';

export interface ValidateOptions {
  strict?: boolean;
  format: 'stylish' | 'json' | 'github';
  /** Change control: warn about definition, formula and target changes since this revision with no change record. */
  since?: string;
}

/** `--strict`: a warning is a problem the officer must fix before merging. */
export function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return strict ? diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : [...diagnostics];
}

/** Keeps the diagnostics in the files or folders the user named (workspace-relative prefixes). */
export function filterByPaths(diagnostics: readonly Diagnostic[], prefixes: readonly string[]): Diagnostic[] {
  if (prefixes.length === 0) return [...diagnostics];
  return diagnostics.filter((d) => prefixes.some((p) => p === '' || d.file === p || d.file.startsWith(`${p}/`)));
}

/**
 * A path named to validate, as a workspace-relative prefix. It must exist and lie inside the
 * workspace (on its real path), and a file must be one prf reads: a mistyped path would otherwise
 * show no problems and pass CI.
 */
function namedPath(io: CliIO, root: string, sources: WorkspaceSources, path: string): string {
  const abs = resolve(io.cwd, path);
  if (!existsSync(abs)) throw new UsageError(`${path}: no such file or folder`);
  let real: string;
  try {
    real = realPathOf(abs);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const rootReal = realPathOf(root);
  if (!isInside(real, rootReal)) throw new UsageError(`${path}: outside the workspace (${root}); prf validates only the workspace's own files`);
  const rel = toPosix(relative(root, abs));
  if (statSync(abs).isDirectory()) return rel.replace(/\/$/, '');
  const read = [sources.config, ...sources.kpis, ...sources.outturns, ...sources.commentary].some((f) => f.path === rel);
  if (!read) throw new UsageError(`${path}: not a file prf reads (prf.yaml, or a KPI, outturn or commentary file in the folders prf.yaml names)`);
  return rel;
}

export async function runValidate(io: CliIO, globals: GlobalOptions, options: ValidateOptions, paths: string[]): Promise<number> {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const sources = readWorkspaceSources(root);
  const loaded = loadWorkspace(sources);
  const diagnostics =
    options.since === undefined || loaded.workspace === null
      ? loaded.diagnostics
      : [...loaded.diagnostics, ...(await import('../git/since.js')).changeControlSince(root, loaded.workspace, sources, options.since)];
  const prefixes = paths.map((p) => namedPath(io, root, sources, p));
  const shown = filterByPaths(applyStrict(diagnostics, options.strict ?? false), prefixes);
  const formatter = DIAGNOSTIC_FORMATTERS[options.format]!;
  io.stdout.write(formatter(shown, { displayPath: displayPathFn(root, io.cwd), color: colorFor(io.stdout, io.env, globals.color) }));
  return countBySeverity(shown).errors > 0 ? EXIT.problems : EXIT.ok;
}
