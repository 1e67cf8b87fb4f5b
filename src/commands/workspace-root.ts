import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CONFIG_FILE, findWorkspaceRoot } from '../load/read-sources.js';
import { UsageError } from './io.js';
import { toPosix } from '../load/paths.js';

/** The workspace folder from --workspace, or found by walking up from the current folder. */
export function resolveWorkspaceRoot(cwd: string, option: string | undefined): string {
  if (option !== undefined) {
    const dir = resolve(cwd, option);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--workspace ${option}: no such folder`);
    if (!existsSync(join(dir, CONFIG_FILE)))
      throw new UsageError(`--workspace ${option}: there is no ${CONFIG_FILE} in that folder; run "prf init ${option}" to make one`);
    return dir;
  }
  const found = findWorkspaceRoot(cwd);
  if (!found) {
    throw new UsageError(`no ${CONFIG_FILE} in ${cwd} or any folder above it: run prf inside a workspace, pass --workspace DIR, or create one with "prf init"`);
  }
  return found;
}

/** Paths as the user should see them: relative to where prf was run, with forward slashes. */
export function displayPathFn(root: string, cwd: string): (file: string) => string {
  return (file) => {
    const rel = toPosix(relative(cwd, join(root, file)));
    return rel === '' ? '.' : rel;
  };
}
