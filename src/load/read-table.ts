/**
 * A council's own spreadsheet (a KPI list, a history sheet) as rows of text: a CSV, or one sheet
 * of an .xlsx workbook. Each row keeps the line (CSV) or row number (Excel) it came from, so a
 * message can point at it. Cells are read as the text an outturn CSV would hold (form-cells).
 */
import { diagnostic, START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseRecords } from '../formats/csv-records.js';
import { cellText } from '../formats/form-cells.js';
import { decodeText, sourceInMemory } from './decode.js';
import { checkXlsx } from './xlsx-bounds.js';

export interface TableRow {
  line: number;
  cells: string[];
}

export interface TableResult {
  rows: TableRow[];
  /** The sheet read, and every sheet's name (xlsx only). */
  sheet: string | null;
  sheets: string[];
  diagnostics: Diagnostic[];
}

export async function readTable(file: string, bytes: Uint8Array, sheetName: string | undefined): Promise<TableResult> {
  if (/\.xlsx$/i.test(file)) return readWorkbookTable(file, bytes, sheetName);
  if (sheetName !== undefined) return fail(file, `--sheet ${sheetName}: a CSV has no sheets; give --sheet only with an .xlsx workbook`);
  const decoded = decodeText(sourceInMemory(file, bytes));
  if (decoded.text === null) return { rows: [], sheet: null, sheets: [], diagnostics: decoded.diagnostics };
  let records;
  try {
    records = parseRecords(decoded.text);
  } catch (err) {
    return fail(file, `the CSV cannot be read (${(err as Error).message}): check for an unclosed quote`, 'csv-syntax');
  }
  return { rows: records.map((r) => ({ line: r.line, cells: r.record.map((c) => c.trim()) })), sheet: null, sheets: [], diagnostics: [] };
}

function fail(file: string, message: string, code: 'table-unreadable' | 'csv-syntax' = 'table-unreadable'): TableResult {
  return { rows: [], sheet: null, sheets: [], diagnostics: [diagnostic(file, START, 'error', code, message)] };
}

async function readWorkbookTable(file: string, bytes: Uint8Array, sheetName: string | undefined): Promise<TableResult> {
  // Sizes and rows are bounded before exceljs unpacks anything, as for return forms.
  const checked = checkXlsx(bytes, 'sheet');
  if (!checked.ok) return fail(file, checked.message);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return fail(file, 'this is not an Excel workbook prf can read (.xlsx): save it as an Excel Workbook, or as CSV UTF-8');
  }
  const names = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    return fail(file, sheetName === undefined ? 'the workbook has no sheets' : `--sheet ${sheetName}: no such sheet; the sheets are ${names.join(', ')}`);
  }
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell).trim();
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { rows, sheet: sheet.name, sheets: names, diagnostics: [] };
}
