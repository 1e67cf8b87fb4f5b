import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/write/workspace-lock.js';
import { BIN, REPO, tempWorkspace } from '../helpers/run.js';

const BASE = join(REPO, 'fixtures/validate/_base');
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function signalledAfter(argv: string[], cwd: string, ms: number, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const NO_STACK = /\n\s+at .+:\d+:\d+/;
// Node still starting (no handler yet) ends by the signal's default action: code null.
const stopped = { SIGINT: [130, null], SIGTERM: [143, null] } as const;
const POINTS = [200, 700, 1400].flatMap((ms) => (['SIGINT', 'SIGTERM'] as const).map((s) => [ms, s] as const));

describe('a signal during prf import', () => {
  it.each(POINTS)('after %i ms (%s) leaves the data as it was, or the figure imported in full', async (ms, signal) => {
    const ws = tempWorkspace(BASE);
    cleanups.push(ws.cleanup);
    writeFileSync(join(ws.dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,88.5,177,200,,\n');
    const before = readFileSync(join(ws.dir, 'data/outturns/2025-26.csv'), 'utf8');
    const r = await signalledAfter(['import', 'jan.csv'], ws.dir, ms, signal);
    const after = readFileSync(join(ws.dir, 'data/outturns/2025-26.csv'), 'utf8');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(readdirSync(join(ws.dir, 'data/outturns')).filter((f) => f.startsWith('.prf-tmp'))).toEqual([]);
    if (r.code === 0) expect(after).toContain('HC-01,2026-01,88.5');
    else if (r.code === null) {
      // Ended by the signal's default action: while Node was still starting (nothing written),
      // or while it was tearing down after the command had finished (the figure written in full).
      expect([before, `${before}HC-01,2026-01,88.5,177,200,,\n`]).toContain(after);
    } else {
      expect(stopped[signal]).toContain(r.code);
      expect(after).toBe(before);
      expect(r.stderr).toContain('prf: interrupted before writing; nothing was changed');
      expect(existsSync(join(ws.dir, LOCK_FILE))).toBe(false);
    }
  });
});

describe('a signal during prf collect', () => {
  it.each(POINTS)('after %i ms (%s) writes every form or none', async (ms, signal) => {
    const ws = tempWorkspace(BASE);
    cleanups.push(ws.cleanup);
    const r = await signalledAfter(['collect', '2026-01', '--out', 'forms'], ws.dir, ms, signal);
    const forms = existsSync(join(ws.dir, 'forms')) ? readdirSync(join(ws.dir, 'forms')) : [];
    expect(r.stderr).not.toMatch(NO_STACK);
    if (r.code === 0) expect(forms).toEqual(['2026-01-repairs-analyst.xlsx']);
    else if (r.code === null) {
      // Ended by the signal's default action: while Node was still starting (nothing written),
      // or while it was tearing down after the command had finished (every form written).
      expect([[], ['2026-01-repairs-analyst.xlsx']]).toContainEqual(forms);
    } else {
      expect(stopped[signal]).toContain(r.code);
      expect(forms).toEqual([]);
    }
  });
});

describe('an interrupt that surely lands before the write', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: import stops with nothing written and says so',
    async (signal) => {
      // The test holds the workspace lock, so the import is certainly running and waiting for it
      // when the signal comes; the lock is then released and the import reaches its last check.
      const ws = tempWorkspace(BASE);
      cleanups.push(ws.cleanup);
      writeFileSync(join(ws.dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,88.5,177,200,,\n');
      const before = readFileSync(join(ws.dir, 'data/outturns/2025-26.csv'), 'utf8');
      writeFileSync(join(ws.dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), command: 'test', started: 'now' }));
      setTimeout(() => rmSync(join(ws.dir, LOCK_FILE)), 3000);
      const r = await signalledAfter(['import', 'jan.csv'], ws.dir, 2500, signal);
      expect(r.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(r.stderr).toBe('prf: interrupted before writing; nothing was changed\n');
      expect(readFileSync(join(ws.dir, 'data/outturns/2025-26.csv'), 'utf8')).toBe(before);
    },
    20_000,
  );

  it('collect stops between forms with none written', async () => {
    // Forty collectors, so building the forms takes long enough to be interrupted half way.
    const ws = tempWorkspace(BASE);
    cleanups.push(ws.cleanup);
    const entry = readFileSync(join(ws.dir, 'kpis/HC-01.yaml'), 'utf8');
    for (let n = 10; n < 50; n++)
      writeFileSync(
        join(ws.dir, `kpis/HC-${n}.yaml`),
        entry.replace('id: HC-01', `id: HC-${n}`).replace('collector: Repairs Analyst', `collector: Analyst ${n}`),
      );
    const t0 = Date.now();
    const full = await signalledAfter(['collect', '2026-01', '--out', 'whole'], ws.dir, 600_000, 'SIGINT');
    expect(full.stderr).toBe('');
    const took = Date.now() - t0;
    const r = await signalledAfter(['collect', '2026-01', '--out', 'forms'], ws.dir, Math.round(took * 0.8), 'SIGINT');
    expect(r.code).toBe(130);
    expect(existsSync(join(ws.dir, 'forms')) ? readdirSync(join(ws.dir, 'forms')) : []).toEqual([]);
  }, 120_000);
});
