import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO } from '../helpers/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'prf-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function reportInterruptedAfter(ms: number, out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'report', '2025-26-Q3', '--format', 'html,md', '--out', out], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('an interrupted prf report', () => {
  // Interrupts land at different stages: loading, computing, rendering, writing, or after.
  it.each([30, 150, 300, 450, 600, 900])('after %i ms leaves the previous papers or a complete new set, never half', async (ms) => {
    const out = join(scratch, `out-${ms}`);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous');
    const { code, stderr } = await reportInterruptedAfter(ms, out);
    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.startsWith('.prf-tmp'))).toEqual([]);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    if (code === 0) {
      expect(files).toHaveLength(14);
      for (const f of files.filter((n) => n.endsWith('.html'))) expect(readFileSync(join(out, f), 'utf8')).toMatch(/<\/html>\n$/);
    } else {
      // 130: prf stopped itself before writing; null: Node was still starting and the signal's
      // default action ended it. Either way the previous papers must be untouched.
      expect([130, null]).toContain(code);
      expect(files).toEqual(['index.html']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous');
    }
  });
});
