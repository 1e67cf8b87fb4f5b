import { posix } from 'node:path';
import { GitError, gitText, gitTry } from './git.js';

/** The git repository holding a workspace. All git commands run from `top`. */
export interface Repo {
  top: string;
  /** The workspace folder relative to `top`, posix, '' or ending in '/'. */
  prefix: string;
  shallow: boolean;
}

/** Opens the repository a workspace lives in, or says plainly that there is no history to read. */
export function openRepo(workspaceRoot: string): Repo {
  const r = gitTry(workspaceRoot, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository']);
  if (r.status !== 0) {
    throw new GitError(
      `${workspaceRoot} is not inside a git repository, so prf has no history to read (no earlier dictionary, targets or figures). ` +
        "Clone the workspace's repository with git clone rather than copying its files, or start one with git init and git commit.",
    );
  }
  const [top, prefix, shallow] = r.stdout.toString('utf8').split('\n');
  if (!top) throw new GitError(`${workspaceRoot} is inside a bare git repository; run prf in a clone with a working tree`);
  return { top, prefix: prefix ?? '', shallow: shallow === 'true' };
}

/**
 * A revision as typed by a user must name a revision, never an option: anything starting with
 * `-` is refused before git sees it (and `--end-of-options` guards the call as well).
 */
export function checkRevisionText(rev: string): void {
  if (rev === '' || rev.startsWith('-') || /[\0\n\r]/.test(rev)) {
    throw new GitError(`"${rev}" is not a revision: give a commit, tag or branch such as HEAD~1, v2025-q3 or a commit hash`);
  }
}

/** The full hash of the commit `rev` names. A shallow clone's missing history is named as such. */
export function resolveCommit(repo: Repo, rev: string): string {
  checkRevisionText(rev);
  const r = gitTry(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const sha = r.stdout.toString('utf8').trim();
  if (r.status === 0 && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  if (repo.shallow) {
    throw new GitError(
      `${rev} is not in this clone: it is shallow, so earlier history is missing. Run git fetch --unshallow (or clone without --depth) and try again`,
    );
  }
  throw new GitError(`${rev} names no commit in this repository: check it with git log --oneline`);
}

/** The commit HEAD points at, or null in a repository with no commits yet. */
export function headCommit(repo: Repo): string | null {
  const r = gitTry(repo.top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return r.status === 0 ? r.stdout.toString('utf8').trim() : null;
}

/** The most recent tag reachable from HEAD, or null when there is none. */
export function lastTag(repo: Repo): string | null {
  const r = gitTry(repo.top, ['describe', '--tags', '--abbrev=0', 'HEAD']);
  return r.status === 0 ? r.stdout.toString('utf8').trim() || null : null;
}

/**
 * Files under the workspace that differ from HEAD or are untracked (not ignored), relative to
 * the workspace: what a report from the working tree contains that no commit does.
 */
export function dirtyFiles(repo: Repo): string[] {
  const out = gitText(repo.top, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', repo.prefix === '' ? '.' : repo.prefix]);
  const files: string[] = [];
  const fields = out.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.length < 4) continue;
    // A rename or copy is followed by its source path as a separate field.
    if (f[0] === 'R' || f[0] === 'C') i++;
    files.push(toWorkspacePath(repo, f.slice(3)));
  }
  return files.sort();
}

/** A repository path as a workspace-relative one. */
export function toWorkspacePath(repo: Repo, repoPath: string): string {
  return repo.prefix !== '' && repoPath.startsWith(repo.prefix) ? repoPath.slice(repo.prefix.length) : repoPath;
}

/** A workspace-relative path as a repository path. */
export function toRepoPath(repo: Repo, workspacePath: string): string {
  return posix.join(repo.prefix, workspacePath);
}

/** The first 7 characters of a commit hash, as people quote them. */
export function short(sha: string): string {
  return sha.slice(0, 7);
}

/** Subject and date of a commit, for messages. */
export function describeCommit(repo: Repo, sha: string): { date: string; subject: string } {
  const [date, subject] = gitText(repo.top, ['log', '-1', '--format=%as%x00%s', sha, '--']).replace(/\n$/, '').split('\0');
  return { date: date ?? '', subject: subject ?? '' };
}
