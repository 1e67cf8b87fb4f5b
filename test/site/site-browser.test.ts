/**
 * The demo site in real headless Chromium: every page at the front (and an archived quarter's home
 * and a KPI page) in a narrow window (asked for 320 px; the
 * browser gives about 485) and one page of each kind at 1280 px has no axe violations under the
 * WCAG 2.2 A/AA rules and best practice, and no page in the narrow window scrolls sideways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, describeViolations, testBrowser, type AxeResult } from '../helpers/browser.js';
import type { GitFixture } from '../history/git-fixture.js';
import { runInProcess } from '../helpers/run.js';
import { publishedDemo, readTree } from './published-site.js';

const WCAG22_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const browser = testBrowser();
if (!browser) console.warn('site-browser.test.ts: skipping: no chromium or chrome on PATH and PRF_BROWSER unset');

describe.runIf(browser)('the demo site in headless Chromium', () => {
  let repo: GitFixture;
  const out = mkdtempSync(join(tmpdir(), 'prf-site-browser-'));
  let narrow: Record<string, AxeResult> = {};
  let wide: Record<string, AxeResult> = {};
  let names: string[] = [];

  beforeAll(async () => {
    repo = await publishedDemo();
    const r = await runInProcess(['site', '--out', out], repo.dir);
    if (r.code !== 0) throw new Error(`prf site failed: ${r.stderr}`);
    // An archived quarter's pages are the front's, from the same templates, with a banner and
    // other link depths: its home and one KPI page stand for them, beside every front page.
    const all = Object.entries(readTree(out)).filter(([f]) => f.endsWith('.html'));
    const archivedKpi = all.find(([f]) => /^archive\/[^/]+\/kpi\//.test(f))?.[0];
    const pages = Object.fromEntries(
      all.filter(([f]) => !f.startsWith('archive/') || f === 'archive/index.html' || /^archive\/[^/]+\/index\.html$/.test(f) || f === archivedKpi),
    );
    names = Object.keys(pages).sort();
    narrow = await checkAccessibility(browser!, pages, 2, { width: 320, tags: WCAG22_TAGS });
    // At desktop width, one page of each kind: the layout differs by template, not by KPI.
    const kinds = names.filter((n, i) => (!n.startsWith('kpi/') && !n.startsWith('archive/20')) || names.findIndex((m) => m.startsWith('kpi/')) === i);
    const firstPriority = names.find((n) => n.startsWith('priority/'));
    const sample = Object.fromEntries(kinds.filter((n) => !n.startsWith('priority/') || n === firstPriority).map((n) => [n, pages[n]!]));
    wide = await checkAccessibility(browser!, sample, 2, { width: 1280, tags: WCAG22_TAGS });
  }, 1_500_000);

  afterAll(() => {
    repo.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('checks every page of the site', () => {
    expect(names).toEqual(
      expect.arrayContaining(['index.html', 'how-we-measure.html', 'accessibility.html', 'archive/index.html', 'archive/2025-26-Q1/index.html']),
    );
    expect(names.some((n) => /^archive\/2025-26-Q1\/kpi\//.test(n))).toBe(true);
    expect(names.filter((n) => n.startsWith('kpi/')).length).toBeGreaterThan(5);
  });

  it('has no axe violations on any page at 320 px, nor on a page of each kind at 1280 px', () => {
    const found = [
      ...names.flatMap((n) => describeViolations(narrow[n]!).map((v) => `${n} at 320 px: ${v}`)),
      ...Object.keys(wide).flatMap((n) => describeViolations(wide[n]!).map((v) => `${n} at 1280 px: ${v}`)),
    ];
    expect(Object.keys(wide).length).toBeGreaterThanOrEqual(5);
    expect(found).toEqual([]);
    for (const n of names) expect(narrow[n]!.passes, n).toBeGreaterThan(10);
  });

  it('never scrolls sideways in the narrowest window the browser gives (asked for 320 px)', () => {
    const wider = names
      .filter((n) => narrow[n]!.scrollWidth > narrow[n]!.clientWidth)
      .map((n) => `${n}: ${narrow[n]!.scrollWidth} > ${narrow[n]!.clientWidth}`);
    expect(wider).toEqual([]);
    // Headless Chromium's --dump-dom keeps a window some 485 px wide whatever --window-size asks,
    // so this proves the narrow (under 40rem) layout holds, not 320 px itself: the 320 px check
    // is done by screenshot (docs/guide/site.md). The window really was narrow, so this means something.
    expect(narrow['index.html']!.clientWidth).toBeLessThan(640);
  });
});
