/**
 * Reading cells of a return form the same way when it is sealed (collect) and checked (import).
 * Types only from exceljs here: the library itself is loaded by the commands that need it.
 */
import type { Cell, Worksheet } from 'exceljs';
import { tidy } from '../core/figures.js';
import { cellRef, columnOf, inputColumns, type FormMarker } from './form-layout.js';

/** A format with a % outside quotes: Excel's own percentage format, which stores 96.4% as 0.964. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return (numFmt ?? '').replace(/"[^"]*"/g, '').includes('%');
}

/**
 * A cell as the text an outturn CSV would hold, so the CSV rules apply unchanged: a number as
 * written; a number Excel turned into a percentage (someone typed 96.4%) back as `96.4%`, which
 * the rules accept for percentage KPIs only; a formula as `=...` and an error as `#DIV/0!`, both
 * refused by the rules; a date as its ISO text, refused as not a number.
 */
export function cellText(cell: Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return isPercentFormat(cell.numFmt) ? `${tidy(v * 100)}%` : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { formula?: string; sharedFormula?: string; error?: string; richText?: Array<{ text: string }>; text?: unknown };
  if (o.formula !== undefined || o.sharedFormula !== undefined) return `=${o.formula ?? o.sharedFormula}`;
  if (o.error !== undefined) return o.error;
  if (o.richText !== undefined) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return String(o.text);
  return JSON.stringify(v);
}

/** Addresses of the cells the collector may fill, from the marker's rows. */
export function inputCellRefs(marker: FormMarker): Set<string> {
  const refs = new Set<string>();
  for (const r of marker.rows) for (const key of inputColumns(r.ratio)) refs.add(cellRef(r.row, columnOf(key)));
  return refs;
}

/** Every non-empty cell of the sheet the collector may not change, as [address, text]. */
export function lockedCells(sheet: Worksheet, marker: FormMarker): Array<[string, string]> {
  const inputs = inputCellRefs(marker);
  const out: Array<[string, string]> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const ref = cellRef(rowNumber, colNumber);
      const text = cellText(cell);
      if (!inputs.has(ref) && text !== '') out.push([ref, text]);
    });
  });
  return out;
}
