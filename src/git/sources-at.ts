import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { listTree, readObjects, type TreeEntry } from './objects.js';
import { short, type Repo } from './repo.js';
import { sourceInMemory, type SourceFile } from '../load/decode.js';
import type { WorkspaceSources } from '../load/sources.js';
import { CONFIG_FILE, readPaths, type WorkspacePaths } from '../load/read-sources.js';
import { workspaceFolder } from '../load/paths.js';

/** The workspace's files at one commit, as the loader takes them, and its templates folder. */
export interface SourcesAtCommit {
  commit: string;
  sources: WorkspaceSources;
  paths: WorkspacePaths;
  /** Template files in the workspace's templates folder at the commit ('paper.html.hbs', 'partials/x.hbs'). */
  templates: Map<string, string>;
}

const SYMLINK = '120000';

/**
 * Whether a workspace-relative path is something the papers are made from: prf.yaml, or a file in
 * the dictionary, outturns, commentary or templates folder. Other files (code, the papers
 * themselves) do not make a report dirty.
 */
export function isWorkspaceInput(path: string, paths: WorkspacePaths): boolean {
  if (path === CONFIG_FILE) return true;
  return [paths.kpis, paths.outturns, paths.commentary, paths.templates].some((f) => {
    const folder = workspaceFolder(f);
    return folder !== null && (folder === '' || path.startsWith(`${folder}/`));
  });
}

/** Files below `folder` with one of `extensions`, skipping hidden names as the disk reader does. */
function filesIn(entries: readonly TreeEntry[], folder: string | null, extensions: readonly string[]): Array<TreeEntry & { rel: string }> {
  if (folder === null) return [];
  const base = folder === '' ? '' : `${folder}/`;
  return entries
    .map((e) => ({ ...e, rel: e.path }))
    .filter(
      (e) =>
        e.rel.startsWith(base) &&
        !e.rel
          .slice(base.length)
          .split('/')
          .some((part) => part.startsWith('.')),
    )
    .filter((e) => extensions.some((ext) => e.rel.toLowerCase().endsWith(ext)));
}

/**
 * Builds the loader's input from the blobs at `commit`, with the same folder rules as
 * readWorkspaceSources and prf.yaml's `paths:` as they stood at that commit, so loadWorkspace
 * runs unchanged. One ls-tree and two cat-file processes, whatever the number of files; the
 * working tree is never touched.
 */
export function sourcesAtCommit(repo: Repo, commit: string): SourcesAtCommit {
  const tag = short(commit);
  const entries = listTree(repo, commit, repo.prefix.replace(/\/$/, '')).map((e) => ({ ...e, path: e.path.slice(repo.prefix.length) }));
  const readProblems: Diagnostic[] = [];
  const configEntry = entries.find((e) => e.path === CONFIG_FILE);
  const blobs = readObjects(repo, configEntry ? [configEntry.sha] : []);
  const configBytes = configEntry ? blobs.get(configEntry.sha) : null;
  if (!configBytes)
    readProblems.push(
      diagnostic(
        CONFIG_FILE,
        { line: 1, column: 1 },
        'error',
        'file-unreadable',
        `there is no ${CONFIG_FILE} at commit ${tag}: the workspace did not exist there yet, or lived in another folder`,
      ),
    );
  const config: SourceFile = sourceInMemory(CONFIG_FILE, configBytes ?? new Uint8Array());
  const paths = readPaths((configBytes ?? Buffer.alloc(0)).toString('utf8'));

  const groups = {
    kpis: filesIn(entries, workspaceFolder(paths.kpis), ['.yaml', '.yml']),
    outturns: filesIn(entries, workspaceFolder(paths.outturns), ['.csv']),
    commentary: filesIn(entries, workspaceFolder(paths.commentary), ['.yaml', '.yml']),
  };
  const templatesFolder = workspaceFolder(paths.templates);
  const templateEntries =
    templatesFolder === null
      ? []
      : filesIn(entries, templatesFolder, ['.hbs']).filter((e) => {
          const rest = e.rel.slice(templatesFolder === '' ? 0 : templatesFolder.length + 1);
          return !rest.includes('/') || (rest.startsWith('partials/') && rest.split('/').length === 2);
        });
  const wanted = [...groups.kpis, ...groups.outturns, ...groups.commentary, ...templateEntries].filter((e) => e.mode !== SYMLINK);
  const contents = readObjects(
    repo,
    wanted.map((e) => e.sha),
  );

  const toSources = (list: Array<TreeEntry & { rel: string }>): SourceFile[] =>
    list.flatMap((e) => {
      const bytes = contents.get(e.sha);
      if (e.mode === SYMLINK || !bytes) {
        // Links are followed only in a working tree, where their targets can be checked to stay inside it.
        readProblems.push(
          diagnostic(
            e.rel,
            { line: 1, column: 1 },
            'error',
            'file-unreadable',
            `at commit ${tag} this is a symbolic link, which prf does not follow in history: commit the file itself`,
          ),
        );
        return [];
      }
      return [sourceInMemory(e.rel, bytes)];
    });
  const templates = new Map<string, string>();
  for (const e of templateEntries) {
    const bytes = contents.get(e.sha);
    if (bytes) templates.set(e.rel.slice(templatesFolder === '' ? 0 : templatesFolder!.length + 1), bytes.toString('utf8'));
  }
  return {
    commit,
    paths,
    templates,
    sources: { config, kpis: toSources(groups.kpis), outturns: toSources(groups.outturns), commentary: toSources(groups.commentary), readProblems },
  };
}
