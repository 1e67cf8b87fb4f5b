import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runInProcess, tempWorkspace } from '../helpers/run.js';

const BASE = join(REPO, 'fixtures/validate/_base');
const IMPORT = join(REPO, 'fixtures/import');
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function workspace(): string {
  const ws = tempWorkspace(BASE);
  cleanups.push(ws.cleanup);
  return ws.dir;
}

async function collect(dir: string, period: string): Promise<string> {
  const r = await runInProcess(['collect', period, '--out', 'forms'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const files = readdirSync(join(dir, 'forms'));
  expect(files).toEqual([`${period}-repairs-analyst.xlsx`]);
  return join(dir, 'forms', files[0]!);
}

/** Fills cells of the Return sheet as a collector would, and saves the workbook. */
async function fill(path: string, cells: Record<string, ExcelJS.CellValue>, edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.getWorksheet('Return')!;
  for (const [ref, value] of Object.entries(cells)) sheet.getCell(ref).value = value;
  edit?.(wb);
  await wb.xlsx.writeFile(path);
}

const outturns = (dir: string) => readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');

describe('prf collect', () => {
  it('writes one form per collector with the owed rows, locked but for the inputs, with a very hidden marker', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const sheet = wb.getWorksheet('Return')!;
    expect(sheet.getCell('A6').value).toBe('HC-01');
    expect(sheet.getCell('C6').value).toBe('2026-01');
    expect(sheet.getCell('F6').value).toBe('86.0% (higher is better)');
    expect(sheet.getCell('G6').value).toBe('87.0% (2025-12)');
    expect(sheet.getCell('H6').value).toBe('2026-02-11');
    expect(sheet.getCell('A7').value).toBeNull();
    for (const ref of ['I6', 'J6', 'K6', 'L6']) expect(sheet.getCell(ref).protection?.locked).toBe(false);
    expect(sheet.getCell('A6').protection?.locked).not.toBe(false);
    expect(sheet.getCell('I6').dataValidation).toMatchObject({ type: 'custom', formulae: ['OR(AND(ISNUMBER(I6),I6>=0,I6<=100),LOWER(TRIM(I6))="n/a")'] });
    expect(sheet.getCell('J6').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
    expect(wb.getWorksheet('prf')!.state).toBe('veryHidden');
    expect(wb.getWorksheet('prf')!.getCell('B2').value).toBe('2026-01');
  });

  it('is deterministic: the same workspace gives the same bytes', async () => {
    const dir = workspace();
    const first = readFileSync(await collect(dir, '2026-01'));
    const again = await runInProcess(['collect', '2026-01', '--out', 'forms2'], dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'forms2/2026-01-repairs-analyst.xlsx')).equals(first)).toBe(true);
  });

  it('leaves recorded figures off and says when nothing is owed', async () => {
    const dir = workspace();
    const r = await runInProcess(['collect', '2025-11', '--out', 'forms'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No figures are owed for 2025-11 (1 figure is already recorded)');
  });

  it('refuses an unknown collector and an --out into the data', async () => {
    const dir = workspace();
    const owner = await runInProcess(['collect', '2026-01', '--owner', 'Nobody'], dir);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toContain('the collectors are Repairs Analyst');
    const out = await runInProcess(['collect', '2026-01', '--out', 'data/outturns'], dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('outturns folder');
  });
});

describe('collect, fill, import', () => {
  it("imports the filled figures, sorted into the year's CSV, and status shows them", async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 88.5, J6: 177, K6: 200, L6: 'New scheduling, first full month' });
    const before = outturns(dir);
    const r = await runInProcess(['import', form], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('add      HC-01 2026-01 88.5');
    expect(outturns(dir)).toBe(`${before}HC-01,2026-01,88.5,177,200,,"New scheduling, first full month"\n`);
    const status = await runInProcess(['status', '2026-01', '--format', 'json'], dir);
    const kpi = JSON.parse(status.stdout).kpis.find((k: { id: string }) => k.id === 'HC-01');
    expect(kpi).toMatchObject({ value: 88.5, target: 86, status: 'green' });
    // A second import of the same form changes nothing.
    const again = await runInProcess(['import', form], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('same     HC-01 2026-01 88.5 (already recorded)');
    expect(outturns(dir)).toBe(`${before}HC-01,2026-01,88.5,177,200,,"New scheduling, first full month"\n`);
  });

  it('reads a value typed as 88.5% (Excel stores 0.885 with a % format), and works the value out from the counts', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    // exceljs shares style objects between cells read from a file: give I6 its own.
    const percent = (wb: ExcelJS.Workbook) => {
      const cell = wb.getWorksheet('Return')!.getCell('I6');
      cell.style = { ...cell.style, numFmt: '0.0%' };
    };
    await fill(form, { I6: 0.885 }, percent);
    expect((await runInProcess(['import', form, '--dry-run'], dir)).stdout).toContain('add      HC-01 2026-01 88.5');
    await fill(form, { I6: null, J6: 6, K6: 7 });
    const r = await runInProcess(['import', form], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(outturns(dir)).toContain('HC-01,2026-01,85.7,6,7,,\n');
  });

  it('--dry-run prints the change and writes nothing', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 90, J6: 90, K6: 100 });
    const before = outturns(dir);
    const r = await runInProcess(['import', form, '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('add      HC-01 2026-01 90');
    expect(r.stdout).toContain('would write data/outturns/2025-26.csv');
    expect(r.stdout).toContain('nothing was written');
    expect(outturns(dir)).toBe(before);
  });

  it('leaves an unfilled row out and says so', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    const before = outturns(dir);
    const r = await runInProcess(['import', form], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('blank    HC-01 2026-01 (left empty on the form; nothing imported)');
    expect(outturns(dir)).toBe(before);
  });
});

describe('import refuses, writing nothing', () => {
  async function refused(dir: string, args: string[]): Promise<string> {
    const before = outturns(dir);
    const r = await runInProcess(['import', ...args], dir);
    expect(outturns(dir)).toBe(before);
    expect(r.code).not.toBe(0);
    return `${r.code} ${r.stderr}`;
  }

  it('text in a number cell, naming the sheet, cell and KPI (csv-value-invalid)', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 'about 90', J6: 90, K6: 100 });
    const out = await refused(dir, [form]);
    expect(out).toMatch(/^1 forms\/2026-01-repairs-analyst\.xlsx:6:9 +error +Return!I6 \(HC-01 2026-01\): value: "about 90" is not a number/m);
    expect(out).toContain('csv-value-invalid');
  });

  it('a value that disagrees with its counts (csv-ratio-mismatch) and a formula', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 70, J6: 90, K6: 100 });
    expect(await refused(dir, [form])).toContain('Return!I6 (HC-01 2026-01): the value 70 does not agree with 90 / 100 x 100 = 90');
    await fill(form, { I6: { formula: 'J6/K6*100', result: 90 }, J6: 90, K6: 100 });
    expect(await refused(dir, [form])).toContain('looks like a spreadsheet formula');
  });

  it('a tampered locked cell (import-tampered)', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 90, F6: '50% (higher is better)' });
    const out = await refused(dir, [form]);
    expect(out).toContain('import-tampered');
    expect(out).toContain('a locked cell of the Return sheet or the hidden marker has changed');
  });

  it('a tampered marker (import-tampered)', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 90 }, (wb) => (wb.getWorksheet('prf')!.getCell('C7').value = '2025-12'));
    expect(await refused(dir, [form])).toContain('import-tampered');
  });

  it('a form for another period (import-wrong-period)', async () => {
    const dir = workspace();
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 90 });
    const out = await refused(dir, [form, '--period', '2026-02']);
    expect(out).toContain('import-wrong-period');
    expect(out).toContain('this form is for 2026-01, not 2026-02');
  });

  it('a form from an older dictionary (import-dictionary-changed), naming the commits', async () => {
    const dir = workspace();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'pipe' }).toString();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'dictionary');
    const form = await collect(dir, '2026-01');
    await fill(form, { I6: 90 });
    const kpi = join(dir, 'kpis/HC-01.yaml');
    writeFileSync(kpi, readFileSync(kpi, 'utf8').replace('value: 86', 'value: 88'));
    git('commit', '-qam', 'new target');
    const out = await refused(dir, [form]);
    expect(out).toContain('import-dictionary-changed');
    expect(out).toMatch(/the form was made from an older dictionary \(commit [0-9a-f]{10}; now commit [0-9a-f]{10}\): the entries for HC-01 have changed/);
  });

  it('a workbook that is not a form (import-not-form)', async () => {
    const dir = workspace();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'HC-01';
    await wb.xlsx.writeFile(join(dir, 'mine.xlsx'));
    expect(await refused(dir, ['mine.xlsx'])).toContain('import-not-form');
  });

  it('a figure already recorded without --restate (import-figure-exists); --restate without --reason is a usage error', async () => {
    const dir = workspace();
    const csv = join(IMPORT, 'restated-november.csv');
    const out = await refused(dir, [csv]);
    expect(out).toContain('import-figure-exists');
    expect(out).toContain(
      'HC-01 2025-11 is already recorded as 85.5 (data/outturns/2025-26.csv:3); this gives 86. To replace it, run again with --restate --reason',
    );
    expect(await refused(dir, [csv, '--restate'])).toMatch(/^2 prf: --restate needs --reason/);
    expect(await refused(dir, [csv, '--reason', 'late jobs'])).toMatch(/^2 prf: --reason goes with --restate/);
  });

  it('the same KPI and period twice across the files (csv-duplicate-row)', async () => {
    const dir = workspace();
    const csv = join(IMPORT, 'january.csv');
    expect(await refused(dir, [csv, csv])).toContain('csv-duplicate-row');
  });
});

