import type { LoadedWorkspace } from './context.js';
import type { CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import { displayPathFn, resolveWorkspaceRoot } from './workspace-root.js';
import { describeCommit, short } from '../git/repo.js';
import { DEFAULT_TEMPLATES_DIR } from '../load/template-files.js';
import type { TemplateLayer } from '../formats/template-layer.js';
import { loadAtRevision } from './load-at.js';

/** What `prf report` renders from: the working tree, or (with --at) a commit. */
export interface ReportSource extends LoadedWorkspace {
  /** Added to the default output folder's name, so papers as at a commit never overwrite today's. */
  outSuffix?: string;
  templateDirs?: Array<string | TemplateLayer>;
  commit?: string;
}

/**
 * The workspace and templates for `prf report PERIOD --at REV`. Templates come from the
 * workspace's templates folder at REV, then prf's installed defaults, exactly the layering a
 * report at that commit used; a workspace that relied on the built-in templates therefore
 * reproduces exactly only with the prf version that produced the papers.
 */
export function loadForReportAt(io: CliIO, globals: GlobalOptions, rev: string): ReportSource {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const displayPath = displayPathFn(root, io.cwd);
  const at = loadAtRevision(io, root, rev, displayPath, globals.color);
  const { date, subject } = describeCommit(at.repo, at.commit);
  io.stderr.write(
    `prf: reading the workspace as at ${short(at.commit)} (${date}, "${subject.length > 60 ? `${subject.slice(0, 57)}...` : subject}") from git; the working tree is not touched\n`,
  );
  if (at.templates === null) {
    io.stderr.write(
      `prf: there were no workspace templates at ${short(at.commit)}: using this prf's built-in templates, which match the published papers only if they have not changed since\n`,
    );
  }
  return {
    root,
    displayPath,
    workspace: at.workspace,
    outSuffix: `-at-${short(at.commit)}`,
    templateDirs: at.templates === null ? [DEFAULT_TEMPLATES_DIR] : [at.templates, DEFAULT_TEMPLATES_DIR],
    sources: at.sources,
    commit: at.commit,
  };
}
