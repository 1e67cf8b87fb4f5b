/**
 * A workspace of annual measures (the Tenant Satisfaction Measures) publishes a year's committee
 * papers, never a quarter's: its site is built from its published years, worded as years.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from '../history/git-fixture.js';
import { runInProcess } from '../helpers/run.js';
import { brokenLinks, readTree } from './published-site.js';

const parent = mkdtempSync(join(tmpdir(), 'prf-annual-site-'));
const dir = join(parent, 'homes');
let site: Record<string, string> = {};
let stdout = '';

function commit(message: string): void {
  const env = { GIT_AUTHOR_DATE: '2025-06-01T09:00:00Z', GIT_COMMITTER_DATE: '2025-06-01T09:00:00Z' };
  gitIn(dir, env, 'add', '-A');
  gitIn(dir, env, '-c', 'user.name=Ann Analyst', '-c', 'user.email=ann@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
}

beforeAll(async () => {
  const init = await runInProcess(['init', 'homes', '--tsm', '--yes', '--organisation', 'Example Homes', '--committee', 'board=Board'], parent);
  expect(init.code, init.stderr).toBe(0);
  gitIn(dir, {}, 'init', '-q', '-b', 'main');
  // Every measure's 2024-25 figure, signed off, so the year's papers go out complete.
  const ids = readdirSync(join(dir, 'kpis'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  expect(ids.length).toBe(26);
  // A housing association names its own plan, and the papers and site use its words.
  const config = join(dir, 'prf.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}plan: Business Plan\n`);
  const rows = ids.map((id, i) => `${id},2024-25,${50 + i},,,Housing performance manager,`);
  writeFileSync(join(dir, 'data', 'outturns', '2024-25.csv'), `kpi,period,value,numerator,denominator,reviewed_by,note\n${rows.join('\n')}\n`);
  commit('2024-25 figures');
  const papers = await runInProcess(['report', '2024-25', '--papers', '--format', 'html', '--manifest'], dir);
  expect(papers.code, papers.stderr).toBe(0);
  const r = await runInProcess(['site'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  stdout = r.stdout;
  site = readTree(join(dir, 'site'));
}, 120_000);

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('prf site for a workspace of annual measures', () => {
  it('publishes its year, worded as a year, with every link resolving', () => {
    expect(stdout).toMatch(/^wrote \d+ files for 1 published year, the latest 2024-25 \(published from [0-9a-f]{7}\), to site\n$/);
    expect(site['index.html']).toContain('Latest published year: 2024-25');
    expect(site['index.html']).toContain('<h2>Published years</h2>');
    expect(site['index.html']).toContain('<h2>Business Plan priorities</h2>');
    expect(readFileSync(join(dir, 'reports', '2024-25', 'board.html'), 'utf8')).toContain('by Business Plan priority,');
    expect(site['index.html']).not.toMatch(/quarter/i);
    expect(site['archive/index.html']).toContain('<h1>Past years</h1>');
    expect(site['archive/2024-25/index.html']).toContain('Year: 2024-25');
    expect(site['data/statuses.csv']!.split('\r\n').filter((l) => l.startsWith('2024-25,'))).toHaveLength(26);
    expect(brokenLinks(site).broken).toEqual([]);
  });

  it('keeps the published years, at their addresses, when quarterly papers follow in a later year', async () => {
    const q1 = await runInProcess(['report', '2025-26-Q1', '--format', 'html', '--manifest'], dir);
    expect(q1.code, q1.stderr).toBe(0);
    const r = await runInProcess(['site'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote \d+ files for 2 published periods, the latest 2025-26-Q1 /);
    expect(r.stdout).not.toContain('removed');
    const after = readTree(join(dir, 'site'));
    for (const [path, text] of Object.entries(site).filter(([p]) => p.startsWith('archive/2024-25/kpi/'))) expect(after[path], path).toBe(text);
    expect(after['index.html']).toContain('Latest published period: 2025-26-Q1');
    expect(after['archive/index.html']).toContain('<h1>Past periods</h1>');
    expect(brokenLinks(after).broken).toEqual([]);
  });
});
