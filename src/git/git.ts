import { spawnSync } from 'node:child_process';

/**
 * A problem reading history: git missing, a folder outside git, an unknown or unsafe revision, a
 * shallow clone. The message says what is missing and what to run; the CLI shows it as exit 2.
 */
export class GitError extends Error {}

// git's own messages are parsed nowhere, but a fixed locale keeps them stable in our errors, and
// no prompt or pager may ever wait for a human in CI.
const GIT_ENV = { LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' };

export interface GitRun {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs git with an argument array (never a shell, so nothing in a path or revision is
 * interpreted) in `cwd`. `core.quotepath=off` keeps non-ASCII paths as they are.
 */
export function gitTry(cwd: string, args: readonly string[], input?: string | Buffer): GitRun {
  const r = spawnSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    input,
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new GitError(
      code === 'ENOENT' ? "git is not installed or not on PATH; install git to read the workspace's history" : `could not run git: ${r.error.message}`,
    );
  }
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/** Runs git and returns its standard output; a failure is a GitError quoting git's first line. */
export function git(cwd: string, args: readonly string[], input?: string | Buffer): Buffer {
  const r = gitTry(cwd, args, input);
  if (r.status !== 0) throw new GitError(`git ${args[0]} failed: ${r.stderr.split('\n')[0] || `exit ${r.status}`}`);
  return r.stdout;
}

export function gitText(cwd: string, args: readonly string[]): string {
  return git(cwd, args).toString('utf8');
}