describe('import of CSVs and restatements', () => {
  it("restates in place with the demo's note format, keeping CRLF line ends and the rest of the file byte for byte", async () => {
    const dir = workspace();
    const path = join(dir, 'data/outturns/2025-26.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    const r = await runInProcess(
      ['import', join(IMPORT, 'restated-november.csv'), '--restate', '--reason', 'late-closed jobs added', '--today', '2026-01-20'],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('restate  HC-01 2025-11 85.5 -> 86');
    expect(readFileSync(path, 'utf8')).toBe(
      'kpi,period,value,numerator,denominator,reviewed_by,note\r\n' +
        'HC-01,2025-10,86.0,86,100,Repairs Manager,\r\n' +
        'HC-01,2025-11,86.0,172,200,,restated 2026-01-20: was 85.5 (late-closed jobs added)\r\n' +
        'HC-01,2025-12,87.0,87,100,,awaiting sign-off\r\n',
    );
  });

  it("creates the next year's CSV with a header, and appends to an unsorted file at its end", async () => {
    const dir = workspace();
    const r = await runInProcess(['import', join(IMPORT, 'april.csv')], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'data/outturns/2026-27.csv'), 'utf8')).toBe(
      'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-04,90.0,90,100,,\n',
    );
    appendFileSync(join(dir, 'data/outturns/2025-26.csv'), 'HC-01,2025-09,80.0,80,100,Repairs Manager,\n');
    expect((await runInProcess(['import', join(IMPORT, 'january.csv')], dir)).code).toBe(0);
    expect(outturns(dir).endsWith('HC-01,2025-09,80.0,80,100,Repairs Manager,\nHC-01,2026-01,88.5,177,200,,\n')).toBe(true);
  });
});

describe('prf import: check this figure', () => {
  it('warns of a figure far outside the KPI’s own process limits, and still imports it', async () => {
    const dir = workspace();
    // Eighteen months of HC-01 at 85 or 87 (of 100) before the base's October to December rows.
    const months = Array.from({ length: 18 }, (_, i) => {
      const m = 3 + i;
      const period = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      const n = i % 2 === 0 ? 85 : 87;
      return `HC-01,${period},${n}.0,${n},100,Repairs Manager,\n`;
    });
    writeFileSync(join(dir, 'data/outturns/2024-25.csv'), `kpi,period,value,numerator,denominator,reviewed_by,note\n${months.slice(0, 12).join('')}`);
    appendFileSync(join(dir, 'data/outturns/2025-26.csv'), months.slice(12).join(''));
    writeFileSync(join(dir, 'jan.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,8.7,87,1000,,\n');
    const r = await runInProcess(['import', 'jan.csv'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('figure-implausible');
    expect(r.stderr).toContain('check this figure: HC-01 2026-01 is 8.7%, far outside its process limits');
    expect(outturns(dir)).toContain('HC-01,2026-01,8.7,87,1000,,');
  });
});
