/**
 * The Excel dashboard workbook (issue 4 item 5): an "About" sheet, a sheet per committee, the 70%
 * check and the exceptions. exceljs is heavy, so only this module loads it and run-report imports
 * this module only when xlsx is asked for.
 *
 * Cells keep their types: figures are numbers with an Excel number format per unit, so officers can
 * sort, filter and chart them; every piece of text goes through neutraliseFormula first, so a KPI
 * name or commentary starting with =, +, - or @ stays text if the sheet is ever re-saved as CSV or
 * pasted elsewhere.
 */
import ExcelJS from 'exceljs';
import type { Borders, Cell, Fill, Font, Row, Worksheet } from 'exceljs';
import { roundTo, type FigureStyle } from '../core/figures.js';
import type { Status } from '../core/ragg.js';
import { neutraliseFormula } from '../formats/spreadsheet-text.js';
import type { ReportViews } from '../views/build-report.js';
import { statusText, trendText } from '../views/labels.js';
import type { ActionView, DashboardRow, ImprovementView, PaperView } from '../views/view-types.js';
import { stampZip } from './stamp-zip.js';
import { counted } from '../text/plural.js';

type CellValue = string | number | null;

interface Column {
  header: string;
  width: number;
}

// ---------------------------------------------------------------------------------------------
// Sheet names

/** Excel refuses these characters in a sheet name, and names longer than 31 characters. */
const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;
/** Excel keeps "History" for its change tracking; a sheet of that name makes it repair the file. */
const RESERVED_SHEET_NAMES = new Set(['history']);

/**
 * A sheet name Excel accepts, distinct (ignoring case, as Excel does) from every name in `taken`,
 * which it joins. Bad characters become "-"; a clash gets " (2)", " (3)"... within the 31 characters.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const cut = (s: string, max: number) =>
    s
      .slice(0, max)
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
  const base = cut(wanted.replace(BAD_SHEET_CHARS, '-').replace(/\s+/g, ' '), MAX_SHEET_NAME) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()) || RESERVED_SHEET_NAMES.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

// ---------------------------------------------------------------------------------------------
// Number formats

/** A literal inside an Excel number format: quoted, with any quote in it escaped. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '"\\""')}"`;
}

/**
 * The Excel number format that prints a figure as formatFigure does (thousands grouped, the KPI's
 * decimal places, its unit). prf stores percentages as 96.4, not 0.964, so the % is a literal:
 * Excel's own % format would multiply by 100.
 */
export function numberFormat(style: FigureStyle): string {
  const digits = `#,##0${style.decimals > 0 ? `.${'0'.repeat(style.decimals)}` : ''}`;
  switch (style.unit) {
    case 'percentage':
      return `${digits}${literal('%')}`;
    case 'currency':
      return `${literal('£')}${digits}`;
    case 'days':
      return `${digits} ${literal(style.unitLabel ?? 'days')}`;
    default:
      return style.unitLabel ? `${digits} ${literal(style.unitLabel)}` : digits;
  }
}

// ---------------------------------------------------------------------------------------------
// Cells

/** The GOV.UK colours the HTML badges use, so the workbook and the paper look alike. */
const STATUS_FILL: Record<Status, { fill: Fill; font: Partial<Font>; border?: Partial<Borders> }> = {
  red: { fill: solid('FFD4351C'), font: { color: { argb: 'FFFFFFFF' }, bold: true } },
  amber: { fill: solid('FFFFDD00'), font: { color: { argb: 'FF0B0C0C' }, bold: true } },
  green: { fill: solid('FF00703C'), font: { color: { argb: 'FFFFFFFF' }, bold: true } },
  grey: { fill: solid('FF505A5F'), font: { color: { argb: 'FFFFFFFF' }, bold: true } },
  // Missing data is not a colour: a white cell with a light hatch and a dashed frame, like the HTML badge.
  missing: {
    fill: { type: 'pattern', pattern: 'lightGray', fgColor: { argb: 'FFB1B4B6' }, bgColor: { argb: 'FFFFFFFF' } },
    font: { color: { argb: 'FF0B0C0C' }, bold: true },
    border: Object.fromEntries(['top', 'left', 'bottom', 'right'].map((side) => [side, { style: 'mediumDashed', color: { argb: 'FF0B0C0C' } }])),
  },
  // Not applicable is not a colour either: a white cell with a thin solid frame.
  na: {
    fill: solid('FFFFFFFF'),
    font: { color: { argb: 'FF0B0C0C' }, bold: true },
    border: Object.fromEntries(['top', 'left', 'bottom', 'right'].map((side) => [side, { style: 'thin', color: { argb: 'FF0B0C0C' } }])),
  },
};

