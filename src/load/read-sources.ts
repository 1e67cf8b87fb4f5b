import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { pathsSchema } from '../model/config.js';
import { bytesOf, MAX_FILE_BYTES, sourceInMemory, type SourceFile } from './decode.js';
import { kindOf } from './file-kind.js';
import { LOOP_MESSAGE, outsideMessage } from './contained.js';
import type { WorkspaceSources } from './sources.js';
import { isInside, toPosix, workspaceFolder } from './paths.js';
import { byText } from '../text/compare.js';

export const CONFIG_FILE = 'prf.yaml';

/** Finds the workspace as git finds `.git`: the nearest folder at or above `start` holding prf.yaml. */
export function findWorkspaceRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export type WorkspacePaths = ReturnType<typeof pathsSchema.parse>;

/**
 * The folders named in prf.yaml, read leniently: a broken config is reported by the loader,
 * and meanwhile the default folders are still read so their files get checked too.
 */
export function readPaths(configText: string): WorkspacePaths {
  try {
    // js-yaml expands an alias once and shares it, so an alias bomb here costs nothing; the
    // loader reports it against prf.yaml.
    const raw = load(configText, { schema: CORE_SCHEMA }) as { paths?: unknown } | null;
    const r = pathsSchema.safeParse(raw && typeof raw === 'object' ? (raw.paths ?? {}) : {});
    if (r.success) return r.data;
  } catch {
    // The loader reports the syntax error with its position.
  }
  return pathsSchema.parse({});
}

/**
 * Lists files with one of `extensions` below `dir`, following links only while they stay inside
 * the workspace and never visiting a folder twice (so a link loop ends).
 */
function listFiles(root: string, dir: string, extensions: readonly string[], problems: Diagnostic[]): string[] {
  const rootReal = realpathSync(root);
  const out: string[] = [];
  const visited = new Set<string>();
  const fail = (abs: string, message: string) =>
    problems.push(diagnostic(toPosix(relative(root, abs)) || '.', { line: 1, column: 1 }, 'error', 'file-unreadable', message));
  const wanted = (abs: string) => extensions.some((ext) => abs.toLowerCase().endsWith(ext));
  // `real` is where `abs` really is. Only a link needs resolving: a plain entry of a folder is
  // inside wherever the folder is, which saves a dozen system calls per file in a large dictionary.
  const visitFolder = (abs: string, real: string) => {
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true }).sort(byText((e) => e.name));
    } catch (e) {
      fail(abs, `cannot read this folder (${(e as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(abs, entry.name);
      if (entry.isDirectory()) visitFolder(child, join(real, entry.name));
      else if (entry.isFile()) {
        if (wanted(child)) out.push(child);
      } else if (entry.isSymbolicLink()) visitLink(child);
      else if (wanted(child)) fail(child, `this is ${direntKind(entry)}, not a file: prf reads only regular files here; remove it`);
    }
  };
  const visitLink = (abs: string) => {
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      fail(abs, LOOP_MESSAGE);
      return;
    }
    if (!isInside(real, rootReal)) {
      fail(abs, outsideMessage(real));
      return;
    }
    const st = statSync(real);
    if (st.isDirectory()) visitFolder(abs, real);
    else if (st.isFile() && wanted(abs)) out.push(abs);
  };
  const walk = (abs: string) => {
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) visitLink(abs);
    else if (st.isDirectory()) {
      const real = realpathSync(abs);
      if (isInside(real, rootReal)) visitFolder(abs, real);
      else fail(abs, outsideMessage(real));
    } else if (st.isFile() && wanted(abs)) out.push(abs);
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

function direntKind(e: Dirent): string {
  if (e.isFIFO()) return 'a named pipe (FIFO)';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'a device';
  return e.isSocket() ? 'a socket' : 'not a regular file';
}

function readSource(root: string, abs: string, problems: Diagnostic[]): SourceFile | null {
  const path = toPosix(relative(root, abs));
  const fail = (message: string) => {
    problems.push(diagnostic(path, { line: 1, column: 1 }, 'error', 'file-unreadable', message));
    return null;
  };
  let size: number;
  try {
    // stat follows a link the walk has already checked to stay inside the workspace.
    const st = statSync(abs);
    if (!st.isFile()) return fail(`this is ${kindOf(st)}, not a file: prf reads only regular files here; remove it`);
    size = st.size;
    accessSync(abs, constants.R_OK);
  } catch (e) {
    return fail(`cannot read this file (${(e as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`);
  }
  // Read when the loader asks, not all up front: a large workspace's files then never sit in
  // memory together, and a file over the size limit is refused on its size without being read.
  return {
    path,
    size,
    read() {
      try {
        return { ok: true, bytes: readFileSync(abs) };
      } catch (e) {
        return { ok: false, reason: (e as NodeJS.ErrnoException).code ?? 'error' };
      }
    },
  };
}

export function readWorkspaceSources(root: string): WorkspaceSources {
  const readProblems: Diagnostic[] = [];
  const configAbs = join(root, CONFIG_FILE);
  // prf.yaml is small and read twice (for the folders, then by the loader): read it once.
  const configSource = readSource(root, configAbs, readProblems);
  const configBytes = configSource === null || configSource.size > MAX_FILE_BYTES ? new Uint8Array() : bytesOf(configSource);
  const config = sourceInMemory(configSource?.path ?? CONFIG_FILE, configBytes);
  const paths = readPaths(Buffer.from(configBytes).toString('utf8'));
  // A folder outside the workspace is reported against prf.yaml by the loader, and never read.
  const collect = (folder: string, ext: readonly string[]) => {
    const inside = workspaceFolder(folder);
    return (inside === null ? [] : listFiles(root, resolve(root, inside), ext, readProblems))
      .map((abs) => readSource(root, abs, readProblems))
      .filter((f): f is SourceFile => f !== null);
  };
  return {
    config,
    kpis: collect(paths.kpis, ['.yaml', '.yml']),
    outturns: collect(paths.outturns, ['.csv']),
    commentary: collect(paths.commentary, ['.yaml', '.yml']),
    readProblems,
  };
}
