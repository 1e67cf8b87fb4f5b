/**
 * The archive: every published quarter at its own stable address, built from the workspace at
 * its own papers' commit, so a figure restated after a quarter was published changes the latest
 * pages but not that quarter's archived ones; an archived quarter's files do not change when a
 * later quarter is published; and the same manifests always give the same bytes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitFixture } from '../history/git-fixture.js';
import { runInProcess } from '../helpers/run.js';
import { brokenLinks, publishedDemo, readTree } from './published-site.js';

let repo: GitFixture;
const out = mkdtempSync(join(tmpdir(), 'prf-site-archive-'));
let site: Record<string, string> = {};
let q1Only: Record<string, string> = {};

async function build(name: string, ...args: string[]): Promise<Record<string, string>> {
  const r = await runInProcess(['site', '--out', join(out, name), ...args], repo.dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readTree(join(out, name));
}

beforeAll(async () => {
  repo = await publishedDemo();
  // FR-FS-05's Q1 figure is restated after Q1 went out, then Q3 is published.
  const file = join(repo.dir, 'data', 'outturns', '2025-26.csv');
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('FR-FS-05,2025-26-Q1,1193950,');
  writeFileSync(file, csv.replace('FR-FS-05,2025-26-Q1,1193950,', 'FR-FS-05,2025-26-Q1,1200000,'));
  repo.commit('Restate the Q1 capital figure', 'Ann Analyst', '2026-02-01T09:00:00Z');
  const q3 = await runInProcess(['report', '2025-26-Q3', '--format', 'html', '--manifest'], repo.dir);
  expect(q3.stderr).toBe('');
  repo.commit('Q3 papers as published', 'Ann Analyst', '2026-03-01T09:00:00Z');
  site = await build('full');
  q1Only = await build('q1', '--through', '2025-26-Q1');
}, 600_000);

afterAll(() => {
  repo.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('the archive of published quarters', () => {
  it('puts the latest quarter at the front and every quarter at archive/QUARTER/, listed newest first', () => {
    expect(site['index.html']).toContain('Latest published quarter: 2025-26-Q3');
    expect(site['index.html']).toContain(
      '<li><a href="archive/2025-26-Q3/index.html">2025-26-Q3</a></li>\n<li><a href="archive/2025-26-Q1/index.html">2025-26-Q1</a></li>',
    );
    for (const q of ['2025-26-Q1', '2025-26-Q3']) {
      expect(site[`archive/${q}/index.html`], q).toContain(`Quarter: ${q}`);
      expect(site[`archive/${q}/index.html`], q).toContain('<a href="../../index.html">See the latest figures</a>');
      expect(site[`archive/${q}/kpi/FR-FS-05.html`], q).toBeDefined();
      expect(site[`archive/${q}/how-we-measure.html`], q).toBeDefined();
    }
    const index = site['archive/index.html']!;
    expect(index.indexOf('2025-26-Q3/index.html')).toBeLessThan(index.indexOf('2025-26-Q1/index.html'));
    expect(index).toContain('2025-26-Q3</a> (latest)');
    // The front is no archived page: no banner.
    expect(site['index.html']).not.toContain('See the latest figures');
  });

  it('shows each quarter as published: a later restatement reaches the latest pages only', () => {
    expect(site['archive/2025-26-Q1/kpi/FR-FS-05.csv']).toContain('FR-FS-05,2025-26-Q1,1193950,currency');
    expect(site['kpi/FR-FS-05.csv']).toContain('FR-FS-05,2025-26-Q1,1200000,currency');
    const statuses = site['data/statuses.csv']!.split('\r\n');
    expect(statuses.filter((l) => l.startsWith('2025-26-Q1,')).length).toBeGreaterThan(10);
    expect(statuses.filter((l) => l.startsWith('2025-26-Q3,')).length).toBe(statuses.filter((l) => l.startsWith('2025-26-Q1,')).length);
  });

  it('keeps an archived quarter byte for byte when a later quarter is published', () => {
    const archived = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([f]) => f.startsWith('archive/2025-26-Q1/')));
    expect(Object.keys(archived(q1Only)).length).toBeGreaterThan(50);
    expect(archived(site)).toEqual(archived(q1Only));
  });

  it('is byte-identical when rebuilt from the same manifests, and every link resolves', async () => {
    expect(await build('again')).toEqual(site);
    const { broken, checked } = brokenLinks(site);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('rebuilt into the same folder through an earlier quarter, removes the pages of the later one and nothing else', async () => {
    const dir = join(out, 'republished');
    mkdirSync(dir);
    writeFileSync(join(dir, 'CNAME'), 'performance.example.gov.uk\n');
    await build('republished');
    const r = await runInProcess(['site', '--out', dir, '--through', '2025-26-Q1'], repo.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const gone = Object.keys(site).filter((f) => !(f in q1Only));
    expect(gone.length).toBeGreaterThan(50);
    expect(gone.every((f) => f.startsWith('archive/2025-26-Q3/'))).toBe(true);
    expect(r.stdout).toContain(`removed ${gone.length} files the last build wrote and this one does not:\n  archive/2025-26-Q3/`);
    expect(readTree(dir)).toEqual({ ...q1Only, CNAME: 'performance.example.gov.uk\n' });
  });
});
