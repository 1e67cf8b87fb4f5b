import { LOCK_WAIT_MS, LockWaitStopped, withLockedFolder, withWorkspaceLock, type LockOptions } from '../write/workspace-lock.js';
import { exitForSignal, Interrupted, type CliIO } from './io.js';

/**
 * How a command waits for another writer: it says so on standard error (a silent pause of
 * seconds looks like a hang), and Ctrl-C ends the wait at once as an interrupt before writing.
 */
function lockOptions(io: CliIO, what: string): LockOptions {
  return {
    signal: io.signal,
    onWait: (holder) => io.stderr.write(`prf: waiting for ${holder} to finish changing ${what} (up to ${LOCK_WAIT_MS / 1000} seconds)\n`),
  };
}

async function stoppedAsInterrupt<T>(io: CliIO, locked: Promise<T>): Promise<T> {
  try {
    return await locked;
  } catch (e) {
    if (e instanceof LockWaitStopped) throw new Interrupted(exitForSignal(io.signal));
    throw e;
  }
}

/** Runs `work` holding the workspace's write lock (see withWorkspaceLock), as commands do. */
export function lockedWorkspace<T>(io: CliIO, root: string, command: string, work: () => Promise<T> | T): Promise<T> {
  return stoppedAsInterrupt(io, withWorkspaceLock(root, command, work, lockOptions(io, 'this workspace')));
}

/** Runs `work` holding the lock of an output folder (see withLockedFolder), as commands do. */
export function lockedFolder<T>(io: CliIO, dir: string, command: string, work: () => T): Promise<T> {
  return stoppedAsInterrupt(io, withLockedFolder(dir, command, work, lockOptions(io, dir)));
}
