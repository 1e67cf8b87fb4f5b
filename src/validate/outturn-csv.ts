import { parse } from 'csv-parse/sync';
import { formatPeriod, parsePeriod, PERIOD_KIND_OF_FREQUENCY, type Period } from '../core/periods.js';
import type { RuleCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type { Kpi, Measure } from '../schema/kpi.js';
import { OUTTURN_COLUMNS, REQUIRED_OUTTURN_COLUMNS, type OutturnColumn } from '../schema/outturn.js';
import type { Observation, Origin } from '../workspace/model.js';
import { parseNumberCell, type CellResult } from './cells.js';
import { suggestion } from './suggest.js';

/** A parsed CSV record with where it starts; its text is recovered only when a message needs a column. */
export interface CsvRecord {
  record: string[];
  line: number;
  text: () => string;
}

const FREQUENCY_EXAMPLE: Record<string, string> = {
  month: 'a month such as 2025-10',
  quarter: 'a quarter such as 2025-26-Q3',
  half: 'a half year such as 2025-26-H1',
  year: 'a financial year such as 2025-26',
};

/** Header cells as spreadsheets write them ("Reviewed By") mapped to prf's column names. */
export function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
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

  let records: Iterator<CsvRecord>;
  try {
    records = csvRecords(text)[Symbol.iterator]();
  } catch (e) {
    const x = e as { message?: string; lines?: number; code?: string };
    const advice = x.code === 'CSV_QUOTE_NOT_CLOSED' ? 'close the quote or remove the stray " character' : 'check the row in a text editor';
    err({ line: x.lines ?? 1, column: 1 }, 'csv-syntax', `${(x.message ?? 'the CSV cannot be parsed').replace(/^[^:]*: /, '')}: ${advice}`);
    return { observations, diagnostics };
  }

  // Blank lines (every cell empty) are skipped wherever they are.
  const nextRow = (): CsvRecord | undefined => {
    for (let r = records.next(); !r.done; r = records.next()) if (r.value.record.some((c) => c.trim() !== '')) return r.value;
    return undefined;
  };
  const headerRecord = nextRow();
  if (!headerRecord) {
    err({ line: 1, column: 1 }, 'csv-header', `no header row: the first line must name the columns (${REQUIRED_OUTTURN_COLUMNS.join(',')})`);
    return { observations, diagnostics };
  }
  const headerStart = headerRecord.line;
  const headerPositions = fieldPositions(headerRecord.text(), headerStart);
  const columns = new Map<OutturnColumn, number>();
  let headerOk = true;
  headerRecord.record.forEach((cell, i) => {
    const name = normaliseHeader(cell);
    const at = headerPositions[i] ?? { line: headerStart, column: 1 };
    if (!(OUTTURN_COLUMNS as readonly string[]).includes(name)) {
      err(at, 'csv-header', `unknown column "${cell.trim()}".${suggestion(name, OUTTURN_COLUMNS) || ` Columns are: ${OUTTURN_COLUMNS.join(', ')}.`}`);
      headerOk = false;
    } else if (columns.has(name as OutturnColumn)) {
      err(at, 'csv-header', `column "${name}" appears twice: keep one`);
      headerOk = false;
    } else columns.set(name as OutturnColumn, i);
  });
  for (const required of REQUIRED_OUTTURN_COLUMNS) {
    if (!columns.has(required)) {
      err({ line: headerStart, column: 1 }, 'csv-header', `the header has no "${required}" column: the columns ${REQUIRED_OUTTURN_COLUMNS.join(', ')} are required`);
      headerOk = false;
    }
  }
  if (!headerOk) return { observations, diagnostics };
  const kpiIds = [...kpis.keys()];

  for (let row = nextRow(); row !== undefined; row = nextRow()) {
    const line = row.line;
    // Columns are worked out only for a row with a problem: most rows have none.
    let positions: Position[] | null = null;
    const positionsOf = () => (positions ??= fieldPositions(row.text(), line));
    const cellAt = (c: OutturnColumn): Position => positionsOf()[columns.get(c) ?? -1] ?? { line, column: 1 };
    const cell = (c: OutturnColumn): string => {
      const i = columns.get(c);
      return i === undefined ? '' : (row.record[i] ?? '');
    };
    if (row.record.length !== headerRecord.record.length) {
      const extra = row.record.length > headerRecord.record.length;
      err(
        extra ? (positionsOf()[headerRecord.record.length] ?? { line, column: 1 }) : { line, column: row.text().length + 1 },
        'csv-ragged-row',
        `this row has ${row.record.length} cells but the header has ${headerRecord.record.length}: ${extra ? 'remove the extra cells or quote a value that contains a comma ("1,234")' : 'add the missing cells (leave them empty if unknown)'}`,
      );
      continue;
    }
    const o = readOutturnRow({ cell, cellAt, origin: { file, line } }, kpis, kpiIds, reportedElsewhere, err, warn);
    if (o) observations.push(o);
  }
  return { observations, diagnostics };
}

