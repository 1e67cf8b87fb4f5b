/**
 * The Excel dashboard, read back with exceljs: text that looks like a formula stays text, figures
 * stay numbers with their unit's format, status is fill and word, the header is frozen and
 * filtered, sheet names are ones Excel accepts, and two runs give the same workbook.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReport, type ReportViews } from '../../src/views/build-report.js';
import { numberFormat, sheetName, buildWorkbook, wrappedLines } from '../../src/render/workbook.js';
import { checkXlsx, findSoffice } from '../../src/tools/check-xlsx.js';
import { measure, monthly, period, workspace } from '../core/fixtures.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOSTILE_NAME = '=HYPERLINK("http://evil.example","Click me")';

/** One committee's KPIs in every status and unit, plus committees whose names Excel would refuse. */
function views(): ReportViews {
  const kpis = [
    // Red: 80.0% against 90%; formula-looking name and commentary.
    measure({ id: 'KPI-01', name: HOSTILE_NAME, aggregation: 'last', cumulative: false }),
    // Amber, lower is better: £104.00 against £100.00.
    measure({
      id: 'KPI-02',
      name: 'Cost per repair',
      unit: 'currency',
      decimals: 2,
      polarity: 'lower',
      aggregation: 'last',
      target: { type: 'single', value: 100 },
    }),
    // Green, lower is better: 9.5 days against 10.
    measure({ id: 'KPI-03', name: '-Days to relet', unit: 'days', polarity: 'lower', aggregation: 'last', target: { type: 'single', value: 10 } }),
    // Grey: a tracker with no target; a unit label holding a quote, which the number format must escape.
    measure({
      id: 'KPI-04',
      name: 'Complaints',
      unit: 'rate',
      unitLabel: 'per "1,000" homes',
      decimals: 0,
      level: 'tracker',
      aggregation: 'sum',
      target: { type: 'none', reason: 'monitoring only' },
    }),
    // Missing: no figures at all.
    measure({ id: 'KPI-05', name: '@Missing return', aggregation: 'last' }),
  ];
  const ws = workspace({
    kpis,
    observations: [
      ...monthly('KPI-01', '2025-07', [88, 88, 88, 85, 82, 80.04]),
      ...monthly('KPI-02', '2025-10', [101, 102, 104]),
      ...monthly('KPI-03', '2025-10', [9, 9.2, 9.5]),
      ...monthly('KPI-04', '2025-10', [1234, 1000, 2000]),
    ],
    commentary: [
      {
        period: '2025-26-Q3',
        kpis: {
          'KPI-01': {
            overview: '+44 calls a day; =SUM(A1:A9)',
            actions: [
              { action: '@here: recruit two officers', owner: 'Head of Repairs', due: '2026-01-31' },
              { action: 'Review the rota', owner: '-Rota lead', due: '2025-11-30', done: '2025-11-20' },
            ],
            barriers: '=1+1',
            likelyOutturn: 85.55,
          },
        },
      },
    ],
    config: {
      committees: [
        { id: 'housing-osc', name: 'Housing OSC', shortName: "Housing: [Repairs]/Voids*?\\'" },
        { id: 'finance-osc', name: 'Finance OSC', shortName: 'Finance and Resources Overview and Scrutiny' },
        { id: 'finance-two', name: 'Finance Two', shortName: 'FINANCE AND RESOURCES OVERVIEW AND SCRUTINY' },
        { id: 'history', name: 'History', shortName: 'History' },
        { id: 'exceptions', name: 'Exceptions committee', shortName: 'Exceptions' },
      ],
    },
  });
  return buildReport(ws, period('2025-26-Q3'), { draft: true, date: null, isHoliday: () => false });
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The row of `sheet` whose first cell is `ref`, as a map from header to cell. */
function rowOf(sheet: ExcelJS.Worksheet, ref: string, refColumn = 1): Map<string, ExcelJS.Cell> {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (let n = 2; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (row.getCell(refColumn).value === ref) return new Map(headers.map((h, i) => [h, row.getCell(i + 1)]));
  }
  throw new Error(`no row ${ref} in ${sheet.name}`);
}

/** Every cell's value, type and number format, sheet by sheet: what "same content" means. */
function content(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((s) => {
    const cells: unknown[] = [];
    s.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (c, col) => cells.push([r, col, c.type, c.value, c.numFmt ?? null])));
    return { name: s.name, cells };
  });
}

