import { Chalk, type ChalkInstance } from 'chalk';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** A terminal's width in characters. */
  columns?: number;
}

/**
 * How wide a table may be: a terminal's own width, or COLUMNS when set; unbounded for a file or
 * pipe, which gets every column.
 */
export function tableWidth(stream: OutputStream, env: CliIO['env']): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Infinity;
}

/** Everything prf's CLI touches of the outside world, passed in so tests can run it in-process. */
export interface CliIO {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Aborted when the user interrupts (Ctrl-C); long commands stop before their next write. */
  signal?: AbortSignal;
  /** Told when a writer has passed its last check and will finish its writes: a signal then no longer stops it. */
  committed?: () => void;
  /** Where prf init reads answers when it asks; absent or not a terminal, it never asks. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Exit codes, as documented in the README and docs/guide/ci.md and docs/guide/limits-safety.md. */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

/** The exit code for stopping on a signal: 128 + its number, as shells report it (INT 130, TERM 143). */
export function exitForSignal(signal: AbortSignal | undefined): number {
  return signal?.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

/** The user interrupted (Ctrl-C, SIGTERM) before anything was written; main() says so and exits 130 or 143. */
export class Interrupted extends Error {
  constructor(readonly code: number) {
    super('interrupted before writing; nothing was changed');
  }
}

/**
 * The last moment a writer may stop: call it just before the final rename. It first lets the
 * event loop run, so a signal that arrived during synchronous work (reading, checking) is seen,
 * then throws Interrupted if one did. After this point the writer finishes and exits 0.
 */
export async function stopIfInterrupted(io: CliIO): Promise<void> {
  if (!io.signal) return;
  await new Promise((r) => setImmediate(r));
  if (io.signal.aborted) throw new Interrupted(exitForSignal(io.signal));
  io.committed?.();
}

/** A mistake in how prf was called (bad flag, no workspace): exit 2 with the message. */
export class UsageError extends Error {}

/**
 * The workspace has problems that stop the command, and they have already been written to
 * standard error (as prf validate lists them): exit 1 with nothing more to say.
 */
export class ProblemsReported extends Error {}

/** Colour only for a terminal, never under NO_COLOR, always under FORCE_COLOR. */
export function colorFor(stream: OutputStream, env: CliIO['env'], enabled: boolean): ChalkInstance {
  let level: 0 | 1 | 2 | 3 = 0;
  // no-color.org: NO_COLOR turns colour off when set to something; NO_COLOR= (empty) does not.
  if (enabled && (env.NO_COLOR === undefined || env.NO_COLOR === '')) {
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') level = 1;
    else if (stream.isTTY) level = 2;
  }
  return new Chalk({ level });
}

export interface GlobalOptions {
  workspace?: string;
  color: boolean;
}

/** A command's action: returns its exit code. Thrown UsageErrors become exit 2. */
export type Action = (globals: GlobalOptions) => Promise<number>;

export type Run = (action: Action) => () => Promise<void>;
