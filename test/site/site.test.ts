/**
 * `prf site` end to end in a throwaway git repository: the site shows only quarters whose papers
 * were published (non-draft manifests), with the figures as they stood at the manifest's commit;
 * every internal and CSV link resolves; rebuilding gives the same bytes; and a published manifest
 * that git cannot reproduce stops the build.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitFixture } from '../history/git-fixture.js';
import { brokenLinks, publishedDemo, readTree } from './published-site.js';
import { runInProcess } from '../helpers/run.js';
import { checkDataPackage } from './frictionless.js';

let repo: GitFixture;
const out = mkdtempSync(join(tmpdir(), 'prf-site-'));
let site: Record<string, string> = {};

beforeAll(async () => {
  // FR-FS-05 does not apply in Q1 (a status main added after the site was first built).
  repo = await publishedDemo((dir) => {
    const file = join(dir, 'data', 'outturns', '2025-26.csv');
    const csv = readFileSync(file, 'utf8');
    const row = /^FR-FS-05,2025-26-Q1,[^\n]*$/m;
    expect(csv).toMatch(row);
    writeFileSync(file, csv.replace(row, 'FR-FS-05,2025-26-Q1,not applicable,,,Principal Accountant,No capital programme ran this quarter'));
  });
  // A draft of the next quarter was never published, so it must not reach the site.
  const q3 = await runInProcess(['report', '2025-26-Q3', '--format', 'html', '--manifest', '--draft'], repo.dir);
  expect(q3.code).toBe(0);
  // A change committed after publication is not part of what was published.
  const yaml = readFileSync(join(repo.dir, 'prf.yaml'), 'utf8');
  writeFileSync(join(repo.dir, 'prf.yaml'), yaml.replace('organisation: Demo Borough Council', 'organisation: Renamed Borough Council'));
  repo.commit('Rename the council', 'Ann Analyst', '2026-01-11T09:00:00Z');
  const r = await runInProcess(['site', '--out', join(out, 'a')], repo.dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  site = readTree(join(out, 'a'));
}, 600_000);

afterAll(() => {
  repo.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('prf site', () => {
  it('shows the latest published quarter, not a later draft, with the figures as published', () => {
    const home = site['index.html']!;
    expect(home).toContain('Latest published quarter: 2025-26-Q1');
    expect(home).not.toContain('2025-26-Q3');
    expect(home).not.toContain('2025-26-Q2');
    expect(home).toContain('Demo Borough Council');
    expect(home).not.toContain('Renamed');
    expect(Object.keys(site)).toEqual(expect.arrayContaining(['how-we-measure.html', 'accessibility.html']));
    expect(Object.keys(site).some((f) => /^priority\/.+\.html$/.test(f))).toBe(true);
    expect(Object.keys(site).some((f) => /^kpi\/.+\.csv$/.test(f))).toBe(true);
  });

  it('shows a measure that does not apply as N/A with its reason, counted apart from the colours', () => {
    const page = site['kpi/FR-FS-05.html']!;
    expect(page).toContain('<span class="badge badge-na"><span aria-hidden="true">⊘</span> N/A</span>');
    expect(page).toContain('Not applicable: No capital programme ran this quarter');
    expect(page).toContain('<dt>Latest figure</dt><dd>N/A</dd>');
    const home = site['index.html']!;
    const naRow = /<tr><th scope="row"><span class="badge badge-na">.*?<\/span><\/th><td class="num">(\d+)<\/td><\/tr>/;
    expect(home.match(naRow)?.[1]).toBe('1');
    const priority = Object.entries(site).find(([f, html]) => f.startsWith('priority/') && html.includes('FR-FS-05.html'))![1];
    expect(priority).toContain('data-label="Figure">N/A</td>');
  });

  it('gives every KPI chart its data table and a CSV of the same figures', () => {
    const pages = Object.keys(site).filter((f) => /^kpi\/.+\.html$/.test(f));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) {
      const html = site[p]!;
      expect(html, p).toContain('<summary>Show as table</summary>');
      const csv = site[p.replace(/\.html$/, '.csv')]!;
      expect(csv.split('\r\n')[0]).toBe('kpi,period,value,unit');
      const rows = csv.trim().split('\r\n').length - 1;
      expect((html.match(/<tr><th scope="row">/g) ?? []).length, p).toBe(rows);
    }
  });

  it('draws each KPI chart for wide pages and for phones, each with a labelled value axis and the range in its words', () => {
    const pages = Object.keys(site).filter((f) => /^kpi\/.+\.html$/.test(f) && site[f]!.includes('<svg class="chart"'));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) {
      const html = site[p]!;
      const wide = /<div class="chart-wide">(<svg .*?<\/svg>)<\/div>/.exec(html)?.[1] ?? '';
      const narrow = /<div class="chart-narrow">(<svg .*?<\/svg>)<\/div>/.exec(html)?.[1] ?? '';
      for (const svg of [wide, narrow]) {
        expect((svg.match(/<text class="tick"/g) ?? []).length, p).toBeGreaterThanOrEqual(3);
        // The range, unless there is none: one period, or none with a figure.
        expect(svg, p).toMatch(
          /<desc id="[^"]+">(The line shows \d+ periods from \S+ to \S+(, ranging from [^<]+ to |, each at |[;.])|The chart shows one period, )/,
        );
      }
      expect(/viewBox="0 0 (\d+) /.exec(narrow)?.[1], p).toBe('340');
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, p).toBe(ids.length);
    }
    // A percentage KPI names its unit above the axis and prints its ticks as percentages.
    const fs04 = site['kpi/FR-FS-04.html']!;
    expect(fs04).toContain('<text class="axis-title" x="8" y="16" font-size="12" font-weight="bold">Per cent (%)</text>');
    expect(fs04).toMatch(/<text class="tick"[^>]*>\d+\.\d%<\/text>/);
  });

  it('publishes the whole dataset as a valid Frictionless tabular data package under the Open Government Licence', () => {
    const descriptor = JSON.parse(site['datapackage.json']!) as {
      licenses: unknown;
      resources: Array<{ path: string }>;
      indicators: Array<Record<string, string>>;
    };
    expect(checkDataPackage(descriptor, site)).toEqual([]);
    expect(descriptor.licenses).toEqual([
      { name: 'OGL-UK-3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', title: 'Open Government Licence v3.0' },
    ]);
    expect(descriptor.resources.map((r) => r.path)).toEqual(['data/indicators.csv', 'data/figures.csv', 'data/statuses.csv']);
    // The dictionary as metadata: every published KPI with what it means and who owns it.
    const pages = Object.keys(site).filter((f) => /^kpi\/.+\.html$/.test(f));
    expect(descriptor.indicators).toHaveLength(pages.length);
    const fs05 = descriptor.indicators.find((k) => k.id === 'FR-FS-05')!;
    expect(Object.keys(fs05).sort()).toEqual([
      'committee',
      'definition',
      'frequency',
      'id',
      'name',
      'owner',
      'polarity',
      'priority',
      'purpose',
      'service',
      'unit',
    ]);
    expect(fs05.polarity).toMatch(/^(higher|lower|neutral)$/);
    // The statuses table holds what the committee saw, N/A included and never on target.
    const statuses = site['data/statuses.csv']!.split('\r\n');
    expect(statuses.find((l) => l.startsWith('2025-26-Q1,FR-FS-05,'))).toBe('2025-26-Q1,FR-FS-05,,,na,,not applicable: No capital programme ran this quarter');
    expect(site['index.html']).toContain('<a href="datapackage.json">');
    expect(site['index.html']).toContain(
      '<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>',
    );
  });

  it('publishes under the licence prf.yaml names', async () => {
    const file = join(repo.dir, 'prf.yaml');
    const yaml = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      `${yaml}\npublication:\n  licence:\n    name: CC-BY-4.0\n    title: Creative Commons Attribution 4.0\n    path: https://creativecommons.org/licenses/by/4.0/\n`,
    );
    try {
      const r = await runInProcess(['site', '--out', join(out, 'licence')], repo.dir);
      expect(r.stderr).toBe('');
      const built = readTree(join(out, 'licence'));
      expect(JSON.parse(built['datapackage.json']!).licenses).toEqual([
        { name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' },
      ]);
      expect(built['accessibility.html']).toContain('<a href="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0</a>');
    } finally {
      writeFileSync(file, yaml);
    }
  });

  it('has no broken internal links: every href and src, CSVs included, names a file in the site', () => {
    const { broken, checked } = brokenLinks(site);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('is byte-identical when rebuilt from the same manifests', async () => {
    const r = await runInProcess(['site', '--out', join(out, 'b')], repo.dir);
    expect(r.code).toBe(0);
    expect(readTree(join(out, 'b'))).toEqual(site);
  });

  it('refuses a published manifest whose papers were made from uncommitted changes, naming it', async () => {
    const dir = join(repo.dir, 'reports', '2025-26-Q2');
    cpSync(join(repo.dir, 'reports', '2025-26-Q1'), dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, period: '2025-26-Q2', dirty: true, dirtyFiles: ['data/outturns/x.csv'] }));
    const r = await runInProcess(['site', '--out', join(out, 'c')], repo.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('reports/2025-26-Q2/manifest.json: the papers were made with uncommitted changes');
    expect(existsSync(join(out, 'c'))).toBe(false);
    rmSync(dir, { recursive: true });
  });

  it("leaves out a year's committee papers published beside the quarters, and any annual review", async () => {
    for (const [folder, kind] of [
      ['2025-26', 'papers'],
      ['2025-26-annual-review', 'annual-review'],
    ] as const) {
      const dir = join(repo.dir, 'reports', folder);
      cpSync(join(repo.dir, 'reports', '2025-26-Q1'), dir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, kind, period: '2025-26' }));
    }
    const r = await runInProcess(['site', '--out', join(out, 'f')], repo.dir);
    expect(r.code).toBe(0);
    expect(readTree(join(out, 'f'))).toEqual(site);
    for (const folder of ['2025-26', '2025-26-annual-review']) rmSync(join(repo.dir, 'reports', folder), { recursive: true });
  });

  it('says how to publish when no papers have been published (exit 1: the workspace is not ready, prf was not called wrongly)', async () => {
    const r = await runInProcess(['site', '--out', join(out, 'd'), '--through', '2024-25-Q4'], repo.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no published papers under reports/ up to 2024-25-Q4');
  });

  it('removes only plain files its own last build listed: never one outside the site, a folder, or a file it never wrote', async () => {
    const dir = join(out, 'e');
    expect((await runInProcess(['site', '--out', dir], repo.dir)).code).toBe(0);
    writeFileSync(join(out, 'outside.txt'), 'not the site');
    mkdirSync(join(dir, 'kpi', 'HC-OLD.html'));
    writeFileSync(join(dir, 'kpi', 'XX-01.html'), 'a page of a KPI no longer published');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
    const list = join(dir, '.prf-site-files');
    writeFileSync(list, `${readFileSync(list, 'utf8')}kpi/XX-01.html\nkpi/HC-OLD.html\n../outside.txt\n/etc/hostname\n.prf-site-files\n`);
    const r = await runInProcess(['site', '--out', dir], repo.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('removed 1 file the last build wrote and this one does not:\n  kpi/XX-01.html\n');
    expect(existsSync(join(dir, 'kpi', 'XX-01.html'))).toBe(false);
    expect(existsSync(join(dir, 'kpi', 'HC-OLD.html'))).toBe(true);
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toBe('User-agent: *\n');
    expect(readFileSync(join(out, 'outside.txt'), 'utf8')).toBe('not the site');
    expect(readFileSync(list, 'utf8')).toBe(site['.prf-site-files']);
  });
});
