import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkspaceSources } from '../../src/load/read-sources.js';
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import { BIN, REPO, runBinary, runInProcess } from '../helpers/run.js';
import { throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace } = throwawayWorkspaces();
const NO_STACK = /\n\s+at .+:\d+:\d+/;

describe('explicit reads in the loader', () => {
  it('refuses a sparse 3 GiB CSV on its size, without reading it', () => {
    const dir = workspace();
    const big = join(dir, 'data/outturns/2026-27.csv');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 ** 3);
    const sources = readWorkspaceSources(dir);
    const file = sources.outturns.find((f) => f.path === 'data/outturns/2026-27.csv')!;
    expect(file.size).toBe(3 * 1024 ** 3);
    file.read = () => expect.unreachable('a file over the limit is never read');
    const d = loadWorkspace(sources).diagnostics.filter((x) => x.file === 'data/outturns/2026-27.csv');
    expect(d).toMatchObject([{ code: 'file-too-large', line: 1, column: 1 }]);
    expect(d[0]!.message).toContain('3221225472 bytes');
  });

  it('a file that cannot be read when the loader asks is file-unreadable, not empty', () => {
    const dir = workspace();
    const sources = readWorkspaceSources(dir);
    sources.kpis[0]!.read = () => ({ ok: false, reason: 'EIO' });
    const d = loadWorkspace(sources).diagnostics.filter((x) => x.file === sources.kpis[0]!.path);
    expect(d).toMatchObject([{ code: 'file-unreadable' }]);
    expect(d[0]!.message).toContain('EIO');
  });

  it('refuses a FIFO in the dictionary without blocking', () => {
    const dir = workspace();
    execFileSync('mkfifo', [join(dir, 'kpis/HC-09.yaml')]);
    const r = runBinary(['validate', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).diagnostics.find((x: { file: string }) => x.file === 'kpis/HC-09.yaml')).toMatchObject({
      code: 'file-unreadable',
      message: expect.stringContaining('a named pipe (FIFO), not a file'),
    });
  });
});

