import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { openRepo, resolveCommit, short } from './repo.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import type { WorkspaceSources } from '../load/sources.js';
import type { Workspace } from '../model/workspace.js';
import { unrecordedChanges } from '../rules/change-control.js';
import { sourcesAtCommit } from './sources-at.js';

/** `prf validate --since REV`: the workspace at REV read from git, compared with the one on disk. */
export function changeControlSince(root: string, workspace: Workspace, sources: WorkspaceSources, rev: string): Diagnostic[] {
  const repo = openRepo(root);
  const commit = resolveCommit(repo, rev);
  // Entries invalid at REV are left out of the comparison; their problems were REV's to fix.
  const before = loadWorkspace(sourcesAtCommit(repo, commit).sources).workspace;
  if (before === null) return [];
  return unrecordedChanges(before, workspace, sources.kpis, `${rev} (${short(commit)})`).sort(compareDiagnostics);
}
