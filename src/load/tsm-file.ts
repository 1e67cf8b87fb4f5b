/**
 * Reads a TSM full-data workbook's cells with exceljs's streaming reader (styles and hyperlinks
 * ignored, sheets other than the TSM tables skipped), and its SHA-256, so a benchmark can name
 * exactly which release it came from. The cells are then read by heading in src/core.
 */
import { createHash } from 'node:crypto';
import { readInputFile } from './input-file.js';
import { Readable } from 'node:stream';
import type { CellValue, SheetGrid } from '../core/tsm-workbook.js';

export interface TsmFile {
  sheets: SheetGrid[];
  /** Every sheet's name, for a message when the TSM tables are not found. */
  sheetNames: string[];
  sha256: string;
}

/** The TSM tables by name; Introduction, Contents, the data dictionary and coverage are not needed. */
const WANTED = /^TSM\d\d[_ ](LCRA|LCHO)[_ ]Perception$|^TSM\d\d[_ ]Management[_ ]Info$/i;

function valueOf(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.result !== undefined) return valueOf(o.result);
  if (o.text !== undefined) return valueOf(o.text);
  if (o.error !== undefined) return o.error;
  return null;
}

export async function readTsmFile(bytes: Buffer): Promise<TsmFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Loaded on first use, as the other commands load it: most prf commands never need it.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: SheetGrid[] = [];
  const sheetNames: string[] = [];
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    sheetNames.push(name);
    if (!WANTED.test(name.trim())) {
      // Start and stop the sheet's reader, so its stream is closed before exceljs removes the
      // temporary file it was buffered to (left unread, that stream fails later, uncaught).
      for await (const _row of ws) break;
      continue;
    }
    const rows: CellValue[][] = [];
    for await (const row of ws) {
      const values = row.values as unknown[];
      const cells: CellValue[] = [];
      for (let c = 1; c < values.length; c++) cells[c - 1] = valueOf(values[c]);
      rows[row.number - 1] = cells;
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets.push({ name, rows });
  }
  return { sheets, sheetNames, sha256 };
}

/** Reads several workbooks, one after another. */
export async function readTsmFiles(files: ReadonlyArray<{ path: string; shown: string }>): Promise<TsmFile[]> {
  const out: TsmFile[] = [];
  // Regular files of a bounded size only, as for every file named on the command line.
  for (const f of files) out.push(await readTsmFile(readInputFile(f.path, f.shown)));
  return out;
}
