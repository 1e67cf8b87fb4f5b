import { parse } from 'csv-parse/sync';
import type { Position } from '../diagnostics/diagnostic.js';

/** A parsed CSV record with where it starts; its text is recovered only when a message needs a column. */
export interface CsvRecord {
  record: string[];
  line: number;
  text: () => string;
}

/**
 * Walks a CSV's records one at a time. The cell array is reused from record to record, so a
 * million rows allocate only the cell strings they keep: copy `cells` to keep a record.
 */
export interface RecordCursor {
  /** Moves to the next record; false after the last. */
  next(): boolean;
  /** The current record's cells; only the first `count` belong to it. */
  readonly cells: string[];
  readonly count: number;
  /** The line the current record starts on (1-based). */
  readonly line: number;
  /** The current record's own text, cut out only when a message needs its columns. */
  text(): string;
}

/** True when the current record's cells are all empty or spaces: a blank line, skipped wherever it is. */
export function isBlankRecord(cursor: RecordCursor): boolean {
  for (let i = 0; i < cursor.count; i++) if (cursor.cells[i]!.trim() !== '') return false;
  return true;
}

/**
 * A quote-free file's records, a line at a time. Without a quote character RFC 4180 reduces to
 * splitting lines at commas, several times faster than a general parser (a test checks the two
 * agree).
 */
class QuoteFreeCursor implements RecordCursor {
  readonly cells: string[] = [];
  count = 0;
  line = 0;
  private start = 0;
  private end = 0;
  private pos: number;
  // The next comma at or after the line being split, remembered across lines so that a file
  // of comma-free lines is scanned once, not once per line.
  private comma = -1;

  constructor(private readonly source: string) {
    this.pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  next(): boolean {
    const t = this.source;
    const n = t.length;
    if (this.pos >= n) return false;
    const start = this.pos;
    let eol = t.indexOf('\n', start);
    if (eol === -1) eol = n;
    const end = eol > start && t.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const cells = this.cells;
    let k = 0;
    let from = start;
    for (;;) {
      let c = this.comma;
      if (c < from) {
        c = t.indexOf(',', from);
        if (c === -1) c = n;
        this.comma = c;
      }
      if (c >= end) {
        cells[k++] = t.substring(from, end);
        break;
      }
      cells[k++] = t.substring(from, c);
      from = c + 1;
    }
    this.count = k;
    this.line++;
    this.start = start;
    this.end = end;
    this.pos = eol + 1;
    return true;
  }

  text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/** A cursor over records already parsed whole (files with quotes). */
class ArrayCursor implements RecordCursor {
  private i = -1;
  cells: string[] = [];
  count = 0;
  line = 0;

  constructor(private readonly records: readonly CsvRecord[]) {}

  next(): boolean {
    const r = this.records[++this.i];
    if (!r) return false;
    this.cells = r.record;
    this.count = r.record.length;
    this.line = r.line;
    return true;
  }

  text(): string {
    return this.records[this.i]!.text();
  }
}

function quoteFree(text: string): boolean {
  // A lone carriage return (old Mac line ends) is a line break the line reader does not split on.
  return !text.includes('"') && !(text.includes('\r') && /\r(?!\n)/.test(text));
}

/**
 * The CSV's records, as lazily as the file allows. Files with quotes are parsed whole by
 * csv-parse, which throws on a syntax error before any record is read.
 */
export function recordCursor(text: string): RecordCursor {
  return quoteFree(text) ? new QuoteFreeCursor(text) : new ArrayCursor(parseRecords(text));
}

/** Every record at once (for callers that need them all, such as rewriting a file). */
export function parseRecords(text: string): CsvRecord[] {
  if (quoteFree(text)) {
    const out: CsvRecord[] = [];
    const cursor = new QuoteFreeCursor(text);
    while (cursor.next()) {
      const line = cursor.text();
      out.push({ record: cursor.cells.slice(0, cursor.count), line: cursor.line, text: () => line });
    }
    return out;
  }
  if (!text.includes('"')) {
    // Quote-free with lone carriage returns: a line break is any of the three.
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.map((line, i) => ({ record: line.split(','), line: i + 1, text: () => line }));
  }
  // csv-parse's per-record line info and raw text are costly, so they are asked for only when a
  // cell holds a line break and record i is then no longer line i + 1.
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
