import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/run.js';

/** A throwaway git repository holding a copy of the demo workspace, with scripted commits. */
export interface GitFixture {
  dir: string;
  git(...args: string[]): string;
  /** Commits everything as `author` on `date` (ISO), returning the commit hash. */
  commit(message: string, author: string, date: string): string;
  cleanup(): void;
}

export function demoRepo(): GitFixture {
  const dir = mkdtempSync(join(tmpdir(), 'prf-history-'));
  for (const entry of ['prf.yaml', 'kpis', 'data', 'templates', 'schemas']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  const git = (...args: string[]) => gitIn(dir, {}, ...args);
  git('init', '-q', '-b', 'main');
  return {
    dir,
    git,
    commit(message, author, date) {
      const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
      gitIn(dir, env, 'add', '-A');
      gitIn(
        dir,
        env,
        '-c',
        `user.name=${author}`,
        '-c',
        `user.email=${author.split(' ')[0]!.toLowerCase()}@example.org`,
        '-c',
        'commit.gpgsign=false',
        'commit',
        '-q',
        '-m',
        message,
      );
      return gitIn(dir, {}, 'rev-parse', 'HEAD').trim();
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function gitIn(cwd: string, env: Record<string, string>, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
