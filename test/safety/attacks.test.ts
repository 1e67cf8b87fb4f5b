import JSZip from 'jszip';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/load/read-table.js';
import { BIN, runBinary } from '../helpers/run.js';
import { spawnBinary, STACK, throwawayWorkspaces } from '../helpers/workspaces.js';

// Failures a fresh attack on the binary found, each fixed; the attack's full list is in
// docs/dev/attack-log.md.
const { make: workspace, also } = throwawayWorkspaces();

describe('named files and folders that are not what they seem', () => {
  it('prf init into a path that is a file: exit 2 with a message (was an internal error)', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'afile'), 'x');
    const r = runBinary(['init', 'afile', '--yes'], dir);
    expect(r.stderr).toBe('prf: afile is a file: give a folder for the new workspace\n');
    expect(r.code).toBe(2);
  });

  it('prf init --package naming a FIFO: exit 2 at once (it used to wait for ever)', () => {
    const dir = workspace();
    execFileSync('mkfifo', [join(dir, 'prf.tgz')]);
    const r = spawnSync(process.execPath, [BIN, 'init', 'council', '--yes', '--package', 'prf.tgz'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('prf: --package prf.tgz: this is a named pipe (FIFO), not a file: prf reads regular files only\n');
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'council'))).toBe(false);
  });

  it('prf adopt dictionary of a 3 GiB list: refused on its size (was an internal error after trying to read it)', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'list.csv'), '');
    truncateSync(join(dir, 'list.csv'), 3 * 1024 ** 3);
    const r = runBinary(['adopt', 'dictionary', 'list.csv'], dir);
    expect(r.stderr).toBe('prf: list.csv: the file is 3221225472 bytes; prf reads files up to 268435456 bytes (256 MiB): split it (one CSV per year, say)\n');
    expect(r.code).toBe(2);
  });

  it('a KPI list or history sheet that would inflate past the limit is refused before exceljs unpacks it (adopt and the history-sheet import skipped the bound)', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const r = await readTable('list.xlsx', bytes, undefined);
    expect(r.diagnostics).toMatchObject([
      {
        code: 'table-unreadable',
        message:
          'this workbook would unpack to 83886080 bytes; a KPI list or history sheet is far smaller (prf reads up to 67108864): save the sheet prf needs as CSV UTF-8 and give that',
      },
    ]);
  });
});

describe('runs at once', () => {
  it('six prf report runs into one folder at once all succeed, leaving whole papers (two used to fail with ENOENT)', async () => {
    for (let trial = 0; trial < 2; trial++) {
      const dir = workspace();
      const runs = await Promise.all(Array.from({ length: 6 }, () => spawnBinary(['report', '2025-26-Q3', '--out', 'papers', '--draft'], dir)));
      for (const r of runs) {
        expect(r.stderr).not.toMatch(STACK);
        // A run that finds another writing says it is waiting (and then runs); nothing else is said.
        // The holder is named once its lock names it: a lock met in the instant it is made is "another prf".
        expect(r.stderr.replace(/^prf: waiting for (prf report \(process .*\)|another prf) to finish changing .* \(up to \d+ seconds\)\n/gm, '')).toBe('');
        expect(r.code).toBe(0);
      }
      const left = readdirSync(join(dir, 'papers'));
      expect(left.filter((f) => f.startsWith('.prf-'))).toEqual([]);
      expect(left).toContain('index.html');
    }
  }, 120_000);
});

describe('text from the command line that is written into the data', () => {
  it.each([
    [
      ['signoff', '2025-26-Q3', '--by', 'Repairs Manager\u001b[2J'],
      'prf: --by: give the role as one line of text, without line breaks or control characters\n',
    ],
    [['signoff', '2025-26-Q3', '--by', 'Repairs\nManager'], 'prf: --by: give the role as one line of text, without line breaks or control characters\n'],
    [['import', 'jan.csv', '--restate', '--reason', 'typo\u0007'], 'prf: --reason: give the reason without control characters\n'],
  ])('prf %j is refused (exit 2); the data is as it was (signoff used to write an escape sequence into reviewed_by)', (argv, message) => {
    const dir = workspace();
    writeFileSync(join(dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-12,88.5,177,200,,\n');
    const before = readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');
    const r = runBinary(argv, dir);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8')).toBe(before);
  });
});

describe('the link rule for prf templates copy', () => {
  it('a templates folder that is a link out of the workspace is refused (exit 1), nothing copied there (it used to write through the link)', () => {
    const dir = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'prf-outside-'));
    also(() => rmSync(outside, { recursive: true, force: true }));
    symlinkSync(outside, join(dir, 'templates'));
    const r = runBinary(['templates', 'copy'], dir);
    expect(r.stderr).toBe(
      `prf: templates: this link leads outside the workspace (${realpathSync(outside)}): prf reads and writes only inside it; copy the file in instead\n`,
    );
    expect(r.code).toBe(1);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('direction controls at the terminal', () => {
  it('a right-to-left override in a name cannot reverse the figures after it in prf status (it used to reach the terminal raw)', () => {
    const dir = workspace();
    const file = join(dir, 'kpis/HC-01.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Percentage of repairs completed at first visit', 'name: "Repairs \\u202Eerised"'));
    const r = runBinary(['status', '2025-26-Q3'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Repairs \\u202eerised');
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // JSON stays JSON, with the name as it is.
    const json = runBinary(['status', '2025-26-Q3', '--format', 'json'], dir);
    expect(JSON.parse(json.stdout).kpis[0].name).toBe('Repairs \u202Eerised');
  });
});
