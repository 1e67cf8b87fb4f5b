/**
 * The layout of a return form, shared by the code that writes it (collect) and the code that
 * reads it back (import), and the tamper seal over it: pure.
 *
 * The seal is a SHA-256 of every cell the collector may not change (the visible sheet's locked
 * cells and the hidden marker), so a form whose KPI, period or target text was edited, or whose
 * marker was altered, is refused. It detects accidents and casual edits, not a determined forger:
 * anyone with prf's source can recompute it, and sheet protection has no password for the same
 * reason (it stops slips, not people). Sign-off by the reviewer remains the control.
 */
import { createHash } from 'node:crypto';
import type { Kpi } from '../model/kpi.js';

export const FORM_SHEET = 'Return';
export const MARKER_SHEET = 'prf';
export const MARKER_TITLE = 'prf return form';
export const FORM_VERSION = 1;

/** Rows above the table: a title, the collector, the deadline, guidance, then the header row. */
export const HEADER_ROW = 5;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

export const FORM_COLUMNS = [
  { key: 'kpi', header: 'Reference', width: 12 },
  { key: 'name', header: 'Measure', width: 40 },
  { key: 'period', header: 'Period', width: 12 },
  { key: 'definition', header: 'Definition', width: 50 },
  { key: 'unit', header: 'Unit', width: 24 },
  { key: 'target', header: 'Target', width: 22 },
  { key: 'last', header: 'Last figure', width: 22 },
  { key: 'deadline', header: 'Due by', width: 12 },
  { key: 'value', header: 'Value', width: 12 },
  { key: 'numerator', header: 'Numerator', width: 12 },
  { key: 'denominator', header: 'Denominator', width: 13 },
  { key: 'note', header: 'Comment', width: 40 },
] as const;

export type FormColumnKey = (typeof FORM_COLUMNS)[number]['key'];

/** 1-based column number of a column on the Return sheet. */
export function columnOf(key: FormColumnKey): number {
  return FORM_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** `3` is `C`, `28` is `AB`. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** The cells a collector fills on a row: value and comment always, the counts for a ratio. */
export function inputColumns(ratio: boolean): FormColumnKey[] {
  return ratio ? ['value', 'numerator', 'denominator', 'note'] : ['value', 'note'];
}

/** What the hidden marker records, besides the seal itself. */
export interface FormMarker {
  version: number;
  period: string;
  collector: string;
  /** The last commit that changed the dictionary folder, when the workspace is in git. */
  dictionaryCommit: string | null;
  rows: Array<{ row: number; kpi: string; period: string; ratio: boolean; entry: string }>;
}

/** A fingerprint of one dictionary entry as prf reads it: a change to any field changes it. */
export function entryFingerprint(kpi: Kpi): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(kpi)))
    .digest('hex')
    .slice(0, 16);
}

/** The seal over the locked cells (address and text, in any order) and the marker. */
export function sealOf(lockedCells: ReadonlyArray<readonly [string, string]>, marker: FormMarker): string {
  const order = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return Number(m[2]) * 100000 + [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  };
  const cells = [...lockedCells].sort((a, b) => order(a[0]) - order(b[0])).map(([ref, text]) => `${ref}\t${text}`);
  return createHash('sha256').update(JSON.stringify(marker)).update('\n').update(cells.join('\n')).digest('hex');
}
