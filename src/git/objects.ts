import { git, gitText } from './git.js';
import type { Repo } from './repo.js';

export interface TreeEntry {
  /** Repository path, posix. */
  path: string;
  mode: string;
  sha: string;
}

/** Every file at `commit` below `repoDir` (a repository path, '' for all), from one ls-tree. */
export function listTree(repo: Repo, commit: string, repoDir: string): TreeEntry[] {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (repoDir !== '') args.push('--', repoDir);
  const out = gitText(repo.top, args);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, sha] = record.slice(0, tab).split(' ');
    if (type !== 'blob' || !mode || !sha) continue;
    entries.push({ path: record.slice(tab + 1), mode, sha });
  }
  return entries;
}

/**
 * Reads many objects with one `git cat-file --batch` process. Names are object ids or
 * `<commit>:<path>`; a name git cannot find maps to null (a file absent at that commit).
 */
export function readObjects(repo: Repo, names: readonly string[]): Map<string, Buffer | null> {
  const result = new Map<string, Buffer | null>();
  const unique = [...new Set(names)];
  if (unique.length === 0) return result;
  for (const n of unique) if (/[\n\r]/.test(n)) throw new Error(`object name with a line break: ${JSON.stringify(n)}`);
  const out = git(repo.top, ['cat-file', '--batch'], unique.map((n) => `${n}\n`).join(''));
  let pos = 0;
  for (const name of unique) {
    const eol = out.indexOf(0x0a, pos);
    const header = out.subarray(pos, eol).toString('utf8');
    pos = eol + 1;
    // "<sha> <type> <size>", or "<name> missing" / "<name> ambiguous" with no body.
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!m) {
      result.set(name, null);
      continue;
    }
    const size = Number(m[3]);
    result.set(name, m[2] === 'blob' ? Buffer.from(out.subarray(pos, pos + size)) : null);
    pos += size + 1;
  }
  return result;
}
