/**
 * Reads a filled return form back: checks it is prf's, unaltered, for the expected period and
 * made from today's dictionary entries, then reads each row's cells through the outturn row
 * rules `prf validate` applies to CSVs. Every problem is a diagnostic naming the file, and for
 * a cell its sheet, reference and KPI.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { RuleCode } from '../diagnostics/codes.js';
import { diagnostic, START, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { Kpi } from '../model/kpi.js';
import type { OutturnColumn } from '../model/outturn.js';
import { readOutturnRow } from './outturn-csv.js';
import { checkXlsx } from './xlsx-bounds.js';
import type { Observation } from '../model/workspace.js';
import { cellText, lockedCells } from '../formats/form-cells.js';
import {
  cellRef,
  columnOf,
  FORM_SHEET,
  FORM_VERSION,
  MARKER_SHEET,
  MARKER_TITLE,
  sealOf,
  type FormColumnKey,
  type FormMarker,
} from '../formats/form-layout.js';

export interface FormResult {
  observations: Observation[];
  /** Rows the collector left empty: nothing is imported for them. */
  unfilled: Array<{ kpi: string; period: string }>;
  diagnostics: Diagnostic[];
  marker: FormMarker | null;
}

const COLUMN_OF: Record<OutturnColumn, FormColumnKey | null> = {
  kpi: 'kpi',
  period: 'period',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  reviewed_by: null,
  note: 'note',
};

function readMarker(sheet: Worksheet): { marker: FormMarker; seal: string } | null {
  const text = (row: number, col: number) => cellText(sheet.getRow(row).getCell(col)).trim();
  if (text(1, 1) !== MARKER_TITLE || text(1, 2) !== String(FORM_VERSION)) return null;
  const rows: FormMarker['rows'] = [];
  for (let r = 7; text(r, 1) !== ''; r++) {
    rows.push({ row: Number(text(r, 1)), kpi: text(r, 2), period: text(r, 3), ratio: text(r, 4) === 'ratio', entry: text(r, 5) });
  }
  return {
    marker: { version: FORM_VERSION, period: text(2, 2), collector: text(3, 2), dictionaryCommit: text(4, 2) || null, rows },
    seal: text(5, 2),
  };
}

export interface FormContext {
  kpis: ReadonlyMap<string, Kpi>;
  /** The fingerprint of each current dictionary entry, by id. */
  entries: ReadonlyMap<string, string>;
  currentCommit: string | null;
  /** The period the officer said they are importing (--period), if they did. */
  period: string | null;
}

const short = (commit: string | null) => (commit === null ? 'outside git' : `commit ${commit.slice(0, 10)}`);

export async function readForm(file: string, bytes: Uint8Array, ctx: FormContext): Promise<FormResult> {
  const fail = (code: RuleCode, message: string): FormResult => ({
    observations: [],
    unfilled: [],
    diagnostics: [diagnostic(file, START, 'error', code, message)],
    marker: null,
  });
  // Sizes and rows are bounded before exceljs unpacks anything.
  const checked = checkXlsx(bytes);
  if (!checked.ok) return fail('import-not-form', checked.message);
  const dates = new Set(checked.dateCells);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return fail('import-not-form', 'this is not an Excel workbook prf can read (.xlsx): save it as an Excel Workbook, or import a CSV');
  }
  const markerSheet = workbook.getWorksheet(MARKER_SHEET);
  const sheet = workbook.getWorksheet(FORM_SHEET);
  const read = markerSheet ? readMarker(markerSheet) : null;
  if (!read || !sheet) {
    return fail(
      'import-not-form',
      `this workbook is not a return form made by prf collect (it has no ${read ? `"${FORM_SHEET}" sheet` : 'prf marker'}): fill a form from prf collect, or import the figures as a CSV with columns kpi,period,value,...`,
    );
  }
  const { marker, seal } = read;
  if (sealOf(lockedCells(sheet, marker), marker) !== seal) {
    return fail(
      'import-tampered',
      `a locked cell of the ${FORM_SHEET} sheet or the hidden marker has changed since prf collect made the form (a reference, period, target or guidance text): nothing on it can be trusted, so fill in the form as sent or make a new one with prf collect ${marker.period}`,
    );
  }
  if (ctx.period !== null && marker.period !== ctx.period) {
    return fail(
      'import-wrong-period',
      `this form is for ${marker.period}, not ${ctx.period}: import it with --period ${marker.period}, or find the ${ctx.period} form`,
    );
  }
  const changed = marker.rows.filter((r) => ctx.entries.get(r.kpi) !== r.entry).map((r) => r.kpi);
  if (changed.length > 0) {
    const ids = [...new Set(changed)].join(', ');
    return fail(
      'import-dictionary-changed',
      `the form was made from an older dictionary (${short(marker.dictionaryCommit)}; now ${short(ctx.currentCommit)}): the entries for ${ids} have changed or gone since, so its targets and definitions may be wrong. Make a new form with prf collect ${marker.period} and copy the figures across`,
    );
  }

  const diagnostics: Diagnostic[] = [];
  const observations: Observation[] = [];
  const unfilled: FormResult['unfilled'] = [];
  const kpiIds = [...ctx.kpis.keys()];
  for (const r of marker.rows) {
    const row = sheet.getRow(r.row);
    const cell = (c: OutturnColumn): string => {
      const key = COLUMN_OF[c];
      if (key === 'kpi') return r.kpi;
      if (key === 'period') return r.period;
      return key === null ? '' : cellText(row.getCell(columnOf(key)));
    };
    if (['value', 'numerator', 'denominator'].every((c) => cell(c as OutturnColumn).trim() === '')) {
      unfilled.push({ kpi: r.kpi, period: r.period });
      continue;
    }
    const cellAt = (c: OutturnColumn): Position => ({ line: r.row, column: columnOf(COLUMN_OF[c] ?? 'kpi') });
    const where = (at: Position) => `${FORM_SHEET}!${cellRef(at.line, at.column)} (${r.kpi} ${r.period})`;
    const err = (at: Position, code: RuleCode, message: string) => diagnostics.push(diagnostic(file, at, 'error', code, `${where(at)}: ${message}`));
    const warn = (at: Position, code: RuleCode, message: string) => diagnostics.push(diagnostic(file, at, 'warning', code, `${where(at)}: ${message}`));
    // A date is not a figure, though exceljs reads a date cell (t="d") as its year.
    const dated = (['value', 'numerator', 'denominator'] as const).filter((c) => dates.has(cellRef(r.row, columnOf(COLUMN_OF[c]!))));
    if (dated.length > 0) {
      for (const c of dated) err(cellAt(c), 'csv-value-invalid', `${c}: this cell holds a date, not a number: type the figure as a number`);
      continue;
    }
    const o = readOutturnRow({ cell, cellAt, origin: { file, line: r.row } }, ctx.kpis, kpiIds, () => false, err, warn);
    if (o) observations.push(o);
  }
  return { observations, unfilled, diagnostics, marker };
}
