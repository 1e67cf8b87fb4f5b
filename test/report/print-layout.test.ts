/**
 * Papers must hold their shape on paper and on screen: no table or text wider than its page.
 * Checked in the real browser that prints the PDFs, for the demo and for a KPI whose name and
 * commentary run to 400 characters (with one long unbroken word): in print, by reading every
 * word's position off the printed PDF (pdftotext -bbox) and checking it lies inside the page's
 * margins; on screen, at 1280 px, by asking the page for any element wider than its column.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInPages, testBrowser } from '../helpers/browser.js';
import { REPO, runInProcess } from '../helpers/run.js';

const browser = testBrowser();
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error ? null : 'pdftotext';
if (!browser || !pdftotext) console.warn('print-layout.test.ts: skipping: needs chromium (or PRF_BROWSER) and pdftotext (poppler-utils)');

const LONG_WORD = 'https://www.demo.gov.uk/performance/housing/lettings/satisfaction-survey-methodology-2025';
const long = (start: string) => {
  const filler = ' and the council will report the figure each quarter with the survey results for every new tenancy';
  let s = `${start} ${LONG_WORD}`;
  while (s.length < 400) s += filler;
  return s.slice(0, 400).trimEnd();
};

/** A copy of the demo workspace: its config, dictionary, data and templates. */
function demoWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'prf-layout-'));
  for (const entry of ['prf.yaml', 'kpis', 'data', 'templates']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The demo workspace with HC-AM-08's name and Q3 overview 400 characters long. */
function longWorkspace() {
  const ws = demoWorkspace();
  const kpiFile = join(ws.dir, 'kpis/housing-communities/asset-management/HC-AM-08.yaml');
  const kpi = readFileSync(kpiFile, 'utf8');
  writeFileSync(kpiFile, kpi.replace(/^name: .*$/m, `name: ${JSON.stringify(long('Percentage of respondents satisfied with the overall lettings process'))}`));
  const commentaryFile = join(ws.dir, 'data/commentary/2025-26-Q3.yaml');
  const commentary = readFileSync(commentaryFile, 'utf8');
  const overview = /( {2}HC-AM-08:\n {4}overview: )[\s\S]*?(\n {4}actions:)/;
  expect(commentary).toMatch(overview);
  writeFileSync(commentaryFile, commentary.replace(overview, `$1${JSON.stringify(long('Satisfaction was 56.7% in Q3.'))}$2`));
  return ws;
}

interface Word {
  page: number;
  width: number;
  xMin: number;
  xMax: number;
  text: string;
}

/** Every word of a PDF with its page's width, from pdftotext's bounding-box output. */
function pdfWords(file: string): Word[] {
  const r = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr}`);
  const words: Word[] = [];
  let page = 0;
  let width = 0;
  for (const line of r.stdout.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      width = Number(p[1]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (w) words.push({ page, width, xMin: Number(w[1]), xMax: Number(w[2]), text: w[3]! });
  }
  return words;
}

// The page margin in the print styles (14 mm) in points, less a point for rounding.
const MARGIN = (14 / 25.4) * 72 - 1;

/** Any element, in a paper's main column, whose right edge passes the column's or the window's. */
const OVERFLOW_SCRIPT = `
(function () {
  var main = document.querySelector('main');
  var limit = Math.min(main.getBoundingClientRect().right, document.documentElement.clientWidth) + 1;
  var out = [];
  main.querySelectorAll('*').forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ends at ' + Math.round(r.right) + ' px, past ' + Math.round(limit) + ': ' + (el.textContent || '').slice(0, 60));
  });
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px');
  var pre = document.createElement('pre');
  pre.id = 'page-result';
  pre.textContent = encodeURIComponent(JSON.stringify(out.slice(0, 20)));
  document.body.appendChild(pre);
})();
`;

describe.runIf(browser && pdftotext)('papers fit their pages', () => {
  const cases = [
    { name: 'the demo', workspace: demoWorkspace },
    { name: 'a 400-character KPI name and commentary', workspace: longWorkspace },
  ];
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it.each(cases)(
    '$name: nothing in the PDF or at 1280 px runs past its page',
    async ({ workspace }) => {
      const ws = workspace();
      cleanups.push(ws.cleanup);
      const out = join(ws.dir, 'out');
      const r = await runInProcess(
        ['report', '2025-26-Q3', '--draft', '--committee', 'housing-communities-osc', '--format', 'html,pdf', '--out', out],
        ws.dir,
        {
          PRF_BROWSER: browser!,
        },
      );
      expect(r.code, r.stderr).toBe(0);
      const files = readdirSync(out).sort();
      const pdfs = files.filter((f) => f.endsWith('.pdf'));
      expect(pdfs.length).toBe(3);
      for (const f of pdfs) {
        const words = pdfWords(join(out, f));
        expect(words.length, f).toBeGreaterThan(50);
        const outside = words
          .filter((w) => w.xMin < MARGIN || w.xMax > w.width - MARGIN)
          .map((w) => `${f} page ${w.page}: "${w.text}" at ${w.xMin}-${w.xMax} of ${w.width}`);
        expect(outside, outside.join('\n')).toEqual([]);
      }
      // Chromium drops what lies wholly past the page edge, so the dashboard's last column is counted too.
      const html = readFileSync(join(out, 'housing-communities-osc.html'), 'utf8');
      const lastColumn = html.match(/<td>(System|Manual|Project)<\/td>/g)?.length ?? 0;
      expect(lastColumn).toBe(64);
      const printed = pdfWords(join(out, 'housing-communities-osc.pdf')).filter((w) => /^(System|Manual|Project)$/.test(w.text)).length;
      expect(printed).toBe(lastColumn);
      // Every printed page carries the reference and its number.
      for (const f of pdfs) {
        const text = spawnSync('pdftotext', ['-layout', join(out, f), '-'], { encoding: 'utf8' }).stdout;
        const pages = text.split('\f').filter((p) => p.trim() !== '');
        pages.forEach((p, i) => {
          expect(p, `${f} page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
          expect(p, `${f} page ${i + 1}`).toMatch(/HCOSC-PERF-2025-26-Q3|performance reports · 2025-26-Q3/);
        });
      }
      // The dashboard is printed on landscape pages, the covering report on portrait ones.
      const widths = new Set(pdfWords(join(out, 'housing-communities-osc.pdf')).map((w) => Math.round(w.width)));
      expect([...widths].sort()).toEqual([595, 842]);
      const pages = Object.fromEntries(files.filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
      const results = await runInPages(browser!, pages, OVERFLOW_SCRIPT, 1280);
      expect(Object.keys(results)).toHaveLength(3);
      for (const [name, text] of Object.entries(results)) {
        const problems = JSON.parse(text) as string[];
        expect(problems, `${name}:\n${problems.join('\n')}`).toEqual([]);
      }
    },
    300_000,
  );

  it('the long name and commentary are printed whole, not cut off', async () => {
    const ws = longWorkspace();
    cleanups.push(ws.cleanup);
    const out = join(ws.dir, 'out');
    const r = await runInProcess(['report', '2025-26-Q3', '--draft', '--committee', 'housing-communities-osc', '--format', 'html', '--out', out], ws.dir);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'housing-communities-osc-exceptions.html'), 'utf8');
    expect(html).toContain(LONG_WORD);
    expect(html).toContain(long('Satisfaction was 56.7% in Q3.'));
  });
});
