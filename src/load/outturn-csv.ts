import { canonicalSpelling } from '../model/period-spellings.js';
import { formatPeriod, parsePeriod, PERIOD_KIND_OF_FREQUENCY } from '../model/periods.js';
import type { RuleCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { Kpi, Measure } from '../model/kpi.js';
import { OUTTURN_COLUMNS, REQUIRED_OUTTURN_COLUMNS, type OutturnColumn } from '../model/outturn.js';
import type { Observation, Origin } from '../model/workspace.js';
import { parseNumberCell, type CellOptions, type CellResult } from './cells.js';
import { fieldPositions, isBlankRecord, recordCursor, type RecordCursor } from '../formats/csv-records.js';
import { observationRow, type NamedPeriod } from './observation-row.js';
import { figureRange, rangeOk } from '../core/figure-range.js';
import { suggestion } from '../diagnostics/suggest.js';
import { codePointName, firstControl } from '../text/controls.js';

const FREQUENCY_EXAMPLE: Record<string, string> = {
  month: 'a month such as 2025-10',
  quarter: 'a quarter such as 2025-26-Q3',
  half: 'a half year such as 2025-26-H1',
  year: 'a financial year such as 2025-26',
};

/** Header cells as spreadsheets write them ("Reviewed By") mapped to prf's column names. */
export function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Reads one outturn CSV. Every row either becomes an observation or produces at least one
 * diagnostic naming its line and column; nothing is dropped silently.
 */
export function readOutturnCsv(
  file: string,
  text: string,
  kpis: ReadonlyMap<string, Kpi>,
  reportedElsewhere: (id: string) => boolean = () => false,
): { observations: Observation[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const observations: Observation[] = [];
  const err = (at: Position, code: RuleCode, message: string) => diagnostics.push(diagnostic(file, at, 'error', code, message));
  const warn = (at: Position, code: RuleCode, message: string) => diagnostics.push(diagnostic(file, at, 'warning', code, message));

  let cursor: RecordCursor;
  try {
    cursor = recordCursor(text);
  } catch (e) {
    const x = e as { message?: string; lines?: number; code?: string };
    const advice = x.code === 'CSV_QUOTE_NOT_CLOSED' ? 'close the quote or remove the stray " character' : 'check the row in a text editor';
    err({ line: x.lines ?? 1, column: 1 }, 'csv-syntax', `${(x.message ?? 'the CSV cannot be parsed').replace(/^[^:]*: /, '')}: ${advice}`);
    return { observations, diagnostics };
  }

  const nextRow = (): boolean => {
    while (cursor.next()) if (!isBlankRecord(cursor)) return true;
    return false;
  };
  if (!nextRow()) {
    err({ line: 1, column: 1 }, 'csv-header', `no header row: the first line must name the columns (${REQUIRED_OUTTURN_COLUMNS.join(',')})`);
    return { observations, diagnostics };
  }
  const header = cursor.cells.slice(0, cursor.count);
  const headerStart = cursor.line;
  const headerPositions = fieldPositions(cursor.text(), headerStart);
  // Each known column's position in the row.
  const columns: Partial<Record<OutturnColumn, number>> = {};
  let headerOk = true;
  header.forEach((cell, i) => {
    const name = normaliseHeader(cell);
    const at = headerPositions[i] ?? { line: headerStart, column: 1 };
    if (!(OUTTURN_COLUMNS as readonly string[]).includes(name)) {
      err(at, 'csv-header', `unknown column "${cell.trim()}".${suggestion(name, OUTTURN_COLUMNS) || ` Columns are: ${OUTTURN_COLUMNS.join(', ')}.`}`);
      headerOk = false;
    } else if (columns[name as OutturnColumn] !== undefined) {
      err(at, 'csv-header', `column "${name}" appears twice: keep one`);
      headerOk = false;
    } else columns[name as OutturnColumn] = i;
  });
  for (const required of REQUIRED_OUTTURN_COLUMNS) {
    if (columns[required] === undefined) {
      err(
        { line: headerStart, column: 1 },
        'csv-header',
        `the header has no "${required}" column: the columns ${REQUIRED_OUTTURN_COLUMNS.join(', ')} are required`,
      );
      headerOk = false;
    }
  }
  if (!headerOk) return { observations, diagnostics };
  const kpiIds = [...kpis.keys()];

  // One set of accessors serves every row: they read the cursor's current record, so a million
  // rows cost no closures. Columns are worked out only for a row with a problem: most have none.
  let positions: Position[] | null = null;
  const positionsOf = () => (positions ??= fieldPositions(cursor.text(), cursor.line));
  const origin = { file, line: 0 };
  // Rows come grouped by KPI, so the last id looked up answers most rows without hashing again.
  let lastId = '';
  let lastKpi: Kpi | undefined;
  const byId: KpiLookup = { get: (id) => (id === lastId ? lastKpi : ((lastId = id), (lastKpi = kpis.get(id)))) };
  const row: OutturnRowCells = {
    cell: (c) => {
      const i = columns[c];
      return i === undefined ? '' : (cursor.cells[i] ?? '');
    },
    cellAt: (c) => positionsOf()[columns[c] ?? -1] ?? { line: cursor.line, column: 1 },
    origin,
  };
  while (nextRow()) {
    const line = cursor.line;
    positions = null;
    origin.line = line;
    if (cursor.count !== header.length) {
      const extra = cursor.count > header.length;
      err(
        extra ? (positionsOf()[header.length] ?? { line, column: 1 }) : { line, column: cursor.text().length + 1 },
        'csv-ragged-row',
        `this row has ${cursor.count} cells but the header has ${header.length}: ${extra ? 'remove the extra cells or quote a value that contains a comma ("1,234")' : 'add the missing cells (leave them empty if unknown)'}`,
      );
      continue;
    }
    const o = readOutturnRow(row, byId, kpiIds, reportedElsewhere, err, warn);
    if (o) observations.push(o);
  }
  return { observations, diagnostics };
}

export type KpiLookup = Pick<ReadonlyMap<string, Kpi>, 'get'>;

export type Report = (at: Position, code: RuleCode, message: string) => void;

/*
 * A million rows name a few hundred periods and a few dozen reviewers. Each distinct text is
 * parsed once and its result shared by every row naming it, which saves most of the time and
 * memory a row would otherwise cost. The caches are bounded, so hostile input cannot grow them
 * without limit; pure functions, so sharing cannot change a result.
 */
const CACHE_LIMIT = 50_000;
const periods = new Map<string, { ok: true } & NamedPeriod>();
const strings = new Map<string, string>();

function periodOf(text: string): ({ ok: true } & NamedPeriod) | { ok: false; message: string; outOfRange?: true } {
  const hit = periods.get(text);
  if (hit) return hit;
  const parsed = parsePeriod(text);
  if (!parsed.ok) return parsed;
  if (periods.size >= CACHE_LIMIT) periods.clear();
  const result = { ok: true as const, period: parsed.value, name: formatPeriod(parsed.value) };
  periods.set(text, result);
  return result;
}

// Consecutive rows mostly share a reviewer: comparing with the last costs less than a lookup.
let lastShared = '';

/** One copy of each short text, flattened so it does not keep its whole CSV file alive. */
function shared(text: string): string {
  if (text === lastShared) return lastShared;
  const hit = strings.get(text);
  if (hit !== undefined) return (lastShared = hit);
  if (text.length > 200) return flattened(text);
  if (strings.size >= CACHE_LIMIT) strings.clear();
  const copy = flattened(text);
  strings.set(copy, copy);
  return (lastShared = copy);
}

/** A copy of `text` that is not a slice of the file it was cut from. */
function flattened(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * One row's cells by column and where each sits, so CSV lines and spreadsheet cells share the
 * row rules. Read only during readOutturnRow: a reader may reuse it for the next row.
 */
export interface OutturnRowCells {
  cell: (c: OutturnColumn) => string;
  cellAt: (c: OutturnColumn) => Position;
  origin: Origin;
}

/**
 * The rules for one outturn row after its shape is known: a known measure, a period of its
 * frequency, numbers that parse and agree. Returns the observation, or null with at least one
 * diagnostic reported (or none when the KPI's own file is broken and reported there).
 */
export function readOutturnRow(
  row: OutturnRowCells,
  kpis: KpiLookup,
  kpiIds: readonly string[],
  reportedElsewhere: (id: string) => boolean,
  err: Report,
  warn: Report,
): Observation | null {
  const { cell, cellAt } = row;
  const id = cell('kpi').trim();
  const kpi = kpis.get(id);
  // A KPI whose own file is invalid is reported there; its rows are checked once it is fixed.
  if (!kpi && reportedElsewhere(id)) return null;
  if (!kpi) {
    err(
      cellAt('kpi'),
      'csv-unknown-kpi',
      id === ''
        ? 'the kpi cell is empty: give the KPI id'
        : `"${id}" is not a KPI in the dictionary.${suggestion(id, kpiIds) || ' Check the id or add the KPI to kpis/.'}`,
    );
    return null;
  }
  if (kpi.kind !== 'measure') {
    err(cellAt('kpi'), 'csv-not-measure', `${id} is a ${kpi.kind}: give its status and narrative in the period's commentary file, not a figure here`);
    return null;
  }
  const periodText = cell('period').trim();
  const parsed = periodOf(periodText);
  if (!parsed.ok) {
    const meant = canonicalSpelling(periodText);
    if (parsed.outOfRange) err(cellAt('period'), 'csv-period-out-of-range', parsed.message);
    else
      err(
        cellAt('period'),
        'csv-period-invalid',
        meant === null ? parsed.message : `"${periodText}" is written ${meant} in prf's files: did you mean ${meant}?`,
      );
    return null;
  }
  const expectedKind = PERIOD_KIND_OF_FREQUENCY[kpi.frequency];
  if (parsed.period.kind !== expectedKind) {
    err(
      cellAt('period'),
      'csv-period-frequency',
      `${id} is collected ${kpi.frequency}, so its period must be ${FREQUENCY_EXAMPLE[expectedKind]}, not "${periodText}"`,
    );
    return null;
  }
  const figures = readFigures(kpi, cell, cellAt, err, warn);
  if (!figures) return null;
  const reviewed = cell('reviewed_by').trim();
  const note = cell('note').trim();
  // The text rule, as for the dictionary: a reviewer is one line; a note may run over lines.
  for (const [c, text, oneLine] of [
    ['reviewed_by', reviewed, true],
    ['note', note, false],
  ] as const) {
    if (text === '') continue;
    const hit = firstControl(text)?.char ?? (oneLine ? /[\t\n]/.exec(text)?.[0] : undefined);
    if (hit !== undefined)
      err(
        cellAt(c),
        'text-control-character',
        `${c} holds a control character (${codePointName(hit)}), which can rewrite a terminal line or hide text: remove it${oneLine ? ' (a role is one line)' : ' (tabs and line breaks are fine)'}`,
      );
  }
  return observationRow(
    kpi.id,
    parsed,
    figures,
    row.origin.file,
    row.origin.line,
    reviewed === '' ? null : shared(reviewed),
    note === '' ? null : flattened(note),
  );
}

// A trailing % only in a percentage KPI's value; a leading £ in any figure of a currency KPI.
const PLAIN: CellOptions = Object.freeze({ allowPercent: false, allowPound: false });
const POUNDS: CellOptions = Object.freeze({ allowPercent: false, allowPound: true });
const PERCENT: CellOptions = Object.freeze({ allowPercent: true, allowPound: false });

function readFigures(
  kpi: Measure,
  cell: (c: OutturnColumn) => string,
  cellAt: (c: OutturnColumn) => Position,
  err: Report,
  warn: Report,
): { value: number | null; numerator: number | null; denominator: number | null; notApplicable?: boolean } | null {
  const countOptions = kpi.unit === 'currency' ? POUNDS : PLAIN;
  const valueOptions = kpi.unit === 'percentage' ? PERCENT : countOptions;
  const value = parseNumberCell(cell('value'), valueOptions);
  const num = parseNumberCell(cell('numerator'), countOptions);
  const den = parseNumberCell(cell('denominator'), countOptions);
  // Each invalid cell is reported, not just the first.
  let invalid = reportInvalid('value', value, cellAt, err);
  invalid = reportInvalid('numerator', num, cellAt, err) || invalid;
  invalid = reportInvalid('denominator', den, cellAt, err) || invalid;
  if (invalid) return null;
  if (value.kind === 'notApplicable') return notApplicableRow(kpi, num, den, cell, cellAt, err, warn);
  const numerator = num.kind === 'number' ? num.value : null;
  const denominator = den.kind === 'number' ? den.value : null;
  if ((numerator === null) !== (denominator === null)) {
    err(cellAt(numerator === null ? 'numerator' : 'denominator'), 'csv-ratio-incomplete', 'give both the numerator and the denominator, or neither');
    return null;
  }
  const scale = kpi.unit === 'percentage' ? 100 : 1;
  let figure: number | null = value.kind === 'number' ? value.value : null;
  if (numerator !== null && denominator !== null) {
    if (denominator === 0) {
      if (figure !== null) {
        err(
          cellAt('denominator'),
          'csv-ratio-incomplete',
          'the denominator is 0, so there is no figure: write n/a as the value and leave numerator and denominator empty',
        );
        return null;
      }
    } else {
      const computed = (numerator / denominator) * scale;
      if (figure === null && value.kind === 'blank') figure = computed;
      else if (figure !== null && Math.abs(figure - computed) > 0.5 * 10 ** -kpi.decimals + 1e-9) {
        err(
          cellAt('value'),
          'csv-ratio-mismatch',
          `the value ${figure} does not agree with ${numerator} / ${denominator}${scale === 100 ? ' x 100' : ''} = ${round(computed, kpi.decimals + 2)}: correct the value or the counts`,
        );
        return null;
      }
    }
  }
  if (figure === null && value.kind === 'blank') {
    warn(cellAt('value'), 'csv-value-blank', `the value is blank: write n/a if ${kpi.id} has no figure for this period, or give the figure`);
  }
  if (figure !== null && !rangeOk(kpi, figure)) {
    err(cellAt('value'), 'csv-value-range', rangeAdvice(kpi, figure));
    return null;
  }
  // A ratio rolls up as the sum of numerators over the sum of denominators: without them this
  // figure stands alone, and the quarter and year it belongs to cannot be worked out.
  if (figure !== null && numerator === null && kpi.aggregation === 'ratio' && kpi.frequency !== 'annual') {
    warn(
      cellAt('numerator'),
      'csv-ratio-counts-missing',
      `${kpi.id} is a ratio: give the numerator and denominator too, or its ${kpi.frequency === 'monthly' ? 'quarter and year' : 'year'} figures cannot be worked out from this one`,
    );
  }
  return { value: figure, numerator, denominator };
}

/** A row saying the measure does not apply: no counts beside it, and a reason in the note. */
function notApplicableRow(
  kpi: Measure,
  num: CellResult,
  den: CellResult,
  cell: (c: OutturnColumn) => string,
  cellAt: (c: OutturnColumn) => Position,
  err: Report,
  warn: Report,
): { value: null; numerator: null; denominator: null; notApplicable: true } | null {
  if (num.kind !== 'blank' || den.kind !== 'blank') {
    err(
      cellAt(num.kind !== 'blank' ? 'numerator' : 'denominator'),
      'csv-value-invalid',
      `the value says ${kpi.id} does not apply for this period, so it has no numerator or denominator: leave them empty, or give the figure`,
    );
    return null;
  }
  if (cell('note').trim() === '') {
    warn(
      cellAt('value'),
      'csv-na-reason',
      `${kpi.id} is recorded as not applicable with no reason: say why in the note column (for example "no lifts in the stock")`,
    );
  }
  return { value: null, numerator: null, denominator: null, notApplicable: true };
}

/**
 * Why a figure cannot be right for its KPI and what to do. A percentage above 100 is not a
 * fraction typed for a percentage, so the advice is not about writing 96.4 for 0.964.
 */
function rangeAdvice(kpi: Measure, figure: number): string {
  const range = figureRange(kpi)!;
  if (kpi.unit === 'days') return `${figure} cannot be a number of days for ${kpi.id}: a number of days is never negative; check the figure`;
  if (kpi.unit === 'rate') return `${figure} cannot be a rate for ${kpi.id}: a rate is never negative; check the figure`;
  const share = kpi.aggregation === 'ratio';
  if (figure > range.max) {
    return `${figure} is above ${range.max}, which ${share ? 'a percentage of a whole' : 'a percentage'} cannot be, for ${kpi.id}: check the figure; if this measure can pass ${range.max}% (a collection rate that takes in arrears), declare it in the dictionary entry with range: { max: 110 } (or its real ceiling)`;
  }
  return share
    ? `${figure} cannot be a percentage of a whole for ${kpi.id}: a share lies between 0 and 100; check the figure`
    : `${figure} is out of range for ${kpi.id} (${range.what}): check the figure`;
}

function reportInvalid(c: OutturnColumn, r: CellResult, cellAt: (c: OutturnColumn) => Position, err: Report): boolean {
  if (r.kind !== 'invalid') return false;
  err(cellAt(c), 'csv-value-invalid', `${c}: ${r.message}`);
  return true;
}

function round(v: number, dp: number): number {
  return Number(v.toFixed(dp));
}
