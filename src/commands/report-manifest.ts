import { existsSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { CliIO } from './io.js';
import { packageVersion } from './version.js';
import { GitError } from '../git/git.js';
import { dirtyFiles, headCommit, openRepo } from '../git/repo.js';
import type { RenderedFile } from '../render/render.js';
import { DEFAULT_TEMPLATES_DIR } from '../load/template-files.js';
import type { TemplateSet } from '../render/templates.js';
import { hashes, inputHashes, MANIFEST_FILE, manifestJson, sha256, type FileHash, type Manifest, type ManifestKind } from '../load/manifest.js';
import type { ReportSource } from './report-at.js';
import { isWorkspaceInput } from '../git/sources-at.js';
import { byPath } from '../text/compare.js';
import { toPosix } from '../load/paths.js';

export interface PublishedRun {
  kind: ManifestKind;
  /** An annual review only: the last quarter it covers. */
  through?: string;
  period: string;
  committee: string | null;
  formats: string[];
  draft: boolean;
  date: string | null;
}

/**
 * The hash of each template the papers were rendered with. Workspace templates are named by
 * their workspace path; prf's built-in ones as `(prf)/<name>`, since they belong to the
 * installed version, not the workspace.
 */
function templateHashes(root: string, set: TemplateSet, layers: ReportSource['templateDirs']): FileHash[] {
  const memory = new Map<string, string>();
  for (const layer of layers ?? []) if (typeof layer !== 'string') for (const [rel, text] of layer.files) memory.set(`${layer.label}/${rel}`, text);
  const out: FileHash[] = [];
  for (const file of new Set(set.sources.values())) {
    const text = memory.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : null);
    if (text === null) continue;
    const inWorkspace = file.startsWith(root + sep);
    const path = memory.has(file)
      ? file
      : !inWorkspace && file.startsWith(DEFAULT_TEMPLATES_DIR + sep)
        ? `(prf)/${toPosix(relative(DEFAULT_TEMPLATES_DIR, file))}`
        : toPosix(relative(root, file));
    out.push({ path, sha256: sha256(text) });
  }
  return out.sort(byPath);
}

/**
 * manifest.json for a run of `prf report`. From the working tree, the commit is HEAD and any
 * uncommitted change under the workspace makes the run dirty (said on stderr too, since such
 * papers cannot be reproduced from git); with --at, the commit is the one named and never dirty.
 */
export function manifestFile(io: CliIO, loaded: ReportSource, run: PublishedRun, templates: TemplateSet, outputs: readonly RenderedFile[]): RenderedFile {
  let commit = loaded.commit ?? null;
  let dirty: string[] = [];
  if (commit === null) {
    try {
      const repo = openRepo(loaded.root);
      commit = headCommit(repo);
      dirty = dirtyFiles(repo).filter((f) => isWorkspaceInput(f, loaded.workspace.config.paths));
    } catch (e) {
      if (!(e instanceof GitError)) throw e;
      io.stderr.write(`prf: the workspace is not in git, so the manifest records no commit and these papers cannot be reproduced later with --at\n`);
    }
    if (dirty.length > 0) {
      io.stderr.write(
        `prf: ${dirty.length} file${dirty.length === 1 ? ' has' : 's have'} uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', ...' : ''}); the manifest marks these papers dirty: commit first so they can be reproduced\n`,
      );
    }
  }
  const sources = loaded.sources;
  const manifest: Manifest = {
    manifest: 1,
    prf: packageVersion(),
    ...run,
    commit,
    dirty: dirty.length > 0,
    dirtyFiles: dirty,
    inputs: inputHashes(sources),
    templates: templateHashes(loaded.root, templates, loaded.templateDirs),
    outputs: hashes(outputs),
  };
  return { path: MANIFEST_FILE, data: manifestJson(manifest) };
}
