import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { throwawayWorkspaces } from '../helpers/workspaces.js';

const outside = mkdtempSync(join(tmpdir(), 'prf-outside-'));
writeFileSync(join(outside, 'secret.hbs'), 'SECRET {{organisation}}');
writeFileSync(join(outside, 'secret.yaml'), 'secret: true\n');
writeFileSync(join(outside, 'secret.csv'), 'kpi,period,value\n');
const { make: workspace, also: cleanup } = throwawayWorkspaces();
cleanup(() => rmSync(outside, { recursive: true, force: true }));

const OUT = /this link leads outside the workspace \(.+\): prf reads and writes only inside it; copy the file in instead/;
const LOOP = /this link points to something that does not exist, or loops back on itself/;

/** Each way a link can go wrong, made at `at` (a file or folder path inside the workspace). */
const LINKS = {
  'a link out': (at: string, target: string) => symlinkSync(target, at),
  'a link loop': (at: string) => symlinkSync(at, at),
};

describe('the link rule for readers', () => {
  it.each([
    ['dictionary', 'kpis/HC-09.yaml', 'secret.yaml'],
    ['data', 'data/outturns/2024-25.csv', 'secret.csv'],
    ['commentary', 'data/commentary/2025-26-Q2.yaml', 'secret.yaml'],
  ])('%s: a link out and a link loop are refused with the same diagnostic', async (_what, at, target) => {
    for (const [how, make] of Object.entries(LINKS)) {
      const dir = workspace();
      make(join(dir, at), join(outside, target));
      const r = await runInProcess(['validate', '--format', 'json'], dir);
      expect(r.code, how).toBe(1);
      const d = JSON.parse(r.stdout).diagnostics.find((x: { file: string }) => x.file === at);
      expect(d, how).toMatchObject({ code: 'file-unreadable', severity: 'error' });
      expect(d.message).toMatch(how === 'a link out' ? OUT : LOOP);
    }
  });

  it('a linked folder out of the workspace is refused; one inside is read', async () => {
    const dir = workspace();
    mkdirSync(join(outside, 'more'), { recursive: true });
    symlinkSync(join(outside, 'more'), join(dir, 'kpis/more'));
    const r = await runInProcess(['validate', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).diagnostics.find((x: { file: string }) => x.file === 'kpis/more').message).toMatch(OUT);
    const ok = workspace();
    mkdirSync(join(ok, 'shared'));
    writeFileSync(join(ok, 'shared/x.hbs'), 'x');
    symlinkSync(join(ok, 'shared'), join(ok, 'kpis/linked'));
    expect((await runInProcess(['validate'], ok)).code).toBe(0);
  });

  it.each([
    ['a template that links out', (dir: string) => symlinkSync(join(outside, 'secret.hbs'), join(dir, 'templates/paper.html.hbs'))],
    ['a partial that links out', (dir: string) => symlinkSync(join(outside, 'secret.hbs'), join(dir, 'templates/partials/styles.hbs'))],
    ['a template that loops', (dir: string) => symlinkSync(join(dir, 'templates/paper.html.hbs'), join(dir, 'templates/paper.html.hbs'))],
  ])('templates: %s never reaches a paper', async (_what, make) => {
    const dir = workspace();
    mkdirSync(join(dir, 'templates/partials'), { recursive: true });
    make(dir);
    const r = await runInProcess(['report', '2025-26-Q3', '--out', 'out', '--draft'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/.*: (this link leads outside the workspace|this link points to something that does not exist, or loops)/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('templates: a templates folder that is itself a link out is refused', async () => {
    const dir = workspace();
    symlinkSync(outside, join(dir, 'templates'));
    const r = await runInProcess(['report', '2025-26-Q3', '--out', 'out', '--draft'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(OUT);
  });

  it('manifests: a manifest, or a paper it lists, outside the workspace is refused', async () => {
    const dir = workspace();
    writeFileSync(join(outside, 'manifest.json'), '{}');
    symlinkSync(join(outside, 'manifest.json'), join(dir, 'manifest.json'));
    const r = await runInProcess(['verify', 'manifest.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(OUT);
  });
});

describe('the link rule for writers', () => {
  it.each([
    ['report', ['report', '2025-26-Q3', '--draft', '--out']],
    ['collect', ['collect', '2026-01', '--out']],
  ])('%s --out through a link into the dictionary or data is refused, as the folder itself is', async (_what, argv) => {
    for (const kept of ['kpis', 'data/outturns']) {
      const dir = workspace();
      symlinkSync(join(dir, kept), join(dir, 'published'));
      const before = readdirSync(join(dir, kept)).sort();
      const r = await runInProcess([...argv, 'published'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/may not be written into or over the (kpis|outturns) folder .*through a link/);
      expect(readdirSync(join(dir, kept)).sort()).toEqual(before);
    }
  });

  it('--out through a link loop is refused; --out onto a file says so', async () => {
    const dir = workspace();
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    const r = await runInProcess(['collect', '2026-01', '--out', 'loop'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(LOOP);
    writeFileSync(join(dir, 'afile'), 'x');
    const f = await runInProcess(['report', '2025-26-Q3', '--draft', '--out', 'afile'], dir);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/^prf: --out \S*afile: that is a file; give a folder for the papers, e.g. reports\/2025-26-Q3\n$/);
  });

  it('--out into a linked folder inside the workspace (not the dictionary) is written', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'real-out'));
    symlinkSync(join(dir, 'real-out'), join(dir, 'published'));
    const r = await runInProcess(['collect', '2026-01', '--out', 'published'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'real-out'))).toEqual(['2026-01-repairs-analyst.xlsx']);
  });

  it('prf new into a dictionary sub-folder that links out is refused', async () => {
    const dir = workspace();
    mkdirSync(join(outside, 'sub'), { recursive: true });
    symlinkSync(join(outside, 'sub'), join(dir, 'kpis/sub'));
    const r = await runInProcess(['new', 'HC-09', '--folder', 'kpis/sub'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(OUT);
    expect(readdirSync(join(outside, 'sub'))).toEqual([]);
  });
});
