import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstControl, isolateBidi, terminalSafe } from '../../src/text/controls.js';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';
import { throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace } = throwawayWorkspaces();
const setName = (dir: string, yamlName: string) => {
  const file = join(dir, 'kpis/HC-01.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('name: Percentage of repairs completed at first visit', `name: ${yamlName}`));
};

describe('the text rule', () => {
  it.each([
    ['ESC (erase line, fake row)', String.raw`"Repairs\e[2K\rALL GREEN"`, 'U+001B'],
    ['BEL', String.raw`"Repairs\a"`, 'U+0007'],
    ['NUL', String.raw`"Repairs\0"`, 'U+0000'],
    ['CR', String.raw`"Repairs\rfake"`, 'U+000D'],
    ['C1 CSI', String.raw`"Repairs\x9b2K"`, 'U+009B'],
    ['OSC window title', String.raw`"\e]0;pwned\a"`, 'U+001B'],
  ])('refuses %s in a KPI name with a located diagnostic', async (_what, yamlName, code) => {
    const dir = workspace();
    setName(dir, yamlName);
    const r = await runInProcess(['validate', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics.filter((x: { code: string }) => x.code === 'text-control-character');
    expect(d).toMatchObject([{ file: 'kpis/HC-01.yaml', line: 2, column: 7, severity: 'error', code: 'text-control-character' }]);
    expect(d[0].message).toContain(code);
  });

  it('accepts tabs and line breaks in text, and direction marks in names', async () => {
    const dir = workspace();
    setName(dir, String.raw`"Repairs\tat first\nvisit \u202Bעברית\u202C"`);
    const r = await runInProcess(['validate'], dir);
    expect(r.stdout).not.toContain('text-control-character');
  });

  it('refuses control characters in commentary and prf.yaml too', async () => {
    const dir = workspace();
    const c = join(dir, 'data/commentary/2025-26-Q3.yaml');
    writeFileSync(
      c,
      readFileSync(c, 'utf8').replace('overview: Performance recovered in December after a new scheduling system.', 'overview: "Performance\\e[31m recovered"'),
    );
    const p = join(dir, 'prf.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('organisation: Fixture Council', 'organisation: "Fixture\\x07 Council"'));
    const r = await runInProcess(['validate', '--format', 'json'], dir);
    const files = JSON.parse(r.stdout)
      .diagnostics.filter((x: { code: string }) => x.code === 'text-control-character')
      .map((x: { file: string; line: number }) => `${x.file}:${x.line}`);
    expect(files).toEqual(['data/commentary/2025-26-Q3.yaml:4', 'prf.yaml:1']);
  });

  it('escapes control characters in anything written to the terminal, keeping colour', async () => {
    expect(terminalSafe('a\u001b[2K\rb\u0007c\u009b\td\n', false)).toBe('a\\u001b[2K\\u000db\\u0007c\\u009b\td\n');
    expect(terminalSafe('\u001b[31mred\u001b[39m', true)).toBe('\u001b[31mred\u001b[39m');
    expect(terminalSafe('\u001b]0;title\u0007', true)).toBe('\\u001b]0;title\\u0007');
    // JSON stays JSON: a DEL inside a string becomes a valid escape.
    expect(JSON.parse(terminalSafe(JSON.stringify({ name: 'a\u007fb' }), true))).toEqual({ name: 'a\u007fb' });
    expect(firstControl('tab\tand\nline')).toBeNull();
    // An argument echoed back in a message (an unknown period) reaches the terminal escaped.
    const r = runBinary(['status', '2025-26-Q9\u001b[2K\u0007'], REPO);
    expect(r.code).toBe(2);
    expect(firstControl(r.stderr)).toBeNull();
    expect(r.stderr).toContain('\\u001b[2K\\u0007');
  });

  it('isolates direction controls (FSI...PDI, the text form of <bdi>) and leaves other text as it was', () => {
    expect(isolateBidi('plain')).toBe('plain');
    expect(isolateBidi('\u202Egnp.exe')).toBe('\u2068\u202Egnp.exe\u2069');
  });

  it('isolates a right-to-left override in the papers, and long words wrap', async () => {
    const dir = workspace();
    setName(dir, String.raw`"Repairs \u202Eerised\u202C at first visit"`);
    const r = await runInProcess(['report', '2025-26-Q3', '--format', 'html,md', '--out', 'out', '--draft'], dir);
    expect(r.stderr).not.toMatch(/internal error/);
    const html = readFileSync(join(dir, 'out/housing-osc.html'), 'utf8');
    expect(html).toContain('\u2068Repairs \u202Eerised\u202C at first visit\u2069');
    expect(html).not.toMatch(/[^\u2068]Repairs \u202E/);
    expect(readFileSync(join(dir, 'out/housing-osc.md'), 'utf8')).toContain('\u2068Repairs \u202Eerised\u202C at first visit\u2069');
    expect(html).toMatch(/body \{[^}]*overflow-wrap: anywhere/);
  });
});