function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function setText(cell: Cell, text: string | null): void {
  cell.value = text === null || text === '' ? null : neutraliseFormula(text);
}

/** The figure as the paper prints it: rounded to the KPI's places, so a sum in Excel matches the paper. */
function setFigure(cell: Cell, value: number | null, style: FigureStyle): void {
  cell.numFmt = numberFormat(style);
  cell.value = value === null ? null : roundTo(value, style.decimals);
}

/** Status by fill and by word and symbol, so it is never colour alone. */
function setStatus(cell: Cell, status: Status): void {
  const look = STATUS_FILL[status];
  setText(cell, statusText(status));
  cell.fill = look.fill;
  cell.font = look.font;
  if (look.border) cell.border = look.border;
}

/** A sheet whose first row is a frozen, bold header with set column widths. */
function addTable(workbook: ExcelJS.Workbook, name: string, columns: Column[], printTitle: string): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
    headerFooter: { oddHeader: `&L${headerText(printTitle)}`, oddFooter: '&RPage &P of &N' },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  header(sheet.getRow(1), columns);
  return sheet;
}

function header(row: Row, columns: Column[]): void {
  columns.forEach((c, i) => setText(row.getCell(i + 1), c.header));
  row.font = { bold: true };
  row.alignment = { vertical: 'top', wrapText: true };
  row.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
}

/** Print headers treat & as a code: a literal ampersand is written twice. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

function filterAll(sheet: Worksheet, columns: Column[]): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: columns.length } };
}

// Points per line of 11-point text, and how many characters a column of width w holds per line
// (a width is in characters of the default font; proportional text runs a little wider).
const LINE_HEIGHT = 15;
const charsPerLine = (width: number) => Math.max(1, Math.floor(width * 0.9));

/** Lines a text takes when wrapped at word boundaries into a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const limit = charsPerLine(width);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const len = word.length;
      if (used === 0) used = len;
      else if (used + 1 + len <= limit) used += 1 + len;
      else {
        lines++;
        used = len;
      }
      // A word longer than the column breaks across lines of its own.
      while (used > limit) {
        lines++;
        used -= limit;
      }
    }
  }
  return lines;
}

/**
 * Wraps every body cell and sets each row (the header too) tall enough for its wrapped text:
 * Excel fits heights when a file opens but LibreOffice does not, so without a height wrapped
 * text spills over the rows below it.
 */
function wrapBody(sheet: Worksheet): void {
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
    let lines = 1;
    row.eachCell((cell, col) => {
      const v = cell.value;
      if (typeof v === 'string') lines = Math.max(lines, wrappedLines(v, sheet.getColumn(col).width ?? 10));
    });
    row.height = lines * LINE_HEIGHT + 3;
  });
}

// ---------------------------------------------------------------------------------------------
// Sheets

function aboutSheet(workbook: ExcelJS.Workbook, views: ReportViews, names: Map<string, string>, title: string): void {
  const columns: Column[] = [
    { header: 'Item', width: 28 },
    { header: 'Detail', width: 70 },
    { header: 'Who must act', width: 40 },
  ];
  const sheet = addTable(workbook, 'About', columns, title);
  const { index } = views;
  const rows: Array<[string, string, string | null]> = [
    ['Organisation', index.organisation, null],
    ['Period', index.period.title, null],
    ['State', index.draft ? `DRAFT: ${counted(views.gaps.length, 'gap')} remain` : 'Complete', null],
    ['Date', index.date ?? 'Not dated', null],
    ...views.papers.map((p): [string, string, string | null] => [`Sheet "${names.get(p.committee.id)!}"`, p.committee.name, null]),
    ['Sheet "70% check"', 'The 70% improvement check, council-wide and per committee', null],
    ['Sheet "Exceptions"', 'One row per exception report, with its commentary', null],
    ...views.gaps.map((g): [string, string, string | null] => [`Gap: ${g.kpi.id}`, g.problem, g.who]),
  ];
  rows.forEach((values, n) => values.forEach((v, i) => setText(sheet.getRow(n + 2).getCell(i + 1), v)));
  wrapBody(sheet);
}

