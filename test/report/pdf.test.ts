/**
 * PDF is printed from the HTML papers by a headless Chromium when one is installed; when none
 * is, prf must say so plainly and write nothing at all (not even the formats it could write),
 * because a half-written set of papers is worse than none.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testBrowser } from '../helpers/browser.js';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'prf-pdf-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const outDir = () => join(scratch, `out-${++n}`);

const NO_BROWSER = /PDF needs a Chromium or Chrome browser.*PRF_BROWSER.*apt-get install chromium.*leave pdf out of --format/;

const browser = testBrowser();
if (!browser) console.warn('pdf.test.ts: skipping the PDF printing test: no chromium or chrome on PATH and PRF_BROWSER unset (.ci/run installs chromium)');

describe.runIf(browser)('prf report --format pdf with a browser', () => {
  it('prints one A4 PDF beside each HTML paper', () => {
    const out = outDir();
    const r = runBinary(['report', '2025-26-Q3', '--draft', '--format', 'html,pdf', '--out', out], REPO, { PRF_BROWSER: browser! });
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    const html = files.filter((f) => f.endsWith('.html'));
    const pdf = files.filter((f) => f.endsWith('.pdf'));
    expect(html.length).toBeGreaterThan(2);
    expect(pdf).toEqual(html.map((f) => f.replace(/\.html$/, '.pdf')));
    expect(files).toEqual([...html, ...pdf].sort());
    for (const f of pdf) {
      const bytes = readFileSync(join(out, f));
      expect(bytes.subarray(0, 5).toString('latin1'), f).toBe('%PDF-');
      const text = bytes.toString('latin1');
      // A4 is 595 x 842 points; Chromium writes the page boxes uncompressed.
      expect(text, f).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
      expect(text.trimEnd().endsWith('%%EOF'), `${f} is complete`).toBe(true);
      expect(r.stdout).toContain(f);
    }
    // The longest paper runs to several pages: the print styles did not squash it onto one.
    const pages = (f: string) => readFileSync(join(out, f), 'latin1').match(/\/Type ?\/Page\b/g)?.length ?? 0;
    expect(Math.max(...pdf.map(pages))).toBeGreaterThan(1);
  }, 240_000);
});

describe('prf report --format pdf without a browser', () => {
  it('with PRF_BROWSER pointing nowhere, exits 1 with the clear message and writes nothing', async () => {
    const out = outDir();
    const r = await runInProcess(['report', '2025-26-Q3', '--draft', '--format', 'html,md,pdf', '--out', out], REPO, {
      PATH: process.env.PATH,
      PRF_BROWSER: '/nonexistent',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PRF_BROWSER is \/nonexistent, which does not exist: set it to a Chromium or Chrome program.*leave pdf out of --format/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('with no browser on PATH, the real process exits 1 with the clear message and writes nothing', () => {
    const out = outDir();
    // node is run by its full path, so PATH can hold nothing but an empty folder.
    const r = runBinary(['report', '2025-26-Q3', '--draft', '--format', 'pdf', '--out', out], REPO, { PATH: scratch });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(NO_BROWSER);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
