import { posix, sep } from 'node:path';

/** Whether absolute path `dir` is `parent` or lies below it. */
export function isInside(dir: string, parent: string): boolean {
  return dir === parent || dir.startsWith(parent + sep);
}

/** A path with forward slashes, as prf prints and records every path whatever the platform. */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * A folder named in prf.yaml (`paths:`) as a workspace-relative posix path ('' for the workspace
 * itself), or null when it leads outside the workspace: absolute, or climbing out with `..`.
 * Backslashes are read as separators, so `data\outturns` written on Windows means the same
 * folder everywhere. The one rule for validate, for reading the folders and for reading them
 * from git.
 */
export function workspaceFolder(text: string): string | null {
  const n = posix.normalize(text.split('\\').join('/')).replace(/\/+$/, '');
  if (posix.isAbsolute(n) || n === '..' || n.startsWith('../')) return null;
  return n === '.' ? '' : n;
}
