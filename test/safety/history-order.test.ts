import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { demoRepo } from '../history/git-fixture.js';

const KPI_FILE = 'kpis/strategic-planning-environment/environmental-services/SP-ES-03.yaml';
const repo = demoRepo();
afterAll(() => repo.cleanup());

const setTarget = (from: string, to: string) => {
  const file = join(repo.dir, KPI_FILE);
  writeFileSync(file, readFileSync(file, 'utf8').replace(`value: ${from}`, `value: ${to}`));
};

// Three commits in the same second, then the KPI deleted (again in that second).
const SAME = '2026-02-10T10:00:00Z';
repo.commit('Q3 figures', 'Alice Officer', SAME);
const file = readFileSync(join(repo.dir, KPI_FILE), 'utf8');
const target = /target:\n(?:.*\n)*?\s+value: (\d+)/.exec(file)?.[1] ?? /value: (\d+)/.exec(file)![1]!;
setTarget(target, '401');
const second = repo.commit('Target 401', 'Bob Analyst', SAME);
setTarget('401', '402');
const third = repo.commit('Target 402', 'Carol Lead', SAME);
rmSync(join(repo.dir, KPI_FILE));
const deletion = repo.commit('Retire SP-ES-03', 'Dan Director', SAME);

describe('prf history follows the commit graph', () => {
  it("lists commits of the same second newest first, by parents, and a deleted KPI's history up to its deletion", async () => {
    const r = await runInProcess(['history', 'SP-ES-03', '--format', 'json'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('SP-ES-03 is no longer in the dictionary; this is its history up to its deletion');
    const commits = (JSON.parse(r.stdout) as { commits: Array<{ commit: string; changes: string[] }> }).commits;
    expect(commits.slice(0, 3).map((c) => c.commit)).toEqual([deletion, third, second]);
    expect(commits[1]!.changes).toContain(`target: 401 -> 402`);
    expect(commits[2]!.changes).toContain(`target: ${target} -> 401`);
  });

  it('still refuses an id that never existed', async () => {
    const r = await runInProcess(['history', 'XX-99'], repo.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('XX-99: no such KPI in the dictionary, now or in its history');
  });
});
