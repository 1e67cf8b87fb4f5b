import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock file, at the workspace root; a dot file, so the loader never reads it. */
export const LOCK_FILE = '.prf-lock';

/** How long a second writer waits for the first before giving up (milliseconds). */
export const LOCK_WAIT_MS = 5000;

/** Another prf is changing the workspace; the message names it (command, process id, start). */
export class LockError extends Error {}

/** The user stopped prf (Ctrl-C, SIGTERM) while it waited for another writer: it never took the lock. */
export class LockWaitStopped extends Error {
  constructor() {
    super('stopped while waiting for the workspace lock');
  }
}

export interface LockOptions {
  /** How long to wait for another writer before giving up (milliseconds). */
  waitMs?: number;
  /** Aborted by Ctrl-C or SIGTERM: the wait ends at once, with LockWaitStopped. */
  signal?: AbortSignal;
  /** Called once, when the wait begins, with the holder in words ("prf import (process 12 on host, since ...)"). */
  onWait?: (holder: string) => void;
}

interface Holder {
  pid: number;
  host: string;
  command: string;
  started: string;
}

/** The holder a lock's text names, or null when it names none (empty, half-written, damaged). */
function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Partial<Holder> | null;
    return typeof h?.pid === 'number' && typeof h.host === 'string'
      ? { pid: h.pid, host: h.host, command: String(h.command), started: String(h.started) }
      : null;
  } catch {
    return null;
  }
}

function readHolder(path: string): Holder | null {
  try {
    return parseHolder(readFileSync(path, 'utf8'));
  } catch {
    // Removed meanwhile, or hidden by another user's permissions: look again shortly.
    return null;
  }
}

/** Whether process `pid` on this machine is still running (EPERM: running, as someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock that cannot be read this long after it was made is not a writer starting up (which
 * writes its name at once) but one killed in that instant, or a damaged file: it is cleared.
 */
const UNREADABLE_STALE_MS = 30_000;

/**
 * Whether the lock at `path` is damaged and old: it reads (a lock another user's permissions hide
 * is held, not damaged), yet names no holder, and was last written long ago.
 */
function unreadableAndOld(path: string): boolean {
  const made = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  if (made === undefined || Date.now() - made <= UNREADABLE_STALE_MS) return false;
  try {
    return parseHolder(readFileSync(path, 'utf8')) === null;
  } catch {
    return false;
  }
}

/**
 * Clears a lock whose holder died (or an unreadable, old one: `deadPid` null). Moved aside
 * first, atomically, then checked: if another recoverer took the lock in the meantime, what was
 * moved is theirs and goes straight back.
 */
function recoverStale(path: string, deadPid: number | null): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else cleared it first
  }
  if (deadPid === null ? unreadableAndOld(aside) : readHolder(aside)?.pid === deadPid) rmSync(aside, { force: true });
  else {
    try {
      linkSync(aside, path);
    } catch {
      // A third writer already holds a fresh lock; the moved one is simply lost with its holder's run.
    }
    rmSync(aside, { force: true });
  }
}

/** Sleeps `ms`, or less if `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function describeHolder(holder: Holder | null): string {
  return holder ? `prf ${holder.command} (process ${holder.pid} on ${holder.host}, since ${holder.started})` : 'another prf';
}

/**
 * Runs `work` holding the workspace's write lock, the one lock every command that changes the
 * dictionary, the data or the commentary takes (import, new, adopt, signoff, commentary,
 * benchmarks): wrap the whole read-decide-write, not only the write, so the second of two
 * imports reads the first one's figures instead of overwriting them with a stale copy:
 *
 *     return withWorkspaceLock(root, 'import', async () => { ...load, plan, write... });
 *
 * The lock is a file created exclusively (O_EXCL) holding the holder's pid, host, command and
 * start time. A second writer polls for up to `waitMs`, then fails with a LockError naming the
 * holder (prf exits 1, nothing changed); `onWait` hears when the wait begins, so a user is not
 * left looking at a silent terminal, and `signal` ends the wait at once (LockWaitStopped). A lock
 * left by a process that has died (kill -9, power cut) on this machine is removed and taken over,
 * as is one that has been unreadable for more than 30 seconds.
 * The lock is released however `work` ends, including a thrown error, an interrupt, or process.exit.
 */
export async function withWorkspaceLock<T>(root: string, command: string, work: () => Promise<T> | T, options: LockOptions = {}): Promise<T> {
  const { waitMs = LOCK_WAIT_MS, signal, onWait } = options;
  const path = join(root, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
  const deadline = Date.now() + waitMs;
  let told = false;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    if (signal?.aborted) throw new LockWaitStopped();
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new LockError(`cannot create the lock ${path} (${(e as NodeJS.ErrnoException).code}): check the folder is writable`);
      const holder = readHolder(path);
      if (holder && holder.host === me.host && !alive(holder.pid)) {
        recoverStale(path, holder.pid);
        continue;
      }
      if (holder === null && unreadableAndOld(path)) {
        recoverStale(path, null);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new LockError(
          `${describeHolder(holder)} is changing this workspace; nothing was changed. Run again when it has finished (if no prf is running, delete ${path})`,
        );
      }
      if (!told) {
        told = true;
        onWait?.(describeHolder(holder));
      }
      await sleep(delay, signal);
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    break;
  }
  // Only our own lock is removed: a lock judged stale and taken over is someone else's now.
  const release = () => {
    if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
  };
  // Also when prf is stopped by a second Ctrl-C or its grace timer (process.exit), which skips
  // the finally below.
  process.once('exit', release);
  try {
    return await work();
  } finally {
    process.off('exit', release);
    release();
  }
}

/**
 * The same lock on an output folder (papers, forms), made first if need be: two runs writing one
 * folder at once would otherwise move each other's files aside mid-way.
 */
export async function withLockedFolder<T>(dir: string, command: string, work: () => T, options: LockOptions = {}): Promise<T> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // Not possible here (a file in the way, no permission): the write says why, as before.
    return work();
  }
  return withWorkspaceLock(dir, command, work, options);
}
