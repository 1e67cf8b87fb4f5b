import { relative, resolve } from 'node:path';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DIAGNOSTIC_FORMATTERS } from '../render/diagnostics.js';
import { colorFor, EXIT, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import { displayPathFn, resolveWorkspaceRoot } from './workspace-root.js';
import { readWorkspaceSources } from '../load/read-sources.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { toPosix } from '../load/paths.js';

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

export async function runValidate(io: CliIO, globals: GlobalOptions, options: ValidateOptions, paths: string[]): Promise<number> {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const sources = readWorkspaceSources(root);
  const loaded = loadWorkspace(sources);
  const diagnostics =
    options.since === undefined || loaded.workspace === null
      ? loaded.diagnostics
      : [...loaded.diagnostics, ...(await import('../git/since.js')).changeControlSince(root, loaded.workspace, sources, options.since)];
  const prefixes = paths.map((p) => toPosix(relative(root, resolve(io.cwd, p))).replace(/\/$/, ''));
  const shown = filterByPaths(applyStrict(diagnostics, options.strict ?? false), prefixes);
  const formatter = DIAGNOSTIC_FORMATTERS[options.format]!;
  io.stdout.write(formatter(shown, { displayPath: displayPathFn(root, io.cwd), color: colorFor(io.stdout, io.env, globals.color) }));
  return countBySeverity(shown).errors > 0 ? EXIT.problems : EXIT.ok;
}
