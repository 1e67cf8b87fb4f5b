/**
 * Adds and replaces rows in an outturn CSV's text, keeping the file's conventions: its byte-order
 * mark, line ends, column order, trailing blank lines, and, where its rows are sorted by KPI then
 * period (the demo's convention), that order. Every other line is left byte for byte. Pure.
 */
import { csvField } from '../formats/spreadsheet-text.js';
import { OUTTURN_COLUMNS, type OutturnColumn } from '../model/outturn.js';
import { parseRecords } from '../formats/csv-records.js';
import { normaliseHeader } from '../load/outturn-csv.js';

export type RowCells = Partial<Record<OutturnColumn, string>>;

export interface CsvEdits {
  additions: RowCells[];
  /** Rows to replace, by the line their record starts on. */
  replacements: Array<{ line: number; cells: RowCells }>;
}

export type MergeResult = { ok: true; text: string } | { ok: false; message: string };

const compareKeys = (a: [string, string], b: [string, string]) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

export const NEW_FILE_HEADER = OUTTURN_COLUMNS.join(',');

export function mergeOutturnCsv(existing: string | null, edits: CsvEdits): MergeResult {
  const source = existing ?? `${NEW_FILE_HEADER}\n`;
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = source.slice(bom.length);
  const eol = /\r\n|\n|\r/.exec(body)?.[0] ?? '\n';
  const lines = body.split(/\r\n|\n|\r/);
  const endsWithEol = lines.length > 1 && lines[lines.length - 1] === '';
  if (endsWithEol) lines.pop();

  const all = parseRecords(body);
  const records = all.filter((r) => r.record.some((c) => c.trim() !== ''));
  const header = records.shift();
  if (!header) return { ok: false, message: 'the file has no header row' };
  const columns = header.record.map(normaliseHeader);
  const rowText = (cells: RowCells): string | { missing: string } => {
    const absent = (Object.keys(cells) as OutturnColumn[]).find((c) => (cells[c] ?? '') !== '' && !columns.includes(c));
    if (absent) return { missing: absent };
    return columns.map((c) => csvField(cells[c as OutturnColumn] ?? '')).join(',');
  };

  // Each record spans from its first line to the line before the next record (or blank line).
  const starts = all.map((r) => r.line);
  const spanOf = (line: number) => {
    const next = starts.find((s) => s > line);
    return (next ?? lines.length + 1) - line;
  };
  const out: Array<string[] | null> = lines.map((l) => [l]);
  for (const { line, cells } of edits.replacements) {
    const text = rowText(cells);
    if (typeof text !== 'string') return { ok: false, message: `the header has no ${text.missing} column for the restated row: add it to the header` };
    out[line - 1] = [text];
    for (let i = 1; i < spanOf(line); i++) out[line - 1 + i] = null;
  }

  const col = (name: OutturnColumn) => columns.indexOf(name);
  const data = records.map((r) => ({ line: r.line, key: [r.record[col('kpi')]?.trim() ?? '', r.record[col('period')]?.trim() ?? ''] as [string, string] }));
  const sorted = data.every((d, i) => i === 0 || compareKeys(data[i - 1]!.key, d.key) <= 0);
  const lastLine = data.length > 0 ? data[data.length - 1]!.line + spanOf(data[data.length - 1]!.line) - 1 : header.line;
  const inserts = new Map<number, string[]>();
  for (const cells of [...edits.additions].sort((a, b) => compareKeys([a.kpi ?? '', a.period ?? ''], [b.kpi ?? '', b.period ?? '']))) {
    const text = rowText(cells);
    if (typeof text !== 'string') return { ok: false, message: `the header has no ${text.missing} column: add it to the header (${NEW_FILE_HEADER})` };
    // Sorted files keep their order: the new row goes before the first row that sorts after it.
    const before = sorted ? data.find((d) => compareKeys(d.key, [cells.kpi ?? '', cells.period ?? '']) > 0) : undefined;
    const at = before ? before.line - 1 : lastLine;
    inserts.set(at, [...(inserts.get(at) ?? []), text]);
  }
  const result: string[] = [];
  out.forEach((group, i) => {
    result.push(...(inserts.get(i) ?? []));
    if (group) result.push(...group);
  });
  result.push(...(inserts.get(out.length) ?? []));
  return { ok: true, text: `${bom}${result.join(eol)}${endsWithEol || existing === null ? eol : ''}` };
}