const DASHBOARD_COLUMNS: Column[] = [
  { header: 'Ref', width: 12 },
  { header: 'Indicator', width: 48 },
  { header: 'Priority', width: 30 },
  { header: 'Outturn', width: 14 },
  { header: 'Target', width: 14 },
  { header: 'Status', width: 16 },
  { header: 'vs last period', width: 15 },
  { header: 'vs last year', width: 15 },
  { header: 'SPC', width: 26 },
  { header: 'Benchmark', width: 34 },
  { header: 'Data source', width: 12 },
  { header: 'Notes', width: 44 },
];

/** "Outturn: year to date; target: to be set": what the paper prints beside the figures. */
function notesFor(row: DashboardRow): string | null {
  const notes = [row.valueNote && `Outturn: ${row.valueNote}`, row.targetNote && `Target: ${row.targetNote}`, row.reason && `Status: ${row.reason}`].filter(
    (n): n is string => !!n,
  );
  return notes.length > 0 ? notes.join('; ') : null;
}

function committeeSheet(workbook: ExcelJS.Workbook, paper: PaperView, name: string, title: string): void {
  const sheet = addTable(workbook, name, DASHBOARD_COLUMNS, `${paper.committee.name}: ${title}`);
  for (const group of paper.groups) {
    for (const r of group.rows) {
      const row = sheet.getRow(sheet.rowCount + 1);
      const cells: Array<(c: Cell) => void> = [
        (c) => setText(c, r.id),
        (c) => setText(c, r.name),
        (c) => setText(c, group.name),
        (c) => setFigure(c, r.value, r.style),
        (c) => setFigure(c, r.target, r.style),
        (c) => setStatus(c, r.status),
        (c) => setText(c, trendText(r.trendPrevious)),
        (c) => setText(c, trendText(r.trendLastYear)),
        (c) => setText(c, r.spc),
        (c) => setText(c, r.benchmark),
        (c) => setText(c, r.confidence),
        (c) => setText(c, notesFor(r)),
      ];
      cells.forEach((set, i) => set(row.getCell(i + 1)));
    }
  }
  wrapBody(sheet);
  filterAll(sheet, DASHBOARD_COLUMNS);
}

const IMPROVEMENT_COLUMNS: Column[] = [
  { header: 'Scope', width: 44 },
  { header: 'Year to date', width: 14 },
  { header: 'Compared with', width: 14 },
  { header: 'Improved', width: 10 },
  { header: 'Declined', width: 10 },
  { header: 'Unchanged', width: 11 },
  { header: 'Not comparable', width: 12 },
  { header: 'Share improved', width: 12 },
  { header: 'Threshold', width: 11 },
  { header: 'Met', width: 8 },
  { header: 'More needed', width: 11 },
];

const AT_RISK_COLUMNS = ['Committee', 'Ref', 'Indicator', 'Outcome', 'Reason'];

const OUTCOME_WORDS: Record<string, string> = { improved: 'Improved', declined: 'Declined', unchanged: 'Unchanged', notComparable: 'Not comparable' };

function improvementRow(row: Row, scope: string, v: ImprovementView): void {
  const values: CellValue[] = [
    scope,
    v.through,
    v.comparedWith,
    v.improved,
    v.declined,
    v.unchanged,
    v.notComparable,
    v.share,
    v.threshold,
    v.met ? 'Yes' : 'No',
    v.moreNeeded,
  ];
  values.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    if (typeof value === 'number') cell.value = value;
    else setText(cell, value);
  });
  // Shares are fractions (0.7), so Excel's own percent format is right here.
  row.getCell(8).numFmt = '0%';
  row.getCell(9).numFmt = '0%';
}

/**
 * The 70% check: the council-wide figures and each committee's, then the indicators that put
 * each committee's threshold at risk (declined, then unchanged). The views carry only those
 * at-risk indicators, not every indicator's outcome.
 */
function improvementSheet(workbook: ExcelJS.Workbook, views: ReportViews, name: string, title: string): void {
  const sheet = addTable(workbook, name, IMPROVEMENT_COLUMNS, `70% improvement check: ${title}`);
  improvementRow(sheet.getRow(2), 'Council-wide (all indicators)', views.index.improvement);
  for (const p of views.papers) improvementRow(sheet.getRow(sheet.rowCount + 1), p.committee.name, p.committeeImprovement);

  const atRisk = views.papers.flatMap((p) => p.committeeImprovement.atRisk.map((k) => ({ committee: p.committee.name, ...k })));
  const start = sheet.rowCount + 2;
  setText(sheet.getRow(start).getCell(1), atRisk.length > 0 ? 'Indicators putting the threshold at risk' : 'No indicator puts the threshold at risk');
  sheet.getRow(start).font = { bold: true };
  if (atRisk.length > 0) {
    header(
      sheet.getRow(start + 1),
      AT_RISK_COLUMNS.map((h) => ({ header: h, width: 0 })),
    );
    for (const k of atRisk) {
      const row = sheet.getRow(sheet.rowCount + 1);
      [k.committee, k.id, k.name, OUTCOME_WORDS[k.outcome] ?? k.outcome, k.reason].forEach((v, i) => setText(row.getCell(i + 1), v));
    }
  }
  wrapBody(sheet);
}

