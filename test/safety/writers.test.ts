import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/write/workspace-lock.js';
import { EXTRACTS, tsmWorkspace } from '../benchmarks/tsm-helpers.js';
import { runInProcess } from '../helpers/run.js';
import { spawnBinary, STACK, throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace, also } = throwawayWorkspaces();

/** Every file under `dir` with its bytes, but the lock: what a refused or interrupted writer must leave as it was. */
function tree(dir: string, at = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, at)).sort()) {
    const rel = at === '' ? name : `${at}/${name}`;
    if (rel === LOCK_FILE) continue;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, tree(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

/**
 * Each command that changes the dictionary, the data, the commentary, prf.yaml or the templates:
 * where it runs (cwd), the folder whose lock it takes (root), and what it is given.
 */
interface Writer {
  argv: string[];
  make: () => Promise<{ cwd: string; root: string }>;
}
const inBase =
  (prepare: (dir: string) => void = () => undefined) =>
  async () => {
    const dir = workspace();
    prepare(dir);
    return { cwd: dir, root: dir };
  };
const WRITERS: Record<string, Writer> = {
  signoff: { argv: ['signoff', '2025-26-Q3', '--by', 'Repairs Manager'], make: inBase() },
  commentary: {
    argv: ['commentary', '2025-26-Q4'],
    make: inBase((dir) =>
      writeFileSync(join(dir, 'data/outturns/2025-26.csv'), `${readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8')}HC-01,2026-01,50,50,100,,\n`),
    ),
  },
  adopt: {
    argv: ['adopt', 'dictionary', 'list.csv'],
    make: inBase((dir) =>
      writeFileSync(join(dir, 'list.csv'), 'Reference,Name,Committee\nHC-05,Rent collected,Finance Committee\nHC-06,Voids,Finance Committee\n'),
    ),
  },
  'templates copy': { argv: ['templates', 'copy'], make: inBase() },
  'benchmarks tsm': {
    argv: ['benchmarks', 'tsm', ...EXTRACTS, '--landlord', '26UC'],
    make: async () => {
      const cleanups: Array<() => void> = [];
      also(() => cleanups.forEach((c) => c()));
      const dir = await tsmWorkspace('la-under-15000', cleanups);
      return { cwd: dir, root: dir };
    },
  },
  init: {
    argv: ['init', 'council', '--yes'],
    make: async () => {
      const parent = mkdtempSync(join(tmpdir(), 'prf-init-'));
      also(() => rmSync(parent, { recursive: true, force: true }));
      mkdirSync(join(parent, 'council'));
      return { cwd: parent, root: join(parent, 'council') };
    },
  },
};
const CASES = Object.entries(WRITERS);

/** The holder of the lock the tests take, in prf's words. */
const HOLDER = `prf import (process ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00Z)`;

/** A lock held by a live process (this test's own), as a running prf holds it. */
function holdLock(root: string): string {
  const lock = join(root, LOCK_FILE);
  writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'import', started: '2026-01-01T00:00:00Z' }));
  return lock;
}

describe('every command that writes the workspace', () => {
  it.each(CASES)('%s changes the workspace when it runs alone (so the tests below can fail)', async (_, w) => {
    const { cwd, root } = await w.make();
    const before = tree(root);
    const r = await runInProcess(w.argv, cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(tree(root)).not.toEqual(before);
  });

  it.concurrent.each(CASES)(
    '%s waits for another writer, then refuses naming it, exit 1, nothing changed',
    async (_, w) => {
      const { cwd, root } = await w.make();
      const lock = holdLock(root);
      const before = tree(root);
      const r = await spawnBinary(w.argv, cwd);
      expect(r.stderr).toBe(
        `prf: waiting for ${HOLDER} to finish changing this workspace (up to 5 seconds)\n` +
          `prf: ${HOLDER} is changing this workspace; nothing was changed. Run again when it has finished (if no prf is running, delete ${lock})\n`,
      );
      expect(r.code).toBe(1);
      expect(tree(root)).toEqual(before);
      expect(readFileSync(lock, 'utf8')).toContain(`"pid":${process.pid}`);
    },
    60_000,
  );

  it.concurrent.each(CASES)(
    '%s interrupted (SIGINT) while it waits for another writer: exit 130 at once, nothing written, the other lock untouched',
    async (_, w) => {
      // Signalled when it says it is waiting, so the test holds however slow the machine is.
      const { cwd, root } = await w.make();
      const lock = holdLock(root);
      const held = readFileSync(lock, 'utf8');
      const before = tree(root);
      const r = await spawnBinary(w.argv, cwd, { signal: 'SIGINT', signalWhen: /waiting for/ });
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toBe(
        `prf: waiting for ${HOLDER} to finish changing this workspace (up to 5 seconds)\nprf: interrupted before writing; nothing was changed\n`,
      );
      expect(r.code).toBe(130);
      expect(tree(root)).toEqual(before);
      expect(readFileSync(lock, 'utf8')).toBe(held);
    },
    60_000,
  );

  it.each(CASES)('%s interrupted after taking the lock, before its write: exit 130, nothing written, the lock released', async (_, w) => {
    const { cwd, root } = await w.make();
    const before = tree(root);
    const ctrlC = new AbortController();
    ctrlC.abort('SIGINT');
    const r = await runInProcess(w.argv, cwd, {}, ctrlC.signal);
    expect(r.stderr).toMatch(/^prf: interrupted before writing; (nothing was changed|.* as (it was|they were))\n$/);
    expect(r.code).toBe(130);
    expect(tree(root)).toEqual(before);
    expect(readdirSync(root)).not.toContain(LOCK_FILE);
  });
});
