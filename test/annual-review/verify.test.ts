/**
 * A published annual review is recorded in a manifest like the papers, and prf verify re-renders
 * it from the workspace: it matches until a figure it shows is restated.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRepo, type GitFixture } from '../history/git-fixture.js';
import { runInProcess } from '../helpers/run.js';

let repo: GitFixture;

beforeAll(async () => {
  repo = demoRepo();
  repo.commit('The year so far', 'Ann Analyst', '2026-01-20T10:00:00Z');
  const r = await runInProcess(['report', '2025-26', '--format', 'html,md', '--manifest'], repo.dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('reports/2025-26-annual-review/manifest.json');
}, 120_000);

afterAll(() => repo.cleanup());

describe('prf verify on a published annual review', () => {
  it('records the review, its inputs and its templates in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(repo.dir, 'reports', '2025-26-annual-review', 'manifest.json'), 'utf8')) as {
      period: string;
      outputs: Array<{ path: string }>;
      templates: Array<{ path: string }>;
    };
    expect(manifest.period).toBe('2025-26');
    expect(manifest.outputs.map((o) => o.path)).toEqual(['annual-review.html', 'annual-review.md']);
    expect(manifest.templates.map((t) => t.path)).toEqual(expect.arrayContaining(['templates/annual-review.html.hbs', 'templates/annual-review.md.hbs']));
  });

  it("keeps the year's committee papers and their manifest apart from the review's, and verifies each as what it is", async () => {
    const papers = await runInProcess(['report', '2025-26', '--papers', '--draft', '--format', 'html,md', '--manifest'], repo.dir);
    expect(papers.code, papers.stderr).toBe(0);
    const kinds = ['2025-26', '2025-26-annual-review'].map(
      (f) => (JSON.parse(readFileSync(join(repo.dir, 'reports', f, 'manifest.json'), 'utf8')) as { kind: string }).kind,
    );
    expect(kinds).toEqual(['papers', 'annual-review']);
    const r = await runInProcess(['verify', 'reports/2025-26/manifest.json'], repo.dir);
    expect(r.stdout).toMatch(/^2025-26 papers \(reports\/2025-26\), published from [0-9a-f]{7}:\n {2}they still match their inputs\n$/);
    expect(r.code).toBe(0);
  });

  it('still matches once a later quarter has figures (the review of the year so far stops at its quarter), then names the files a restated figure would change', async () => {
    const manifest = JSON.parse(readFileSync(join(repo.dir, 'reports', '2025-26-annual-review', 'manifest.json'), 'utf8')) as { through: string };
    expect(manifest.through).toBe('2025-26-Q3');
    const csv = join(repo.dir, 'data', 'outturns', '2025-26.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}SP-ES-03,2025-26-Q4,390.2,,,Recycling and Waste Strategy Officer,\n`);
    repo.commit('Q4 residual waste', 'Bob Analyst', '2026-04-20T09:30:00Z');
    const ok = await runInProcess(['verify', 'reports/2025-26-annual-review/manifest.json'], repo.dir);
    expect(ok.stdout).toMatch(/^Annual review 2025-26 \(reports\/2025-26-annual-review\), published from [0-9a-f]{7}:\n {2}it still matches its inputs\n$/);
    expect(ok.code).toBe(0);

    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('SP-ES-03,2025-26-Q3,395.1,');
    writeFileSync(csv, text.replace('SP-ES-03,2025-26-Q3,395.1,', 'SP-ES-03,2025-26-Q3,412.0,'));
    repo.commit('Restate Q3 residual waste', 'Bob Analyst', '2026-02-10T09:30:00Z');
    const changed = await runInProcess(['verify', 'reports/2025-26-annual-review/manifest.json'], repo.dir);
    expect(changed.stdout).toContain('  it NO LONGER matches its inputs\n');
    expect(changed.stdout).toContain('  annual-review.html: would now read differently (inputs changed since)\n');
    expect(changed.stdout).toContain('  annual-review.md: would now read differently (inputs changed since)\n');
    expect(changed.stdout).toContain('SP-ES-03');
    expect(changed.code).toBe(1);
  });
});