afterEach(() => vi.useRealTimers());

describe('sheetName', () => {
  it('drops the characters Excel refuses, keeps to 31 characters, and makes names unique ignoring case', () => {
    const taken = new Set<string>();
    expect(sheetName('A:b/c\\d?e*f[g]h', taken)).toBe('A-b-c-d-e-f-g-h');
    const long = sheetName('Strategic Planning and Environment OSC', taken);
    expect(long).toBe('Strategic Planning and Environm');
    expect(sheetName('STRATEGIC PLANNING AND ENVIRONMENT OSC', taken)).toBe('STRATEGIC PLANNING AND ENVI (2)');
    expect(sheetName('History', taken)).toBe('History (2)');
    expect(sheetName("'quoted'", taken)).toBe('quoted');
    expect(sheetName('   ', taken)).toBe('Sheet');
  });
});

describe('numberFormat', () => {
  it('prints each unit as the paper does, with the KPI decimal places', () => {
    expect(numberFormat({ unit: 'percentage', decimals: 1 })).toBe('#,##0.0"%"');
    expect(numberFormat({ unit: 'currency', decimals: 2 })).toBe('"£"#,##0.00');
    expect(numberFormat({ unit: 'days', decimals: 1 })).toBe('#,##0.0 "days"');
    expect(numberFormat({ unit: 'number', decimals: 0 })).toBe('#,##0');
    expect(numberFormat({ unit: 'rate', unitLabel: 'per "1,000" homes', decimals: 0 })).toBe('#,##0 "per "\\""1,000"\\"" homes"');
  });
});

