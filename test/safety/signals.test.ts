import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/write/workspace-lock.js';
import { BIN } from '../helpers/run.js';
import { spawnBinary, STACK, throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace } = throwawayWorkspaces();

function signalledAfter(argv: string[], cwd: string, ms: number, signal: NodeJS.Signals) {
  return spawnBinary(argv, cwd, { signal, afterMs: ms });
}

// Node still starting (no handler yet) ends by the signal's default action: code null.
const stopped = { SIGINT: [130, null], SIGTERM: [143, null] } as const;
const POINTS = [200, 700, 1400].flatMap((ms) => (['SIGINT', 'SIGTERM'] as const).map((s) => [ms, s] as const));

describe('a signal during prf import', () => {
  it.each(POINTS)('after %i ms (%s) leaves the data as it was, or the figure imported in full', async (ms, signal) => {
    const dir = workspace();
    writeFileSync(join(dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,88.5,177,200,,\n');
    const before = readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');
    const r = await signalledAfter(['import', 'jan.csv'], dir, ms, signal);
    const after = readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(join(dir, 'data/outturns')).filter((f) => f.startsWith('.prf-tmp'))).toEqual([]);
    if (r.code === 0) expect(after).toContain('HC-01,2026-01,88.5');
    // Ended by the signal's default action: only while Node was still starting, before prf's
    // handlers, so nothing was written (prf ends itself once finished, never winding down with
    // its handlers gone).
    else if (r.code === null) expect(after).toBe(before);
    else {
      expect(stopped[signal]).toContain(r.code);
      expect(after).toBe(before);
      expect(r.stderr).toContain('prf: interrupted before writing; nothing was changed');
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    }
  });
});

describe('a signal during prf collect', () => {
  it.each(POINTS)('after %i ms (%s) writes every form or none', async (ms, signal) => {
    const dir = workspace();
    const r = await signalledAfter(['collect', '2026-01', '--out', 'forms'], dir, ms, signal);
    const forms = existsSync(join(dir, 'forms')) ? readdirSync(join(dir, 'forms')) : [];
    expect(r.stderr).not.toMatch(STACK);
    if (r.code === 0) expect(forms).toEqual(['2026-01-repairs-analyst.xlsx']);
    // Ended by the signal's default action: only while Node was still starting (see above).
    else if (r.code === null) expect(forms).toEqual([]);
    else {
      expect(stopped[signal]).toContain(r.code);
      expect(forms).toEqual([]);
    }
  });
});

describe('an interrupt that surely lands before the write', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: import stops with nothing written and says so',
    async (signal) => {
      // The test holds the workspace lock, so the import is certainly running, and waiting for
      // it, when prf says so and the signal comes: however loaded the machine, it lands before
      // the write.
      const dir = workspace();
      writeFileSync(join(dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,88.5,177,200,,\n');
      const before = readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), command: 'test', started: 'now' }));
      const r = await spawnBinary(['import', 'jan.csv'], dir, { signal, signalWhen: /waiting for/ });
      expect(r.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(r.stderr).toBe(
        `prf: waiting for prf test (process ${process.pid} on ${hostname()}, since now) to finish changing this workspace (up to 5 seconds)\n` +
          'prf: interrupted before writing; nothing was changed\n',
      );
      expect(readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8')).toBe(before);
    },
    20_000,
  );

  it('collect stops between forms with none written', async () => {
    // Forty collectors, so building the forms takes long enough to be interrupted half way.
    const dir = workspace();
    const entry = readFileSync(join(dir, 'kpis/HC-01.yaml'), 'utf8');
    for (let n = 10; n < 50; n++)
      writeFileSync(join(dir, `kpis/HC-${n}.yaml`), entry.replace('id: HC-01', `id: HC-${n}`).replace('collector: Repairs Analyst', `collector: Analyst ${n}`));
    const t0 = Date.now();
    const full = await signalledAfter(['collect', '2026-01', '--out', 'whole'], dir, 600_000, 'SIGINT');
    expect(full.stderr).toBe('');
    const took = Date.now() - t0;
    const all = readdirSync(join(dir, 'whole')).sort();
    // On a busy machine a run's length varies: a signal that came too early (Node starting) or
    // too late (the forms written) is tried again at another point; each run is all or nothing,
    // and at least one must be stopped between forms.
    let stopped = 0;
    for (const [i, share] of [0.8, 0.6, 0.7, 0.5, 0.9].entries()) {
      const out = `forms-${i}`;
      const r = await signalledAfter(['collect', '2026-01', '--out', out], dir, Math.round(took * share), 'SIGINT');
      const forms = existsSync(join(dir, out)) ? readdirSync(join(dir, out)).sort() : [];
      if (r.code === 0) expect(forms).toEqual(all);
      else {
        expect([130, null]).toContain(r.code);
        expect(forms).toEqual([]);
        if (r.code === 130) stopped++;
      }
      if (stopped > 0) break;
    }
    expect(stopped).toBe(1);
  }, 240_000);
});

describe('a signal just after the write', () => {
  it('ends nothing: the import reports 0 with its figure in place, never 130 for a finished write (10 trials)', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const dir = workspace();
      writeFileSync(join(dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,88.5,177,200,,\n');
      const csv = join(dir, 'data/outturns/2025-26.csv');
      const written = statSync(csv).ino;
      const child = spawn(process.execPath, [BIN, 'import', 'jan.csv'], { cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      // The rename gives the file a new inode: the signal follows it within a millisecond or so.
      // A probe that finds no file (a moment of the write, or after the run) waits for the next tick.
      const watch = setInterval(() => {
        const now = statSync(csv, { throwIfNoEntry: false });
        if (now !== undefined && now.ino !== written) {
          clearInterval(watch);
          child.kill('SIGINT');
        }
      }, 1);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      clearInterval(watch);
      expect(readFileSync(csv, 'utf8')).toContain('HC-01,2026-01,88.5');
      expect(code).toBe(0);
    }
  }, 120_000);
});
