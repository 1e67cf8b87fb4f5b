import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/commands/main.js';

export const REPO = resolve(import.meta.dirname, '../..');
// The bundled binary users run (package.json bin), built by npm run build.
export const BIN = join(REPO, 'dist/bundle/prf.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs prf in-process through main(), with no colour and captured output; `signal` stands for Ctrl-C. */
export async function runInProcess(argv: string[], cwd: string, env: Record<string, string | undefined> = {}, signal?: AbortSignal): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    signal,
    env: { NO_COLOR: '1', ...env },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** Runs the built binary as a user would, checking the real process exit code. */
export function runBinary(argv: string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A throwaway copy of a fixture folder, overlaid with more folders in order. */
export function tempWorkspace(...layers: string[]): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'prf-test-'));
  for (const layer of layers) {
    for (const entry of readdirSync(layer)) {
      if (entry === 'scenario.json') continue;
      cpSync(join(layer, entry), join(dir, entry), { recursive: true, verbatimSymlinks: true });
    }
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
