import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { BIN, REPO, tempWorkspace } from './run.js';

/** The base workspace of the rule tables: HC-01 a monthly ratio measure, HC-02 a quarterly project. */
export const BASE = join(REPO, 'fixtures/validate/_base');

/** A stack trace in a command's output: prf never prints one, whatever it is given. */
export const STACK = /\n\s+at .+:\d+:\d+/;

/**
 * For one test file: call at its top level. Each call of the function returned makes a fresh
 * throwaway copy of `layers` (the base workspace by default); every copy is removed after the
 * file's tests, as is anything passed to `also`.
 */
export function throwawayWorkspaces(...layers: string[]): { make: () => string; also: (cleanup: () => void) => void } {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.forEach((c) => c()));
  return {
    make: () => {
      const ws = tempWorkspace(...(layers.length > 0 ? layers : [BASE]));
      cleanups.push(ws.cleanup);
      return ws.dir;
    },
    also: (cleanup) => cleanups.push(cleanup),
  };
}

export interface Spawned {
  /** null when the process was ended by a signal's default action. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the built binary without waiting, so tests can run two at once or signal one:
 * `signal` is sent `afterMs` after the start (if the process is still running), or, given
 * `signalWhen`, as soon as its standard error matches it (a state the process announces, so the
 * test does not depend on how fast a loaded machine gets there).
 */
export function spawnBinary(
  argv: string[],
  cwd: string,
  opts: { signal?: NodeJS.Signals; afterMs?: number; signalWhen?: RegExp; env?: Record<string, string> } = {},
): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...opts.env } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => {
      stderr += b;
      if (opts.signal && opts.signalWhen && !signalled && opts.signalWhen.test(stderr)) {
        signalled = true;
        child.kill(opts.signal);
      }
    });
    const timer = opts.signal && !opts.signalWhen ? setTimeout(() => child.kill(opts.signal), opts.afterMs ?? 0) : undefined;
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
