import { countBySeverity } from '../diagnostics/diagnostic.js';
import { stylish } from '../render/diagnostics.js';
import { resolveCommit, short, openRepo, type Repo } from '../git/repo.js';
import type { TemplateLayer } from '../formats/template-layer.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import type { WorkspaceSources } from '../load/sources.js';
import type { Workspace } from '../model/workspace.js';
import { colorFor, ProblemsReported, type CliIO } from './io.js';
import { sourcesAtCommit } from '../git/sources-at.js';

export interface WorkspaceAtCommit {
  repo: Repo;
  commit: string;
  workspace: Workspace;
  /** The workspace's own templates at the commit; null when its templates folder held none. */
  templates: TemplateLayer | null;
  sources: WorkspaceSources;
}

/**
 * The workspace as it stood at `rev`, read from git blobs. Like loadForCommand, errors in the
 * workspace at that commit stop the command (exit 1): a paper from a broken dictionary was
 * never published.
 */
export function loadAtRevision(io: CliIO, root: string, rev: string, displayPath: (f: string) => string, color: boolean): WorkspaceAtCommit {
  const repo = openRepo(root);
  const commit = resolveCommit(repo, rev);
  const at = sourcesAtCommit(repo, commit);
  const { workspace, diagnostics } = loadWorkspace(at.sources);
  if (workspace === null || countBySeverity(diagnostics).errors > 0) {
    io.stderr.write(
      stylish(
        diagnostics.filter((d) => d.severity === 'error'),
        { displayPath: (f) => `${short(commit)}:${displayPath(f)}`, color: colorFor(io.stderr, io.env, color) },
      ),
    );
    io.stderr.write(`prf: the workspace at ${rev} (${short(commit)}) has errors, so no papers could have been produced from it\n`);
    throw new ProblemsReported();
  }
  const templates = at.templates.size > 0 ? { label: at.paths.templates, files: at.templates } : null;
  return { repo, commit, workspace, templates, sources: at.sources };
}