describe('buildWorkbook', () => {
  const v = views();

  it('names a sheet per committee, valid and unique, besides About, 70% check and Exceptions', async () => {
    const wb = await read(await buildWorkbook(v));
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual([
      'About',
      'Housing- -Repairs--Voids---',
      'Finance and Resources Overview',
      'FINANCE AND RESOURCES OVERV (2)',
      'History (2)',
      'Exceptions (2)',
      '70% check',
      'Exceptions',
    ]);
    for (const n of names) expect(n).toMatch(/^[^[\]:*?/\\']{1,31}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('keeps formula-looking text as text with a leading quote, and figures as numbers in their unit format', async () => {
    const wb = await read(await buildWorkbook(v));
    const sheet = wb.worksheets[1]!;
    const red = rowOf(sheet, 'KPI-01');
    expect(red.get('Indicator')!.type).toBe(ExcelJS.ValueType.String);
    expect(red.get('Indicator')!.value).toBe(`'${HOSTILE_NAME}`);
    expect(red.get('Outturn')!.type).toBe(ExcelJS.ValueType.Number);
    expect(red.get('Outturn')!.value).toBe(80);
    expect(red.get('Outturn')!.numFmt).toBe('#,##0.0"%"');
    expect(red.get('Target')!.value).toBe(90);
    expect(rowOf(sheet, 'KPI-03').get('Indicator')!.value).toBe("'-Days to relet");
    expect(rowOf(sheet, 'KPI-03').get('Outturn')!.numFmt).toBe('#,##0.0 "days"');
    expect(rowOf(sheet, 'KPI-05').get('Indicator')!.value).toBe("'@Missing return");
    const cost = rowOf(sheet, 'KPI-02');
    expect(cost.get('Outturn')!.value).toBe(104);
    expect(cost.get('Outturn')!.numFmt).toBe('"£"#,##0.00');
    // A null figure is an empty cell, not "–" or 0.
    expect(rowOf(sheet, 'KPI-05').get('Outturn')!.type).toBe(ExcelJS.ValueType.Null);
    expect(rowOf(sheet, 'KPI-04').get('Target')!.type).toBe(ExcelJS.ValueType.Null);
    expect(rowOf(sheet, 'KPI-04').get('Notes')!.value).toMatch(/^Target: no target; Status: /);

    const exceptions = wb.getWorksheet('Exceptions')!;
    const e = rowOf(exceptions, 'KPI-01', 3);
    expect(e.get('Measure')!.value).toBe(`'${HOSTILE_NAME}`);
    expect(e.get('Performance overview')!.value).toBe("'+44 calls a day; =SUM(A1:A9)");
    expect(e.get('Barriers')!.value).toBe("'=1+1");
    expect(e.get('Actions to improve')!.value).toBe(
      "'@here: recruit two officers (Head of Repairs; due 2026-01-31)\nReview the rota (-Rota lead; due 2025-11-30; done 2025-11-20)",
    );
    // Rounded as the paper prints it (half away from zero), not left to Excel's binary rounding.
    expect(e.get('Likely outturn')!.value).toBe(85.6);
    expect(e.get('Likely outturn')!.numFmt).toBe('#,##0.0"%"');
    expect(e.get('Committee')!.value).toBe('Housing OSC');
    expect(e.get('Performance overview')!.alignment).toMatchObject({ wrapText: true });
    for (const s of wb.worksheets) {
      s.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.String) expect(String(c.value), `${s.name}!${c.address}`).not.toMatch(/^[=+\-@\t\r]/);
          expect(c.type, `${s.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula);
        }),
      );
    }
  });

  it('shows each status by fill and by word and symbol', async () => {
    const wb = await read(await buildWorkbook(v));
    const sheet = wb.worksheets[1]!;
    const expected: Array<[string, string, string]> = [
      ['KPI-01', '✖ Red', 'FFD4351C'],
      ['KPI-02', '▲ Amber', 'FFFFDD00'],
      ['KPI-03', '✔ Green', 'FF00703C'],
      ['KPI-04', '● Grey', 'FF505A5F'],
    ];
    for (const [ref, word, argb] of expected) {
      const cell = rowOf(sheet, ref).get('Status')!;
      expect(cell.value, ref).toBe(word);
      expect(cell.fill, ref).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
    }
    const missing = rowOf(sheet, 'KPI-05').get('Status')!;
    expect(missing.value).toBe('? Missing data');
    expect(missing.fill).toMatchObject({ type: 'pattern', pattern: 'lightGray', bgColor: { argb: 'FFFFFFFF' } });
    expect(missing.border?.left?.style).toBe('mediumDashed');
    expect(rowOf(sheet, 'KPI-01').get('vs last period')!.value).toBe('↓ declining');
    expect(rowOf(wb.getWorksheet('Exceptions')!, 'KPI-01', 3).get('Status')!.value).toBe('✖ Red');
  });

  it('freezes the header row and filters every committee table', async () => {
    const wb = await read(await buildWorkbook(v));
    const sheet = wb.worksheets[1]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Ref',
      'Indicator',
      'Priority',
      'Outturn',
      'Target',
      'Status',
      'vs last period',
      'vs last year',
      'SPC',
      'Benchmark',
      'Data source',
      'Notes',
    ]);
    expect(sheet.autoFilter).toBe('A1:L6');
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
    expect(wb.getWorksheet('Exceptions')!.autoFilter).toBe('A1:Q2');
  });

  it.each([
    ['', 10, 1],
    ['short', 10, 1],
    ['two words that wrap', 6, 4],
    ['a\nb\nc', 40, 3],
    ['x'.repeat(25), 10, 3],
  ])('wraps %j in a column %i wide onto %i lines', (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });

  it('sets every row tall enough for its wrapped text, since LibreOffice does not fit heights on opening', async () => {
    const wb = await read(await buildWorkbook(v));
    let checked = 0;
    for (const sheet of wb.worksheets) {
      sheet.eachRow((row) => {
        let lines = 1;
        row.eachCell((cell, col) => {
          if (typeof cell.value === 'string') lines = Math.max(lines, wrappedLines(cell.value, sheet.getColumn(col).width ?? 10));
        });
        expect(row.height, `${sheet.name} row ${row.number}`).toBeGreaterThanOrEqual(lines * 15);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(10);
    // The exception row's long commentary makes it several lines tall.
    expect(wb.getWorksheet('Exceptions')!.getRow(2).height).toBeGreaterThan(30);
  });

  it('carries the 70% check council-wide and per committee, and what puts it at risk', async () => {
    const wb = await read(await buildWorkbook(v));
    const sheet = wb.getWorksheet('70% check')!;
    const council = rowOf(sheet, 'Council-wide (all indicators)');
    expect(council.get('Threshold')!.value).toBe(0.7);
    expect(council.get('Threshold')!.numFmt).toBe('0%');
    expect(council.get('Share improved')!.type).toBe(ExcelJS.ValueType.Number);
    expect(council.get('Met')!.value).toBe(v.index.improvement.met ? 'Yes' : 'No');
    expect(rowOf(sheet, 'Housing OSC').get('Improved')!.value).toBe(v.papers[0]!.committeeImprovement.improved);
  });

  it('says DRAFT and lists the gaps on the About sheet', async () => {
    const wb = await read(await buildWorkbook(v));
    const about = wb.getWorksheet('About')!;
    expect(rowOf(about, 'State').get('Detail')!.value).toBe(`DRAFT: ${v.gaps.length} gaps remain`);
    expect(v.gaps.length).toBeGreaterThan(0);
    expect(rowOf(about, `Gap: ${v.gaps[0]!.kpi.id}`).get('Who must act')!.value).toBe(v.gaps[0]!.who);
  });

  it('gives the same workbook, byte for byte and cell for cell, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T09:00:00Z'));
    const a = await buildWorkbook(v);
    vi.setSystemTime(new Date('2031-07-15T17:31:07Z'));
    const b = await buildWorkbook(v);
    vi.useRealTimers();
    const [wa, wb] = [await read(a), await read(b)];
    expect(content(wa)).toEqual(content(wb));
    expect(wa.creator).toBe('prf');
    expect(wa.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(wa.modified.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('dates the document with --date when given', async () => {
    const dated = await read(await buildWorkbook({ ...v, index: { ...v.index, date: '2026-03-12' } }));
    expect(dated.created.toISOString()).toBe('2026-03-12T00:00:00.000Z');
  });
});

const soffice = findSoffice();
if (!soffice)
  console.warn(
    'workbook.test.ts: skipping the LibreOffice open check: soffice is not on PATH (apt-get install -y --no-install-recommends libreoffice-calc-nogui)',
  );

describe('the workbook in LibreOffice', () => {
  it.runIf(soffice)(
    'opens without error, every sheet and row there, text still text',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'prf-xlsx-'));
      try {
        const file = join(dir, 'dashboard.xlsx');
        writeFileSync(file, await buildWorkbook(views()));
        const check = await checkXlsx(file, soffice!);
        expect(check.ok, check.message).toBe(true);
        const housing = check.csv['dashboard-Housing- -Repairs--Voids---.csv']!;
        // LibreOffice shows the neutralised text, and did not evaluate it.
        expect(housing).toContain(`"'=HYPERLINK(""http://evil.example"",""Click me"")"`);
        expect(housing).toMatch(/^KPI-02,Cost per repair,.*,104,100,▲ Amber,/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it.runIf(soffice)(
    'fails a truncated workbook',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'prf-xlsx-'));
      try {
        const file = join(dir, 'broken.xlsx');
        const bytes = await buildWorkbook(views());
        writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
        const check = await checkXlsx(file, soffice!);
        expect(check.ok).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