const EXCEPTION_COLUMNS: Column[] = [
  { header: 'Priority', width: 26 },
  { header: 'Aim', width: 26 },
  { header: 'Ref', width: 12 },
  { header: 'Measure', width: 34 },
  { header: 'Committee', width: 28 },
  { header: 'Definition', width: 44 },
  { header: 'Baseline', width: 24 },
  { header: 'Benchmark', width: 36 },
  { header: 'Outturn', width: 14 },
  { header: 'Target', width: 14 },
  { header: 'Status', width: 16 },
  { header: 'Why this status', width: 36 },
  { header: 'Trend', width: 24 },
  { header: 'Performance overview', width: 60 },
  { header: 'Actions to improve', width: 60 },
  { header: 'Barriers', width: 44 },
  { header: 'Likely outturn', width: 14 },
];

function actionText(a: ActionView): string {
  const state = a.done ? `done ${a.done}` : a.overdue ? 'OVERDUE' : null;
  return `${a.action} (${a.owner}; due ${a.due}${state ? `; ${state}` : ''})`;
}

function exceptionsSheet(workbook: ExcelJS.Workbook, views: ReportViews, name: string, title: string): void {
  const sheet = addTable(workbook, name, EXCEPTION_COLUMNS, `Exceptions: ${title}`);
  for (const e of views.papers.flatMap((p) => p.exceptions)) {
    const r = e.row;
    const row = sheet.getRow(sheet.rowCount + 1);
    const cells: Array<(c: Cell) => void> = [
      (c) => setText(c, e.priority),
      (c) => setText(c, e.aim),
      (c) => setText(c, r.id),
      (c) => setText(c, r.name),
      (c) => setText(c, e.committee),
      (c) => setText(c, e.definition),
      (c) => setText(c, e.baseline),
      (c) => setText(c, e.benchmark),
      (c) => setFigure(c, r.value, r.style),
      (c) => setFigure(c, r.target, r.style),
      (c) => setStatus(c, r.status),
      (c) => setText(c, r.explanation),
      (c) => setText(c, `Last period: ${trendText(r.trendPrevious)}\nLast year: ${trendText(r.trendLastYear)}`),
      (c) => setText(c, e.overview),
      (c) => setText(c, e.actions.length > 0 ? e.actions.map(actionText).join('\n') : null),
      (c) => setText(c, e.barriers),
      (c) => setFigure(c, e.likelyOutturn, r.style),
    ];
    cells.forEach((set, i) => set(row.getCell(i + 1)));
  }
  wrapBody(sheet);
  filterAll(sheet, EXCEPTION_COLUMNS);
}

// ---------------------------------------------------------------------------------------------
// The workbook

const EPOCH = '2000-01-01';

/**
 * The dashboard workbook for a set of papers. Deterministic: no clock is read, so the same views
 * give the same bytes; the document dates are the papers' --date, or a fixed 2000-01-01.
 */
export async function buildWorkbook(views: ReportViews): Promise<Uint8Array> {
  const day = views.index.date ?? EPOCH;
  const when = new Date(`${day}T00:00:00Z`);
  const title = `${views.index.organisation}, ${views.index.period.title}${views.index.draft ? ' (DRAFT)' : ''}`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'prf';
  workbook.lastModifiedBy = 'prf';
  workbook.created = when;
  workbook.modified = when;
  workbook.title = `Performance dashboard: ${title}`;

  const taken = new Set<string>(['about', '70% check', 'exceptions']);
  // Committee sheets are named in paper order, so the same committees always get the same names.
  const names = new Map(views.papers.map((p) => [p.committee.id, sheetName(p.committee.shortName, taken)]));
  aboutSheet(workbook, views, names, title);
  for (const p of views.papers) committeeSheet(workbook, p, names.get(p.committee.id)!, title);
  improvementSheet(workbook, views, '70% check', title);
  exceptionsSheet(workbook, views, 'Exceptions', title);

  const buffer = await workbook.xlsx.writeBuffer();
  return stampZip(new Uint8Array(buffer as unknown as ArrayBuffer), day);
}
