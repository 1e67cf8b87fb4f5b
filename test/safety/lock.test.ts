import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, LockError, withWorkspaceLock } from '../../src/write/workspace-lock.js';
import { runBinary, runInProcess } from '../helpers/run.js';
import { spawnBinary, throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace } = throwawayWorkspaces();

describe('the workspace lock', () => {
  it('two imports at once, 20 times: every figure lands, or its run refuses clearly and changes nothing', async () => {
    let refusals = 0;
    for (let trial = 0; trial < 20; trial++) {
      const dir = workspace();
      writeFileSync(join(dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,88.5,177,200,,\n');
      writeFileSync(join(dir, 'feb.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-02,91,182,200,,\n');
      const [a, b] = await Promise.all([spawnBinary(['import', 'jan.csv'], dir), spawnBinary(['import', 'feb.csv'], dir)]);
      const csv = readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');
      for (const [r, row] of [
        [a, 'HC-01,2026-01,88.5'],
        [b, 'HC-01,2026-02,91'],
      ] as const) {
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        if (r.code === 0) expect(csv).toContain(row);
        else {
          refusals++;
          expect(r.code).toBe(1);
          expect(r.stderr).toMatch(/prf: prf import \(process \d+ on .+, since .+\) is changing this workspace; nothing was changed/);
          expect(csv).not.toContain(row);
        }
      }
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    }
    // The second import normally waits for the first (well inside the wait limit); a refusal is
    // allowed only on a machine so loaded that the first takes longer than the wait.
    expect(refusals).toBeLessThan(40);
  }, 120_000);

  it('papers into a folder another prf is writing: says it waits for that folder, and Ctrl-C then changes nothing', async () => {
    const dir = workspace();
    const out = join(dir, 'papers-out');
    mkdirSync(out);
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), command: 'report', started: '2026-01-01T00:00:00Z' }));
    const r = await spawnBinary(['report', '2025-26-Q3', '--draft', '--out', 'papers-out'], dir, { signal: 'SIGINT', signalWhen: /waiting for/ });
    expect(r.stderr.slice(r.stderr.indexOf('prf: waiting'))).toBe(
      `prf: waiting for prf report (process ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00Z) to finish changing ${out} (up to 5 seconds)\n` +
        'prf: interrupted before writing; nothing was changed\n',
    );
    expect(r.code).toBe(130);
    expect(readdirSync(out)).toEqual([LOCK_FILE]);
  });

  it('a second writer waits briefly, then fails naming the holder', async () => {
    const dir = workspace();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), command: 'import', started: '2026-01-01T00:00:00Z' }));
    const r = runBinary(['new', 'HC-09'], dir);
    expect(r.code).toBe(1);
    const holder = `prf import (process ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00Z)`;
    expect(r.stderr).toBe(
      `prf: waiting for ${holder} to finish changing this workspace (up to 5 seconds)\n` +
        `prf: ${holder} is changing this workspace; nothing was changed. Run again when it has finished (if no prf is running, delete ${join(dir, LOCK_FILE)})\n`,
    );
    expect(existsSync(join(dir, 'kpis/HC-09.yaml'))).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  }, 20_000);

  it('a lock left by a process that died is recovered', async () => {
    const dir = workspace();
    // A pid that is not running: a child that has already exited.
    const dead = await new Promise<number>((resolve) => {
      const c = spawn(process.execPath, ['-e', '0']);
      c.on('exit', () => resolve(c.pid!));
    });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), command: 'import', started: '2026-01-01T00:00:00Z' }));
    const r = await runInProcess(['new', 'HC-09'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('an unreadable lock (a writer killed as it made it) is cleared once old, and waited for while new', async () => {
    const dir = workspace();
    const lock = join(dir, LOCK_FILE);
    writeFileSync(lock, '');
    const fresh = await runInProcess(['new', 'HC-09'], dir);
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('another prf is changing this workspace; nothing was changed');
    expect(existsSync(join(dir, 'kpis/HC-09.yaml'))).toBe(false);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    const old = await runInProcess(['new', 'HC-09'], dir);
    expect(old.stderr).toBe('');
    expect(old.code).toBe(0);
    expect(existsSync(join(dir, 'kpis/HC-09.yaml'))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  }, 30_000);

  it('two prf new with the same id at once: one writes it, the other refuses', async () => {
    const dir = workspace();
    const [a, b] = await Promise.all([spawnBinary(['new', 'HC-09'], dir), spawnBinary(['new', 'HC-09'], dir)]);
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    expect([a, b].find((r) => r.code === 2)!.stderr).toMatch(/HC-09 already exists/);
  }, 20_000);

  it('is released when the work throws, and refuses while held', async () => {
    const dir = workspace();
    await expect(withWorkspaceLock(dir, 'test', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    await withWorkspaceLock(dir, 'outer', async () => {
      await expect(withWorkspaceLock(dir, 'inner', () => 1, { waitMs: 50 })).rejects.toBeInstanceOf(LockError);
    });
  });
});
