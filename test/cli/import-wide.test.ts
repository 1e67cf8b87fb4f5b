import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { readWideSheet } from '../../src/load/wide-sheet.js';
import { measure } from '../core/fixtures.js';
import { REPO, runBinary, runInProcess, tempWorkspace } from '../helpers/run.js';

const BASE = join(REPO, 'fixtures/validate/_base');
const rows = (lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('readWideSheet', () => {
  const kpis = new Map([
    ['Q-1', measure({ id: 'Q-1', frequency: 'quarterly', unit: 'percentage' })],
    ['M-1', measure({ id: 'M-1', frequency: 'monthly', unit: 'number' })],
  ]);
  const sheet = rows([
    ['Performance history'],
    ['Ref', 'Name', 'Q1 2024/25', 'Q2 24/25', '2024/25', 'Apr-24', 'May 2024'],
    ['Q-1', 'Quarterly one', '96.4%', 'n/a', '95', '', ''],
    ['M-1', 'Monthly one', '', '', '', '1,234', '-'],
    ['M-1X', 'Typo', '1', '', '', '', ''],
  ]);
  const r = readWideSheet('h.csv', sheet, kpis);

  it('recognises the period columns in their usual spellings and the KPI column by its header', () => {
    expect(r.kpiColumn).toBe('Ref');
    expect(r.periods.map((p) => p.period)).toEqual(['2024-25-Q1', '2024-25-Q2', '2024-25', '2024-04', '2024-05']);
    expect(r.ignored).toEqual(['Name']);
  });
  it('reads figures, n/a as not applicable and placeholders as no figure, each KPI from its own frequency', () => {
    expect(r.observations.map((o) => `${o.kpi} ${o.periodName} ${o.value}`)).toEqual(['Q-1 2024-25-Q1 96.4', 'Q-1 2024-25-Q2 null', 'M-1 2024-04 1234']);
    expect(r.otherFrequency).toBe(1);
    expect([...r.noFigure]).toEqual([['-', 1]]);
  });
  it('names an unknown id with a did-you-mean', () => {
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'csv-unknown-kpi', line: 5, column: 1 });
    expect(r.diagnostics[0]!.message).toContain('Did you mean "M-1"?');
  });
  it('refuses a sheet with no period headings', () => {
    expect(readWideSheet('h.csv', rows([['KPI', 'Value']]), kpis).diagnostics[0]!.code).toBe('table-unreadable');
  });
});

describe('prf import of a history sheet', () => {
  let ws: ReturnType<typeof tempWorkspace> | null = null;
  afterEach(() => ws?.cleanup());

  it('lists what it recognised, writes nothing on --dry-run, then imports all or nothing (xlsx)', async () => {
    ws = tempWorkspace(BASE);
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Outturns');
    s.addRow(['KPI', 'Measure', 'Apr-24', 'May-24', 'Jun-24', '2024/25']);
    s.addRow(['HC-01', 'Repairs on time', 91.5, '[u]', 'N/A', 90]);
    await wb.xlsx.writeFile(join(ws.dir, 'history.xlsx'));
    const csv = join(ws.dir, 'data/outturns/2024-25.csv');

    const dry = await runInProcess(['import', 'history.xlsx', '--dry-run'], ws.dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'read     history.xlsx (sheet Outturns): KPI ids in column "KPI"; 4 period columns: Apr-24 (2024-04), May-24 (2024-05), Jun-24 (2024-06), 2024/25 (2024-25)',
    );
    expect(dry.stdout).toContain('no figure (nothing recorded, still owed): "[u]" ×1');
    expect(dry.stdout).toContain('add      HC-01 2024-04 91.5');
    expect(dry.stdout).toContain('add      HC-01 2024-06 n/a');
    expect(() => readFileSync(csv)).toThrow();

    const real = await runInProcess(['import', 'history.xlsx'], ws.dir);
    expect(real.code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe('kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2024-04,91.5,,,,\nHC-01,2024-06,n/a,,,,\n');
    // The same sheet again changes nothing; a changed figure needs --restate, as for any import.
    const again = await runInProcess(['import', 'history.xlsx'], ws.dir);
    expect(again.stdout).toContain('same     HC-01 2024-04 91.5 (already recorded)');
  });

  it('refuses the whole CSV sheet when a cell is not a number, naming the cell (binary)', () => {
    ws = tempWorkspace(BASE);
    writeFileSync(join(ws.dir, 'history.csv'), 'KPI,Q1 2024/25,Apr-24,May-24\nHC-01,,88,8O\n');
    const r = runBinary(['import', 'history.csv'], ws.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/history\.csv:2:4 +error +HC-01 May-24: "8O" is not a number/);
    expect(r.stderr).toContain('nothing was imported');
  });
});
