import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../helpers/run.js';

/** Runs the binary with its output pipe closed before it writes, as `prf ... | head -0` does. */
function runIntoClosedPipe(argv: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that closes the pipe early', () => {
  it.each([[['--version']], [['-V']], [['status', '2025-26-Q3']], [['validate', '--format', 'json']]])(
    'ends prf %j quietly with its own exit code',
    async (argv) => {
      const r = await runIntoClosedPipe(argv);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/EPIPE|\n\s+at .+:\d+:\d+/);
    },
  );
});