export type Report = (at: Position, code: RuleCode, message: string) => void;

/*
 * A million rows name a few hundred periods and a few dozen reviewers. Each distinct text is
 * parsed once and its result shared by every row naming it, which saves most of the time and
 * memory a row would otherwise cost. The caches are bounded, so hostile input cannot grow them
 * without limit; pure functions, so sharing cannot change a result.
 */
const CACHE_LIMIT = 50_000;
const periods = new Map<string, { ok: true; period: Period; name: string }>();
const strings = new Map<string, string>();

function periodOf(text: string): { ok: true; period: Period; name: string } | { ok: false; message: string } {
  const hit = periods.get(text);
  if (hit) return hit;
  const parsed = parsePeriod(text);
  if (!parsed.ok) return parsed;
  if (periods.size >= CACHE_LIMIT) periods.clear();
  const result = { ok: true as const, period: parsed.value, name: formatPeriod(parsed.value) };
  periods.set(text, result);
  return result;
}

/** One copy of each short text, flattened so it does not keep its whole CSV file alive. */
function shared(text: string): string {
  const hit = strings.get(text);
  if (hit !== undefined) return hit;
  if (text.length > 200) return text;
  if (strings.size >= CACHE_LIMIT) strings.clear();
  const copy = Buffer.from(text, 'utf8').toString('utf8');
  strings.set(copy, copy);
  return copy;
}

/** One row's cells by column and where each sits, so CSV lines and spreadsheet cells share the row rules. */
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
  kpis: ReadonlyMap<string, Kpi>,
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
    err(cellAt('kpi'), 'csv-unknown-kpi', id === '' ? 'the kpi cell is empty: give the KPI id' : `"${id}" is not a KPI in the dictionary.${suggestion(id, kpiIds) || ' Check the id or add the KPI to kpis/.'}`);
    return null;
  }
  if (kpi.kind !== 'measure') {
    err(cellAt('kpi'), 'csv-not-measure', `${id} is a ${kpi.kind}: give its status and narrative in the period's commentary file, not a figure here`);
    return null;
  }
  const periodText = cell('period').trim();
  const parsed = periodOf(periodText);
  if (!parsed.ok) {
    err(cellAt('period'), 'csv-period-invalid', parsed.message);
    return null;
  }
  const expectedKind = PERIOD_KIND_OF_FREQUENCY[kpi.frequency];
  if (parsed.period.kind !== expectedKind) {
    err(cellAt('period'), 'csv-period-frequency', `${id} is collected ${kpi.frequency}, so its period must be ${FREQUENCY_EXAMPLE[expectedKind]}, not "${periodText}"`);
    return null;
  }
  const figures = readFigures(kpi, cell, cellAt, err, warn);
  if (!figures) return null;
  const reviewed = cell('reviewed_by').trim();
  const note = cell('note').trim();
  return new Row(kpi.id, parsed.period, parsed.name, figures.value, figures.numerator, figures.denominator, reviewed === '' ? null : shared(reviewed), note === '' ? null : note, row.origin.file, row.origin.line);
}

/**
 * An observation as read from a file. Its origin is kept as two fields and made into an object
 * only when asked for (in messages): an object per row is an eighth of a million rows' memory.
 */
class Row implements Observation {
  constructor(
    readonly kpi: string,
    readonly period: Period,
    readonly periodName: string,
    readonly value: number | null,
    readonly numerator: number | null,
    readonly denominator: number | null,
    readonly reviewedBy: string | null,
    readonly note: string | null,
    private readonly file: string,
    private readonly line: number,
  ) {}

  get origin(): Origin {
    return { file: this.file, line: this.line };
  }
}

