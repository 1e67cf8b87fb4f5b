/**
 * Writes one collector's return form: the visible "Return" sheet, protected except the yellow
 * input cells, each with data validation; and a very hidden "prf" sheet holding the marker and
 * the seal. Deterministic: the document dates and zip stamps are the period's last day.
 */
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { CollectForm, FormRow } from '../core/collect-plan.js';
import { lockedCells } from '../formats/form-cells.js';
import {
  columnOf,
  FIRST_DATA_ROW,
  FORM_COLUMNS,
  FORM_SHEET,
  FORM_VERSION,
  HEADER_ROW,
  inputColumns,
  MARKER_SHEET,
  MARKER_TITLE,
  sealOf,
  type FormMarker,
} from '../formats/form-layout.js';
import { stampZip } from './stamp-zip.js';

const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;

/** Value: a number within the KPI's range, or n/a (a figure that cannot be given). */
function valueValidation(cell: Cell, row: FormRow): void {
  const ref = cell.address;
  const checks = [`ISNUMBER(${ref})`, ...(row.min === null ? [] : [`${ref}>=${row.min}`]), ...(row.max === null ? [] : [`${ref}<=${row.max}`])];
  const range = row.min !== null && row.max !== null ? ` from ${row.min} to ${row.max}` : row.min !== null ? ` of ${row.min} or more` : '';
  cell.dataValidation = {
    type: 'custom',
    allowBlank: true,
    formulae: [`OR(AND(${checks.join(',')}),LOWER(TRIM(${ref}))="n/a")`],
    showErrorMessage: true,
    errorTitle: 'Not a figure',
    error: `Give a number${range}, or n/a if there is no figure for ${row.period}.`,
  };
}

function countValidation(cell: Cell): void {
  cell.dataValidation = {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: 'Not a count',
    error: 'Give a number of 0 or more.',
  };
}

function formSheet(workbook: ExcelJS.Workbook, organisation: string, form: CollectForm): { sheet: Worksheet; rows: FormMarker['rows'] } {
  const sheet = workbook.addWorksheet(FORM_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = FORM_COLUMNS.map((c) => ({ width: c.width }));
  sheet.getCell('A1').value = `${organisation}: performance return for ${form.period}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Data collector: ${form.collector}`;
  sheet.getCell('A3').value =
    `Return by ${form.returnBy}. Fill the yellow cells only: the value (or n/a), the numerator and denominator where asked, and a comment if the figure needs one.`;
  const header = sheet.getRow(HEADER_ROW);
  FORM_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  const rows: FormMarker['rows'] = [];
  form.rows.forEach((r, i) => {
    const n = FIRST_DATA_ROW + i;
    const row = sheet.getRow(n);
    const text: Partial<Record<(typeof FORM_COLUMNS)[number]['key'], string>> = {
      kpi: r.kpi,
      name: r.name,
      period: r.period,
      definition: r.definition,
      unit: r.unit,
      target: r.target,
      last: r.last,
      deadline: r.deadline,
    };
    for (const [key, value] of Object.entries(text)) {
      const cell = row.getCell(columnOf(key as keyof typeof text));
      cell.value = value;
      cell.alignment = { vertical: 'top', wrapText: true };
    }
    for (const key of inputColumns(r.ratio)) {
      const cell = row.getCell(columnOf(key));
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      cell.alignment = { vertical: 'top', wrapText: key === 'note' };
      if (key === 'value') valueValidation(cell, r);
      else if (key !== 'note') countValidation(cell);
    }
    rows.push({ row: n, kpi: r.kpi, period: r.period, ratio: r.ratio, entry: '' });
  });
  return { sheet, rows };
}

function markerSheet(workbook: ExcelJS.Workbook, marker: FormMarker, seal: string): void {
  const sheet = workbook.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  sheet.addRow([MARKER_TITLE, marker.version]);
  sheet.addRow(['period', marker.period]);
  sheet.addRow(['collector', marker.collector]);
  sheet.addRow(['dictionaryCommit', marker.dictionaryCommit ?? '']);
  sheet.addRow(['seal', seal]);
  sheet.addRow(['row', 'kpi', 'period', 'ratio', 'entry']);
  for (const r of marker.rows) sheet.addRow([r.row, r.kpi, r.period, r.ratio ? 'ratio' : '', r.entry]);
}

export interface FormInput {
  organisation: string;
  form: CollectForm;
  /** The fingerprint of each KPI's dictionary entry, by id. */
  entries: ReadonlyMap<string, string>;
  dictionaryCommit: string | null;
  /** The document date: the period's last day, so the same inputs give the same bytes. */
  day: string;
}

export async function buildForm(input: FormInput): Promise<Uint8Array> {
  const when = new Date(`${input.day}T00:00:00Z`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'prf';
  workbook.lastModifiedBy = 'prf';
  workbook.created = when;
  workbook.modified = when;
  workbook.title = `Performance return ${input.form.period}: ${input.form.collector}`;
  const { sheet, rows } = formSheet(workbook, input.organisation, input.form);
  const marker: FormMarker = {
    version: FORM_VERSION,
    period: input.form.period,
    collector: input.form.collector,
    dictionaryCommit: input.dictionaryCommit,
    rows: rows.map((r) => ({ ...r, entry: input.entries.get(r.kpi) ?? '' })),
  };
  markerSheet(workbook, marker, sealOf(lockedCells(sheet, marker), marker));
  // No password: protection stops slips, and the seal detects edits (see form-layout.ts).
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const buffer = await workbook.xlsx.writeBuffer();
  return stampZip(new Uint8Array(buffer as unknown as ArrayBuffer), input.day);
}
