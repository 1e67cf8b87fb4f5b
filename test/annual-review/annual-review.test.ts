/**
 * `prf report 2025-26`: a year gives the annual strategic review (HTML, Markdown, PDF) instead of
 * committee papers: the year so far by priority against the annual targets, the 70% result, the
 * year's achievements and case studies, what improved and what did not, next year's targets;
 * from templates a workspace can override; byte-identical on a rerun.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, describeViolations, testBrowser } from '../helpers/browser.js';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'prf-annual-'));
let ws: string;
let html = '';
let md = '';

function demoCopy(name: string): string {
  const dir = join(scratch, name);
  for (const entry of ['prf.yaml', 'kpis', 'data']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  return dir;
}

beforeAll(async () => {
  ws = demoCopy('demo');
  const r = await runInProcess(['report', '2025-26', '--format', 'html,md'], ws);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('wrote the annual review 2025-26 (the year so far, through 2025-26-Q3)');
  html = readFileSync(join(ws, 'reports', '2025-26-annual-review', 'annual-review.html'), 'utf8');
  md = readFileSync(join(ws, 'reports', '2025-26-annual-review', 'annual-review.md'), 'utf8');
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('prf report YEAR: the annual strategic review', () => {
  it('writes the review, not committee papers, to reports/<year>-annual-review/, apart from the year’s committee papers', () => {
    expect(readdirSync(join(ws, 'reports', '2025-26-annual-review')).sort()).toEqual(['annual-review.html', 'annual-review.md']);
    expect(html).toContain('<h1>Annual strategic review 2025-26</h1>');
    expect(html).toContain('Financial year 2025-26 (April 2025 to March 2026)');
    // The year's Q4 figures are not in: the review says the figures are the year so far.
    expect(html).toContain('The final (Q4) figures for the year are not in yet: the figures shown are the latest, for 2025-26-Q3');
    // A grey (no target, or no figure yet) is never counted as met: the committee papers keep it apart too.
    expect(html).toContain(
      '51 met their target (green), 8 were close to it (amber) and 9 were off target (red). 7 had no target or no figure yet (grey), so are not counted as met.',
    );
    expect(html).not.toContain('on target or close to it');
  });

  it('gives the 70% result as prf improvement computes it', async () => {
    const r = await runInProcess(['improvement', '2025-26', '--format', 'json'], ws);
    const imp = JSON.parse(r.stdout) as { improved: number; declined: number; unchanged: number; share: number; met: boolean; moreNeeded: number };
    const comparable = imp.improved + imp.declined + imp.unchanged;
    expect(html).toContain(`${imp.improved} of ${comparable} comparable indicators improved on last year (${Math.round(imp.share * 100)}%). Our aim is 70%:`);
    expect(html).toContain(imp.met ? 'we met it.' : `we did not meet it; ${imp.moreNeeded} more would have needed to improve.`);
    expect(md).toContain(`**${imp.improved} of ${comparable} comparable indicators improved on last year`);
  });

  it("lists the year's achievements and case studies from every quarter's commentary", () => {
    // Q1's case study and Q3's, in order; achievements of Q1, Q2 and Q3.
    expect(html.indexOf('Saturday sessions at the adventure playgrounds')).toBeGreaterThan(0);
    expect(html.indexOf('Saturday sessions at the adventure playgrounds')).toBeLessThan(html.indexOf('Empty homes let faster'));
    expect(html).toContain('empty council homes are made ready and let in 39.17 days on average');
    for (const q of ['2025-26-Q1', '2025-26-Q2', '2025-26-Q3']) expect(html).toMatch(new RegExp(`<li><strong>[^<]+</strong> \\(${q}\\): `));
    expect(md).toContain('### Empty homes let faster');
  });

  it('shows each priority with its indicators, figure, target and annual target, status in words', () => {
    expect(html).toContain('<h3>Providing good quality affordable homes, in particular for those most in need</h3>');
    expect(html).toMatch(
      /<tr><th scope="row">Average re-let time in days \(all re-lets, including time spent in works\)<\/th><td data-label="Status"><span class="badge badge-green"><span aria-hidden="true">✔<\/span> Green<\/span><\/td><td class="num" data-label="Figure">39\.17 days<\/td><td class="num" data-label="Target">40\.00 days<\/td><td class="num" data-label="Annual target">40\.00 days<\/td><\/tr>/,
    );
    expect(md).toContain('| Average re-let time in days (all re-lets, including time spent in works) | ✔ Green | 39.17 days | 40.00 days | 40.00 days |');
  });

  it('says what improved and what did not, with both years’ figures', () => {
    const improved = html.slice(html.indexOf('<h3>What improved</h3>'), html.indexOf('<h3>What did not improve</h3>'));
    expect(improved).toContain(
      '<li><strong>Average re-let time in days (all re-lets, including time spent in works)</strong>: 42.73 days, against 48.46 days a year earlier</li>',
    );
    const declined = html.slice(html.indexOf('<h3>What did not improve</h3>'), html.indexOf("<h2>Next year's targets</h2>"));
    expect(declined).toMatch(/<li><strong>[^<]+<\/strong>: [^<]+, against [^<]+ a year earlier<\/li>/);
  });

  it("gives next year's targets where set, beside this year's", () => {
    const next = html.slice(html.indexOf("<h2>Next year's targets</h2>"));
    expect(next).toContain("<caption>Targets set for 2026-27, beside this year's</caption>");
    expect(next).toMatch(
      /<tr><th scope="row">Average re-let time in days[^<]*<\/th><td class="num" data-label="2025-26">40\.00 days<\/td><td class="num" data-label="2026-27">[^<]+<\/td><\/tr>/,
    );
  });

  it('is byte-identical on a rerun', async () => {
    const r = await runInProcess(['report', '2025-26', '--format', 'html,md', '--out', join(scratch, 'again')], ws);
    expect(r.code).toBe(0);
    expect(readFileSync(join(scratch, 'again', 'annual-review.html'), 'utf8')).toBe(html);
    expect(readFileSync(join(scratch, 'again', 'annual-review.md'), 'utf8')).toBe(md);
  });

  it("uses the workspace's own template when it has one", async () => {
    const dir = demoCopy('own-template');
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'annual-review.md.hbs'), '# {{title}} for residents\n\n{{#each caseStudies}}- {{title}}\n{{/each}}');
    const r = await runInProcess(['report', '2025-26', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'reports', '2025-26-annual-review', 'annual-review.md'), 'utf8')).toBe(
      '# Annual strategic review 2025-26 for residents\n\n- Saturday sessions at the adventure playgrounds\n- Empty homes let faster\n',
    );
  });

  it("gives the year's committee papers instead with --papers", async () => {
    const r = await runInProcess(['report', '2025-26', '--papers', '--draft', '--format', 'md', '--out', join(scratch, 'papers')], ws);
    expect(r.code).toBe(0);
    const files = readdirSync(join(scratch, 'papers'));
    expect(files).toContain('index.md');
    expect(files).not.toContain('annual-review.md');
  });

  it('refuses a committee, and a year with no figures, saying what to do', async () => {
    const c = await runInProcess(['report', '2025-26', '--committee', 'housing-communities-osc'], ws);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('the annual review 2025-26 covers every committee');
    const none = await runInProcess(['report', '2030-31', '--out', join(scratch, 'none')], ws);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('there are no figures for 2030-31 yet, so there is nothing to review');
    const xlsx = await runInProcess(['report', '2025-26', '--format', 'md,xlsx', '--out', join(scratch, 'x')], ws);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).toContain('the annual review is written as html, md and pdf; xlsx left out');
  });
});

const browser = testBrowser();
describe.runIf(browser)('the annual review in headless Chromium', () => {
  it('has no axe violations (WCAG 2.2 A/AA) narrow or wide, does not scroll sideways, and prints to PDF', async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const narrow = await checkAccessibility(browser!, { 'annual-review.html': html }, 1, { width: 320, tags });
    const wide = await checkAccessibility(browser!, { 'annual-review.html': html }, 1, { width: 1280, tags });
    expect([...describeViolations(narrow['annual-review.html']!), ...describeViolations(wide['annual-review.html']!)]).toEqual([]);
    expect(narrow['annual-review.html']!.scrollWidth).toBeLessThanOrEqual(narrow['annual-review.html']!.clientWidth);
    expect(narrow['annual-review.html']!.passes).toBeGreaterThan(10);
    const out = join(scratch, 'pdf');
    const r = runBinary(['report', '2025-26', '--format', 'html,pdf', '--out', out], ws, { PRF_BROWSER: browser! });
    expect(r.stderr).toBe('');
    expect(readFileSync(join(out, 'annual-review.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 600_000);
});