function readFigures(
  kpi: Measure,
  cell: (c: OutturnColumn) => string,
  cellAt: (c: OutturnColumn) => Position,
  err: Report,
  warn: Report,
): { value: number | null; numerator: number | null; denominator: number | null } | null {
  const options = { allowPercent: kpi.unit === 'percentage', allowPound: kpi.unit === 'currency' };
  const number = (c: OutturnColumn): CellResult => parseNumberCell(cell(c), c === 'value' ? options : { allowPercent: false, allowPound: options.allowPound });
  const value = number('value');
  const num = number('numerator');
  const den = number('denominator');
  let ok = true;
  for (const [c, r] of [['value', value], ['numerator', num], ['denominator', den]] as const) {
    if (r.kind === 'invalid') {
      err(cellAt(c), 'csv-value-invalid', `${c}: ${r.message}`);
      ok = false;
    }
  }
  if (!ok) return null;
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
        err(cellAt('denominator'), 'csv-ratio-incomplete', 'the denominator is 0, so there is no figure: write n/a as the value and leave numerator and denominator empty');
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
    err(cellAt('value'), 'csv-value-range', `${figure} cannot be a ${kpi.unit === 'days' ? 'number of days' : 'percentage of a whole'} for ${kpi.id}: check the figure${kpi.unit === 'percentage' ? ' (write 96.4 for 96.4%, not 0.964)' : ''}`);
    return null;
  }
  // A ratio rolls up as the sum of numerators over the sum of denominators: without them this
  // figure stands alone, and the quarter and year it belongs to cannot be worked out.
  if (figure !== null && numerator === null && kpi.aggregation === 'ratio' && kpi.frequency !== 'annual') {
    warn(cellAt('numerator'), 'csv-ratio-counts-missing', `${kpi.id} is a ratio: give the numerator and denominator too, or its ${kpi.frequency === 'monthly' ? 'quarter and year' : 'year'} figures cannot be worked out from this one`);
  }
  return { value: figure, numerator, denominator };
}

/** Percentages computed as a share of a whole lie in 0-100; days are never negative. */
export function rangeOk(kpi: Measure, v: number): boolean {
  if (kpi.unit === 'percentage' && kpi.aggregation === 'ratio') return v >= 0 && v <= 100;
  if (kpi.unit === 'days') return v >= 0;
  return true;
}

function round(v: number, dp: number): number {
  return Number(v.toFixed(dp));
}

/** The record's own text: csv-parse's raw may end with the line break that closed it. */
function recordText(raw: string): string {
  return raw.replace(/\r?\n$|\r$/, '');
}

/** csv-parse counts lines to the record's end; a quoted cell may span several lines. */
function startLine(r: { raw: string; info: { lines: number } }): number {
  const text = recordText(r.raw);
  let newlines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) newlines++;
  return r.info.lines - newlines;
}

/** A record that is exactly one line of the file: its text is cut out only when a message needs it. */
class LineRecord implements CsvRecord {
  constructor(
    readonly record: string[],
    readonly line: number,
    private readonly source: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/**
 * A quote-free file's records, one line at a time. Without a quote character RFC 4180 reduces
 * to splitting lines at commas, several times faster than a general parser (a test checks the
 * two agree), and reading line by line means a large file's rows are never all in memory at once.
 */
function* quoteFreeRecords(text: string): Generator<CsvRecord> {
  const n = text.length;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start < n; line++) {
    let next = text.indexOf('\n', start);
    if (next === -1) next = n;
    const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    yield new LineRecord(text.slice(start, end).split(','), line, text, start, end);
    start = next + 1;
  }
}

/**
 * The CSV's records, as lazily as the file allows. Files with quotes are parsed whole by
 * csv-parse (which throws on a syntax error, before any record is read); its per-record line
 * info and raw text are costly, so they are asked for only when a cell holds a line break and
 * record i is then no longer line i + 1.
 */
export function csvRecords(text: string): Iterable<CsvRecord> {
  // A lone carriage return (old Mac line ends) is a line break the line reader does not split on.
  if (!text.includes('"') && !/\r(?!\n)/.test(text)) return quoteFreeRecords(text);
  return parseRecords(text);
}

/** Every record at once (for callers that need them all, such as rewriting a file). */
export function parseRecords(text: string): CsvRecord[] {
  if (!text.includes('"') && !/\r(?!\n)/.test(text)) return [...quoteFreeRecords(text)];
  if (!text.includes('"')) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.map((line, i) => ({ record: line.split(','), line: i + 1, text: () => line }));
  }
  const plain = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  const multiline = plain.some((r) => r.some((c) => c.includes('\n') || c.includes('\r')));
  if (!multiline) {
    let lines: string[] | null = null;
    return plain.map((record, i) => ({ record, line: i + 1, text: () => (lines ??= text.split(/\r\n|\n|\r/))[i] ?? '' }));
  }
  const detailed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true, raw: true }) as unknown as Array<{
    record: string[];
    raw: string;
    info: { lines: number };
  }>;
  return detailed.map((r) => ({ record: r.record, line: startLine(r), text: () => recordText(r.raw) }));
}

/** 1-based positions of each field's first character, following quotes across embedded newlines. */
export function fieldPositions(raw: string, firstLine: number): Position[] {
  const out: Position[] = [{ line: firstLine, column: 1 }];
  let line = firstLine;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) out.push({ line, column: column + 1 });
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return out;
}