describe('files named on the command line', () => {
  it.each([
    ['verify', 'a folder', (dir: string) => ['verify', dir], /this is a folder, not a file/],
    ['verify', 'a FIFO', (dir: string) => (execFileSync('mkfifo', [join(dir, 'm.json')]), ['verify', 'm.json']), /a named pipe \(FIFO\), not a file/],
    ['import', 'a FIFO', (dir: string) => (execFileSync('mkfifo', [join(dir, 'x.csv')]), ['import', 'x.csv']), /a named pipe \(FIFO\), not a file/],
    ['import', 'a device', () => ['import', '/dev/zero'], /this is a device, not a file/],
    ['import', 'a folder', () => ['import', 'kpis'], /this is a folder, not a file/],
    ['verify', 'a device', () => ['verify', '/dev/zero'], /outside the workspace/],
  ])('%s on %s ends at once with a message', (_cmd, _what, argv, message) => {
    const dir = workspace();
    const r = spawnSync(process.execPath, [BIN, ...argv(dir)], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    expect(r.signal).toBeNull();
    expect([1, 2]).toContain(r.status);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('output that cannot be written (a full disk) is one line and exit 2', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" status 2025-26-Q3 > /dev/full`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('prf: cannot write the output (ENOSPC: the disk is full)\n');
  });
});

describe('prf validate PATH', () => {
  it.each([
    ['a path that does not exist', 'nope.yaml', 'prf: nope.yaml: no such file or folder\n'],
    ['a path outside the workspace', '/etc/passwd', /^prf: \/etc\/passwd: outside the workspace/],
    ['a file prf does not read', 'prf.yaml.bak', /^prf: prf.yaml.bak: not a file prf reads/],
  ])('%s exits 2', async (_what, path, message) => {
    const dir = workspace();
    writeFileSync(join(dir, 'prf.yaml.bak'), 'x');
    const r = await runInProcess(['validate', path], dir);
    expect(r.code).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
  });

  it('a file and a folder it reads are checked as before', async () => {
    const dir = workspace();
    expect((await runInProcess(['validate', 'kpis/HC-01.yaml'], dir)).code).toBe(0);
    expect((await runInProcess(['validate', 'kpis'], dir)).code).toBe(0);
  });

  it.each([
    ['outturns: kpis', 'outturns: data/outturns', 'outturns: kpis', /paths.outturns \(kpis\) is the same folder as paths.kpis \(kpis\)/],
    ['reports: kpis', 'reports: reports', 'reports: kpis/papers', /paths.reports \(kpis\/papers\) lies inside paths.kpis \(kpis\)/],
  ])('configured folders that overlap (%s) are an error at validate time', async (_what, from, to, message) => {
    const dir = workspace();
    const p = join(dir, 'prf.yaml');
    const text = readFileSync(p, 'utf8');
    writeFileSync(p, text.includes('paths:') ? text.replace(from, to) : `${text}paths:\n  ${to}\n`);
    const r = await runInProcess(['validate', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics.find((x: { code: string }) => x.code === 'workspace-path');
    expect(d).toMatchObject({ file: 'prf.yaml', code: 'workspace-path', severity: 'error' });
    expect(d.message).toMatch(message);
  });

  it('a committee called index is refused (its paper would overwrite the index page)', async () => {
    const dir = workspace();
    const p = join(dir, 'prf.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('- id: housing-osc', '- id: index'));
    const r = await runInProcess(['validate', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).diagnostics.map((x: { code: string }) => x.code)).toContain('config-reserved-id');
  });
});

describe('figures are typed and ranged', () => {
  it('a CSV figure of 2026 on a percentage KPI that is not a ratio is refused', async () => {
    const dir = workspace();
    const k = join(dir, 'kpis/HC-01.yaml');
    writeFileSync(k, readFileSync(k, 'utf8').replace(/aggregation: ratio/, 'aggregation: mean'));
    writeFileSync(join(dir, 'x.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,2026,,,,\n');
    const r = await runInProcess(['import', 'x.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/csv-value-range/);
    expect(r.stderr).toMatch(/2026 is above 100, which a percentage cannot be, for HC-01/);
  });

  async function form(dir: string): Promise<string> {
    expect((await runInProcess(['collect', '2026-01', '--out', 'forms'], dir)).code).toBe(0);
    return join(dir, 'forms/2026-01-repairs-analyst.xlsx');
  }

  it('a form cell stored as a date (t="d") is not the figure 2026', async () => {
    const dir = workspace();
    const path = await form(dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('Return')!.getCell('I6').value = 88;
    await wb.xlsx.writeFile(path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && n !== 'xl/worksheets/sheet2.xml')!;
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/<c r="I6"([^>]*)><v>88<\/v><\/c>/, '<c r="I6" t="d"><v>2026-01-15T00:00:00Z</v></c>'));
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const r = await runInProcess(['import', path], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Return!I6 (HC-01 2026-01): value: this cell holds a date, not a number');
    expect(readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8')).not.toContain('2026-01,2026');
  });

  // Compressing 80 MiB for the test takes a while on a busy machine.
  it('a workbook that would inflate past the limit is refused before exceljs unpacks it', { timeout: 120_000 }, async () => {
    const dir = workspace();
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    writeFileSync(join(dir, 'bomb.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const r = await runInProcess(['import', 'bomb.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/this workbook would unpack to 83886080 bytes; a return form is far smaller/);
  });

  it('a sheet of a million rows is refused on its row count', async () => {
    const dir = workspace();
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row r="1"/>'.repeat(200_000)}</sheetData></worksheet>`);
    writeFileSync(join(dir, 'rows.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const r = await runInProcess(['import', 'rows.xlsx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a sheet of this workbook has 200000 rows/);
  });
});

describe('long names', () => {
  it('an id of 235 characters makes its file (the temporary name no longer grows with it); one too long for a file name is a clear message', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'kpis'), { recursive: true });
    const r = await runInProcess(['new', `HC-${'A'.repeat(232)}`], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const long = await runInProcess(['new', `HC-${'B'.repeat(300)}`], dir);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/^prf: HC-B+\.\.\.: a KPI id of 303 characters is too long to name its file; keep it to 240/);
  });
});
