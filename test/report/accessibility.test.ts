/**
 * UK public bodies must publish accessible documents, so the demo's HTML papers are checked two
 * ways: axe-core (WCAG 2.1 A/AA and best practice) in real headless Chromium, and, with no
 * browser at all, the structure a screen reader relies on (language, headings, table headers,
 * status in words, labelled charts), so those hold even where no browser is installed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABEL } from '../../src/views/labels.js';
import type { Status } from '../../src/core/ragg.js';
import { checkAccessibility, describeViolations, testBrowser, type AxeResult } from '../helpers/browser.js';
import { REPO, runInProcess } from '../helpers/run.js';

const out = mkdtempSync(join(tmpdir(), 'prf-a11y-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// Rendered at collection time so every paper gets its own named test.
const rendered = await runInProcess(['report', '2025-26-Q3', '--draft', '--format', 'html', '--out', out], REPO);
if (rendered.code !== 0) throw new Error(`prf report failed (exit ${rendered.code}): ${rendered.stderr}`);
const pages: Record<string, string> = Object.fromEntries(
  readdirSync(out)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => [f, readFileSync(join(out, f), 'utf8')]),
);
const names = Object.keys(pages);

// ---- a small HTML reader: prf writes its own markup, so tags, attributes and nesting suffice ----

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Array<El | string>;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function parseHtml(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  // Style and script bodies are not markup; comments and the doctype carry nothing to check.
  const body = html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gi, '').replace(/<!--[\s\S]*?-->|<!doctype[^>]*>/gi, '');
  const token = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+|</g;
  for (const m of body.matchAll(token)) {
    const top = stack.at(-1)!;
    if (m[2] === undefined) {
      top.children.push(m[0]);
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      // Close the nearest open element of this name (HTML lets some end tags be implied).
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    const el: El = { tag, attrs, children: [] };
    top.children.push(el);
    if (!VOID.has(tag) && !m[4]) stack.push(el);
  }
  return root;
}

function all(el: El, test: (e: El) => boolean, found: El[] = []): El[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (test(c)) found.push(c);
    all(c, test, found);
  }
  return found;
}

const byTag = (el: El, ...tags: string[]) => all(el, (e) => tags.includes(e.tag));
const elements = (el: El) => el.children.filter((c): c is El => typeof c !== 'string');
const textOf = (el: El | string): string => (typeof el === 'string' ? el : el.children.map(textOf).join('')).replace(/\s+/g, ' ');
const classes = (el: El) => (el.attrs.class ?? '').split(/\s+/).filter(Boolean);

const trees = Object.fromEntries(names.map((n) => [n, parseHtml(pages[n]!)]));

describe('the demo papers without a browser', () => {
  it('renders every paper: a committee paper and exception report per committee, and the index', () => {
    expect(names).toContain('index.html');
    expect(names.filter((n) => n.endsWith('-exceptions.html')).length).toBeGreaterThan(0);
    expect(names.length).toBe(1 + 2 * names.filter((n) => n.endsWith('-exceptions.html')).length);
  });

  describe.each(names)('%s', (name) => {
    const doc = trees[name]!;

    it('declares its language', () => {
      const [html] = byTag(doc, 'html');
      expect(html?.attrs.lang).toMatch(/^[a-z]{2,3}(-[A-Z]{2})?$/);
    });

    it('has one h1, and headings never skip a level', () => {
      const levels = byTag(doc, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6').map((h) => Number(h.tag[1]));
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      expect(levels[0]).toBe(1);
      const skips = levels.flatMap((l, i) => (i > 0 && l > levels[i - 1]! + 1 ? [`h${levels[i - 1]} then h${l}`] : []));
      expect(skips).toEqual([]);
      for (const h of byTag(doc, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')) expect(textOf(h).trim(), h.tag).not.toBe('');
    });

    it('gives every table a caption and every header cell a scope', () => {
      for (const table of byTag(doc, 'table')) {
        const first = elements(table)[0];
        expect(first?.tag, 'the caption is the first thing in a table').toBe('caption');
        expect(textOf(first!).trim()).not.toBe('');
        const headers = byTag(table, 'th');
        expect(headers.length, textOf(first!)).toBeGreaterThan(0);
        for (const th of headers) expect(['col', 'row', 'colgroup', 'rowgroup'], textOf(th)).toContain(th.attrs.scope);
      }
    });

    it('never shows a status by colour alone: each coloured status carries its word and symbol', () => {
      const statuses = Object.keys(STATUS_LABEL) as Status[];
      const coloured = all(doc, (e) => classes(e).some((c) => statuses.some((s) => c.endsWith(`-${s}`))));
      expect(coloured.length).toBeGreaterThan(0);
      for (const el of coloured) {
        const status = statuses.find((s) => classes(el).some((c) => c.endsWith(`-${s}`)))!;
        const text = textOf(el);
        expect(text, `class="${el.attrs.class}"`).toContain(STATUS_LABEL[status].word);
        expect(text, `class="${el.attrs.class}"`).toContain(STATUS_LABEL[status].symbol);
      }
    });

    it('labels every chart as an image with a text alternative', () => {
      const ids = new Map(all(doc, (e) => e.attrs.id !== undefined).map((e) => [e.attrs.id!, e]));
      for (const svg of byTag(doc, 'svg')) {
        expect(svg.attrs.role, svg.attrs.class).toBe('img');
        const label =
          svg.attrs['aria-label'] ??
          (svg.attrs['aria-labelledby'] ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => (ids.has(id) ? textOf(ids.get(id)!) : ''))
            .join(' ');
        expect(label.trim(), `${svg.attrs.class} chart`).not.toBe('');
        if (classes(svg).includes('chart')) expect(byTag(svg, 'title').map(textOf).join('').trim()).not.toBe('');
      }
    });

    it('uses each id once', () => {
      const ids = all(doc, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id!);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });
  });

  it('states the status in words in every dashboard row', () => {
    const words = Object.values(STATUS_LABEL).map((l) => l.word);
    let rows = 0;
    for (const name of names.filter((n) => n !== 'index.html' && !n.endsWith('-exceptions.html'))) {
      for (const table of byTag(trees[name]!, 'table')) {
        const head = byTag(table, 'thead')
          .flatMap((t) => byTag(t, 'th'))
          .map((th) => textOf(th).trim());
        const col = head.findIndex((h) => h.startsWith('Status'));
        if (col < 0) continue;
        for (const tr of byTag(table, 'tbody').flatMap((t) => byTag(t, 'tr'))) {
          const cell = elements(tr)[col]!;
          expect(
            words.some((w) => textOf(cell).includes(w)),
            `${name}: ${textOf(tr)}`,
          ).toBe(true);
          rows++;
        }
      }
    }
    // The demo has a hundred indicators: a dashboard that lost its Status column must not pass vacuously.
    expect(rows).toBeGreaterThan(50);
  });

  it('has the tables and charts the checks above are about', () => {
    // An exception report may have no table, but the papers together must, or the checks prove nothing.
    expect(names.flatMap((n) => byTag(trees[n]!, 'table')).length).toBeGreaterThan(names.length);
    const svgs = names.flatMap((n) => byTag(trees[n]!, 'svg'));
    expect(svgs.filter((s) => classes(s).includes('chart')).length).toBeGreaterThan(0);
    expect(svgs.filter((s) => classes(s).includes('sparkline')).length).toBeGreaterThan(0);
  });
});

const browser = testBrowser();
if (!browser)
  console.warn(
    'accessibility.test.ts: skipping the axe-core checks in a browser: no chromium or chrome on PATH and PRF_BROWSER unset (.ci/run installs chromium)',
  );

describe.runIf(browser)('the demo papers in headless Chromium with axe-core', () => {
  let results: Record<string, AxeResult> = {};
  beforeAll(async () => {
    results = await checkAccessibility(browser!, pages);
  }, 180_000);

  it.each(names)('%s has no WCAG 2.1 A/AA or best-practice violations', (name) => {
    const result = results[name]!;
    expect(result.passes, 'axe ran its rules').toBeGreaterThan(10);
    expect(describeViolations(result)).toEqual([]);
  });

  it('finds violations in a page that has them, so a clean result means something', async () => {
    const broken =
      '<!DOCTYPE html><html><head><title>Broken</title></head><body>' +
      '<img src="chart.png"><p style="color:#bbbbbb;background:#ffffff">Red</p>' +
      '<table><tr><th>Ref</th></tr><tr><td>HC-01</td></tr></table></body></html>';
    const { 'broken.html': result } = await checkAccessibility(browser!, { 'broken.html': broken });
    const ids = result!.violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast', 'landmark-one-main', 'page-has-heading-one']));
  }, 60_000);
});
