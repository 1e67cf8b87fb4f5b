import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'prf-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const outDir = () => join(scratch, `out-${++n}`);

/** A copy of the demo workspace (dictionary, data, config) to change without touching the repo. */
function demoCopy(): string {
  const dir = join(scratch, `ws-${++n}`);
  mkdirSync(dir);
  for (const entry of ['prf.yaml', 'kpis', 'data']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  return dir;
}

const readAll = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.endsWith('.xlsx'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('prf report on the demo workspace', () => {
  it('refuses to write an incomplete paper, naming each gap and who must act (exit 1)', () => {
    const out = outDir();
    // The demo's gaps are all in Q2 (see src/tools/demo-data/plan.ts).
    const r = runBinary(['report', '2025-26-Q2', '--format', 'html,md', '--out', out], REPO);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/would go out incomplete; nothing was written/);
    expect(r.stderr).toMatch(
      /^ {2}HC-AM-02 {2}the figure for 2025-09 awaits sign-off by the data reviewer; to act: Responsive Repairs Manager \(data reviewer\)$/m,
    );
    expect(r.stderr).toMatch(/^ {2}TSM-BS03 {2}a red status needs an exception report.*; to act: .*\(head of service\)$/m);
    expect(r.stderr).toMatch(/^ {2}SP-RS-02 {2}no figure for 2025-09.*\(data collector\)$/m);
    expect(r.stderr).toMatch(/--draft/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes complete papers for the current quarter, with no DRAFT mark', () => {
    const out = outDir();
    const r = runBinary(['report', 'q3', '--format', 'html,md', '--out', out], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/q3 is 2025-26-Q3/);
    for (const [name, text] of Object.entries(readAll(out))) expect(text, name).not.toContain('DRAFT');
  });

  it('with --draft writes every paper of an incomplete quarter marked DRAFT, and says what it wrote', () => {
    const out = outDir();
    const r = runBinary(['report', '2025-26-Q2', '--draft', '--format', 'html,md', '--out', out], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^DRAFT: 5 gaps remain; wrote 14 files for 2025-26-Q2:/);
    const files = readAll(out);
    expect(Object.keys(files).sort()).toEqual(
      ['finance-resources-osc', 'housing-communities-osc', 'strategic-planning-environment-osc']
        .flatMap((c) => [`${c}-exceptions.html`, `${c}-exceptions.md`, `${c}.html`, `${c}.md`])
        .concat(['index.html', 'index.md'])
        .sort(),
    );
    for (const [name, text] of Object.entries(files)) expect(text, name).toContain('DRAFT');
    for (const name of Object.keys(files)) expect(r.stdout).toContain(name);
  });

  it('gives byte-identical papers from the same inputs', () => {
    const a = outDir();
    const b = outDir();
    expect(runBinary(['report', '2025-26-Q3', '--draft', '--format', 'html,md', '--out', a], REPO).code).toBe(0);
    expect(runBinary(['report', '2025-26-Q3', '--draft', '--format', 'html,md', '--out', b], REPO).code).toBe(0);
    expect(readAll(a)).toEqual(readAll(b));
  });

  it('prints the date only when given one', () => {
    const out = outDir();
    expect(runBinary(['report', '2025-26-Q3', '--draft', '--format', 'md', '--date', '2026-03-12', '--out', out], REPO).code).toBe(0);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('2026-03-12');
    expect(readAll(out)['index.md']).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it.each([
    ['an unknown format', ['--format', 'html,doc'], /--format html,doc: choose from html, md, xlsx, pdf/],
    ['an unknown committee', ['--committee', 'planning'], /--committee planning: no such committee.*housing-communities-osc/],
    ['an impossible date', ['--date', '2026-02-30'], /--date 2026-02-30: give a real date/],
    ['output into the dictionary', ['--out', 'kpis/papers'], /may not be written into or over the kpis folder/],
    ['output over the data', ['--out', '.'], /that is the workspace itself/],
    ["output among git's own files", ['--out', '.git/papers'], /\.git\/papers: that is inside git's own folder \(\.git\)/],
    ['an impossible period', ['2025-26-Q5'], /2025-26-Q5/],
  ])('refuses %s (exit 2)', async (_name, args, message) => {
    const r = await runInProcess(['report', '--draft', ...args], REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('prf report templates', () => {
  it('uses a workspace template in place of the default of the same name', async () => {
    const ws = demoCopy();
    mkdirSync(join(ws, 'templates'));
    writeFileSync(join(ws, 'templates', 'index.md.hbs'), 'Custom index for {{organisation}}: {{counts.total}} indicators\n');
    const out = outDir();
    const r = await runInProcess(['report', '2025-26-Q3', '--draft', '--format', 'md', '--out', out], ws);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe('Custom index for Demo Borough Council: 102 indicators\n');
    // The other papers still come from the defaults.
    expect(readFileSync(join(out, 'housing-communities-osc.md'), 'utf8')).toContain('## 6. Performance dashboard');
  });

  it('names the template and the missing partial, and keeps the previous papers', async () => {
    const ws = demoCopy();
    const out = outDir();
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'previous paper');
    mkdirSync(join(ws, 'templates'));
    writeFileSync(join(ws, 'templates', 'paper.html.hbs'), '<p>{{> signature}}</p>\n');
    const r = await runInProcess(['report', '2025-26-Q3', '--draft', '--format', 'html', '--out', out], ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/paper\.html\.hbs: .*signature.*add partials\/signature\.hbs/);
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous paper');
  });

  it('escapes user text in HTML and Markdown', async () => {
    const ws = demoCopy();
    const file = join(ws, 'data/commentary/2025-26-Q3.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const first = (doc.get('kpis') as YAMLMap).items[0]!.key as Scalar<string>;
    doc.setIn(['kpis', first.value, 'overview'], '<script>alert(1)</script> | *not bold* [link](http://x) =HYPERLINK(1)');
    writeFileSync(file, doc.toString());
    const out = outDir();
    const r = await runInProcess(['report', '2025-26-Q3', '--draft', '--format', 'html,md', '--out', out], ws);
    expect(r.code, r.stderr).toBe(0);
    const html = Object.entries(readAll(out))
      .filter(([f]) => f.endsWith('.html'))
      .map(([, t]) => t)
      .join('\n');
    const md = Object.entries(readAll(out))
      .filter(([f]) => f.endsWith('.md'))
      .map(([, t]) => t)
      .join('\n');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\| \\*not bold\\* \\[link\\](http://x)');
    expect(md).not.toContain('<script>alert');
  });
});

describe('prf templates copy', () => {
  it('copies the defaults once and never overwrites an edited copy without --force', async () => {
    const ws = demoCopy();
    const first = await runInProcess(['templates', 'copy', 'paper.html'], ws);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/copied +templates\/paper\.html\.hbs/);
    writeFileSync(join(ws, 'templates/paper.html.hbs'), 'edited');
    const again = await runInProcess(['templates', 'copy', 'paper.html'], ws);
    expect(again.stdout).toMatch(/kept +templates\/paper\.html\.hbs/);
    expect(readFileSync(join(ws, 'templates/paper.html.hbs'), 'utf8')).toBe('edited');
    const listed = await runInProcess(['templates', 'list'], ws);
    expect(listed.stdout).toMatch(/^paper\.html +templates\/paper\.html\.hbs$/m);
    expect(listed.stdout).toMatch(/^index\.html +default$/m);
  });

  it('refuses a template that does not exist (exit 2)', async () => {
    const r = await runInProcess(['templates', 'copy', 'papr.html'], demoCopy());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no default template papr\.html\.hbs; the templates are .*paper\.html/);
  });
});
