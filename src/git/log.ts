import { gitText } from './git.js';
import type { Repo } from './repo.js';

export interface FileChange {
  /** A, M, D, R (renamed), C (copied), T (type changed). */
  status: string;
  /** Repository paths: before and after (the same unless renamed or copied). */
  from: string;
  to: string;
}

export interface LogEntry {
  commit: string;
  /** The first parent, or null for a root commit. */
  parent: string | null;
  /** Committer time in seconds, for merging logs in order. */
  time: number;
  /** Author date, YYYY-MM-DD. */
  date: string;
  author: string;
  subject: string;
  files: FileChange[];
}

const FORMAT = '%x1e%H%x00%P%x00%ct%x00%as%x00%an%x00%s';

/** Parses `git log -z --name-status` output in FORMAT. Pure, so it is tested on its own. */
export function parseLog(out: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const record of out.split('\x1e')) {
    if (record === '') continue;
    const end = record.indexOf('\0\n');
    const header = (end === -1 ? record.replace(/\0?\n?$/, '') : record.slice(0, end)).split('\0');
    const [commit, parents, time, date, author, subject] = header;
    if (!commit) continue;
    const tokens =
      end === -1
        ? []
        : record
            .slice(end + 2)
            .split('\0')
            .filter((t) => t !== '' && t !== '\n');
    const files: FileChange[] = [];
    for (let i = 0; i < tokens.length;) {
      const status = tokens[i++]!.trim();
      const letter = status[0] ?? '';
      const from = tokens[i++] ?? '';
      const to = letter === 'R' || letter === 'C' ? (tokens[i++] ?? '') : from;
      files.push({ status: letter, from, to });
    }
    entries.push({ commit, parent: parents?.split(' ')[0] || null, time: Number(time), date: date ?? '', author: author ?? '', subject: subject ?? '', files });
  }
  return entries;
}

/**
 * The commits that changed `paths` (repository paths), newest first, with the files each
 * changed. With `follow`, one file is followed across renames. Merges are left out: their
 * changes are seen in the commits merged.
 */
export function logPaths(repo: Repo, paths: readonly string[], options: { follow?: boolean } = {}): LogEntry[] {
  const args = ['log', `--format=${FORMAT}`, '-z', '--name-status', '-M', '--no-merges'];
  if (options.follow) args.push('--follow');
  args.push('HEAD', '--', ...paths);
  return parseLog(gitText(repo.top, args));
}
