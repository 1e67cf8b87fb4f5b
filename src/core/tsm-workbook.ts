/**
 * Reads the regulator's TSM full-data workbook from its cells, by sheet name and heading text,
 * never by position: pure, given each sheet's cells as text and numbers.
 *
 * What it relies on, and names when it is missing (so a later release that keeps these
 * conventions reads unchanged, and one that does not is refused with what was looked for):
 * - sheets named TSM<yy>_LCRA_Perception, TSM<yy>_LCHO_Perception and TSM<yy>_Management_Info
 *   (underscores or spaces), <yy> the year the reporting year ends;
 * - on each, a heading row (anywhere in the first 40 rows) with "Landlord name", "Landlord code"
 *   and "Landlord type";
 * - a measure's figure under the heading that ends with its code in brackets, "(TP01)",
 *   "(CH01 1)", perhaps followed by footnote digits: on a perception sheet the one that starts
 *   "Proportion of respondents who report"; on the management sheet one that starts "Proportion
 *   of" or "Number of", prefixed "LCRA - " or "LCHO - " for the measures reported per tenure;
 * - counts under "(CODE N Numerator)" and "(CODE N Denominator)" headings: the LCRA and LCHO
 *   "(CH01 1 Denominator)" give a landlord's home count, and a zero or missing denominator
 *   marks a figure that the 2023-24 release printed as 0% although there was none.
 */
import { TSM_MEASURES, type TsmMeasure, type TsmTenure } from '../model/tsm-measures.js';

export type CellValue = string | number | null;

export interface SheetGrid {
  name: string;
  /** Row r (1-based) is rows[r - 1]; column c (1-based) is rows[r - 1][c - 1]. */
  rows: CellValue[][];
}

/** The regulator's codes in place of a number. */
export const TSM_CODES = {
  U: 'unknown (the denominator is 0 or missing)',
  S: 'suppressed',
  X: 'left blank by the landlord',
  Z: 'not required',
  E: 'excluded by the regulator',
} as const;
export type TsmCode = keyof typeof TSM_CODES;

export type TsmCell =
  | { kind: 'value'; value: number }
  | { kind: 'code'; code: TsmCode; /** why, where prf decided it rather than the workbook */ reason?: string }
  | { kind: 'blank' }
  | { kind: 'text'; text: string };

export interface TsmFigure {
  cell: TsmCell;
  sheet: string;
  row: number;
  column: number;
}

export interface TsmLandlord {
  code: string;
  name: string;
  /** LA (a council: LARP in 2023-24, LA from 2024-25) or PRP. */
  type: 'LA' | 'PRP';
  /** As printed in the workbook. */
  typeLabel: string;
  /** Homes owned per tenure: the CH01 part 1 denominator. Null where not given. */
  homes: Record<TsmTenure, number | null>;
  /** The management information row, for messages. */
  sheet: string;
  row: number;
}

export interface TsmRelease {
  /** The reporting year, e.g. 2023-24. */
  year: string;
  /** The sheet prefix's year, e.g. 2024 for TSM24. */
  publicationYear: number;
  landlords: Map<string, TsmLandlord>;
  /** By figureKey(measure key, tenure, landlord code). */
  figures: Map<string, TsmFigure>;
}

export const figureKey = (measureKey: string, tenure: TsmTenure, landlord: string) => `${measureKey}|${tenure}|${landlord}`;

export type ReadResult = { ok: true; release: TsmRelease } | { ok: false; problems: string[] };

const clean = (v: CellValue) =>
  v === null
    ? ''
    : String(v)
        .replace(/[\s\u200b]+/g, ' ')
        .trim();

/** A measure's code as the workbook writes it in a heading: `TP01`, `CH01 1`. */
const codeText = (m: TsmMeasure) => (m.part === null ? m.code : `${m.code} ${m.part}`);

function cellOf(v: CellValue): TsmCell {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'value', value: v } : { kind: 'text', text: String(v) };
  const t = v.trim();
  if (t === '') return { kind: 'blank' };
  const code = /^\[([USXZE])\]$/i.exec(t);
  if (code) return { kind: 'code', code: code[1]!.toUpperCase() as TsmCode };
  // Numbers stored as text, as some releases do for a few cells.
  if (/^-?\d+(\.\d+)?$/.test(t)) return { kind: 'value', value: Number(t) };
  return { kind: 'text', text: t };
}

const SHEETS = {
  LCRA: { label: 'TSM<yy>_LCRA_Perception', pattern: /^TSM(\d\d)[_ ]LCRA[_ ]Perception$/i },
  LCHO: { label: 'TSM<yy>_LCHO_Perception', pattern: /^TSM(\d\d)[_ ]LCHO[_ ]Perception$/i },
  MI: { label: 'TSM<yy>_Management_Info', pattern: /^TSM(\d\d)[_ ]Management[_ ]Info$/i },
} as const;

interface Table {
  sheet: SheetGrid;
  headingRow: number;
  headings: string[];
  column: (name: string) => number;
}

function tableOf(sheet: SheetGrid, problems: string[]): Table | null {
  const limit = Math.min(sheet.rows.length, 40);
  for (let r = 0; r < limit; r++) {
    const headings = (sheet.rows[r] ?? []).map((c) => clean(c));
    const lower = headings.map((h) => h.toLowerCase());
    if (lower.includes('landlord name') && lower.includes('landlord code')) {
      const column = (name: string) => lower.indexOf(name.toLowerCase());
      if (column('Landlord type') < 0) {
        problems.push(`sheet ${sheet.name}: the heading row ${r + 1} has no "Landlord type" column`);
        return null;
      }
      return { sheet, headingRow: r + 1, headings, column };
    }
  }
  problems.push(`sheet ${sheet.name}: no heading row with "Landlord name" and "Landlord code" in its first ${limit} rows`);
  return null;
}

/** Strips a trailing footnote marker ("(BS02)5", "(TP01)2,3") and returns the heading's bracketed tail. */
function bracketTail(heading: string): string | null {
  const m = /\(([^()]+)\)\s*[\d,]*\s*%?$/.exec(heading);
  return m ? m[1]!.trim().replace(/\s+/g, ' ') : null;
}

/** Columns whose heading ends with the given bracketed code and passes the test. */
function columnsFor(t: Table, tail: string, test: (heading: string) => boolean): number[] {
  const out: number[] = [];
  t.headings.forEach((h, i) => {
    if (bracketTail(h)?.toUpperCase() === tail.toUpperCase() && test(h)) out.push(i);
  });
  return out;
}

function oneColumn(t: Table, tail: string, test: (h: string) => boolean, described: string, problems: string[]): number | null {
  const cols = columnsFor(t, tail, test);
  if (cols.length === 1) return cols[0]!;
  problems.push(
    cols.length === 0
      ? `sheet ${t.sheet.name}: no column headed ${described} ending "(${tail})" in heading row ${t.headingRow}`
      : `sheet ${t.sheet.name}: ${cols.length} columns headed ${described} ending "(${tail})" (columns ${cols.map((c) => c + 1).join(', ')}); expected one`,
  );
  return null;
}

const tenurePrefix = (h: string): TsmTenure | 'Combined' | null => {
  const m = /^(LCRA|LCHO|Combined)\s*-\s*/i.exec(h);
  return m ? (m[1]!.toUpperCase() === 'COMBINED' ? 'Combined' : (m[1]!.toUpperCase() as TsmTenure)) : null;
};

const isFigureHeading = (h: string) => /^(Proportion of|Number of)\b/i.test(h.replace(/^(LCRA|LCHO|Combined)\s*-\s*/i, ''));

export function readTsmRelease(sheets: readonly SheetGrid[]): ReadResult {
  const problems: string[] = [];
  const found: Partial<Record<keyof typeof SHEETS, SheetGrid>> = {};
  const years = new Set<string>();
  for (const [key, spec] of Object.entries(SHEETS) as Array<[keyof typeof SHEETS, (typeof SHEETS)[keyof typeof SHEETS]]>) {
    const s = sheets.find((x) => spec.pattern.test(x.name.trim()));
    if (!s) problems.push(`no sheet named ${spec.label} (sheets: ${sheets.map((x) => x.name).join(', ')})`);
    else {
      found[key] = s;
      years.add(spec.pattern.exec(s.name.trim())![1]!);
    }
  }
  if (years.size > 1) problems.push(`the TSM sheets are for different years (TSM${[...years].join(', TSM')})`);
  if (problems.length > 0) return { ok: false, problems };
  const yy = Number([...years][0]);
  const publicationYear = 2000 + yy;
  const year = `${publicationYear - 1}-${String(yy).padStart(2, '0')}`;

  const mi = tableOf(found.MI!, problems);
  const lcra = tableOf(found.LCRA!, problems);
  const lcho = tableOf(found.LCHO!, problems);
  if (!mi || !lcra || !lcho) return { ok: false, problems };
  const perception: Record<TsmTenure, Table> = { LCRA: lcra, LCHO: lcho };

  const release: TsmRelease = { year, publicationYear, landlords: new Map(), figures: new Map() };
  // Home counts: the CH01 part 1 denominator of each tenure.
  const homesCol: Record<TsmTenure, number | null> = { LCRA: null, LCHO: null };
  for (const tenure of ['LCRA', 'LCHO'] as const) {
    homesCol[tenure] = oneColumn(mi, 'CH01 1 Denominator', (h) => tenurePrefix(h) === tenure, `"${tenure} - Number of dwelling units..."`, problems);
  }

  // Where each measure's figure is, and its denominator (if the sheet gives one).
  interface Place {
    measure: TsmMeasure;
    tenure: TsmTenure | null;
    table: Table;
    column: number;
    denominator: number | null;
  }
  const places: Place[] = [];
  for (const m of TSM_MEASURES) {
    if (m.reported === 'perception') {
      for (const tenure of m.rentedOnly ? (['LCRA'] as const) : (['LCRA', 'LCHO'] as const)) {
        const t = perception[tenure];
        const col = oneColumn(t, codeText(m), (h) => /^Proportion of respondents who report\b/i.test(h), '"Proportion of respondents who report..."', problems);
        if (col !== null) places.push({ measure: m, tenure, table: t, column: col, denominator: null });
      }
      continue;
    }
    const tenures: Array<TsmTenure | null> = m.reported === 'tenure' ? ['LCRA', 'LCHO'] : [null];
    for (const tenure of tenures) {
      const prefixOk = (h: string) => (tenure === null ? tenurePrefix(h) === null : tenurePrefix(h) === tenure);
      const shown = tenure === null ? '"Proportion of..." or "Number of..."' : `"${tenure} - Proportion of..." or "${tenure} - Number of..."`;
      const col = oneColumn(mi, codeText(m), (h) => prefixOk(h) && isFigureHeading(h), shown, problems);
      const den = columnsFor(mi, `${codeText(m)} Denominator`, prefixOk);
      if (col !== null) places.push({ measure: m, tenure, table: mi, column: col, denominator: den.length === 1 ? den[0]! : null });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // Landlords from the management sheet (with home counts), then any only on a perception sheet.
  for (const t of [mi, perception.LCRA, perception.LCHO]) {
    const codeCol = t.column('Landlord code');
    const nameCol = t.column('Landlord name');
    const typeCol = t.column('Landlord type');
    for (let r = t.headingRow; r < t.sheet.rows.length; r++) {
      const row = t.sheet.rows[r] ?? [];
      const code = clean(row[codeCol] ?? null);
      if (code === '' || release.landlords.has(code)) continue;
      const typeLabel = clean(row[typeCol] ?? null);
      const homes = (c: number | null) => {
        const v = t === mi && c !== null ? row[c] : null;
        return typeof v === 'number' ? v : null;
      };
      release.landlords.set(code, {
        code,
        name: clean(row[nameCol] ?? null),
        // The regulator labels councils LARP (local authority registered provider) in 2023-24 and LA after.
        type: /^LA/i.test(typeLabel) ? 'LA' : 'PRP',
        typeLabel,
        homes: { LCRA: homes(homesCol.LCRA), LCHO: homes(homesCol.LCHO) },
        sheet: t.sheet.name,
        row: r + 1,
      });
    }
  }

  for (const p of places) {
    const codeColumn = p.table.column('Landlord code');
    for (let r = p.table.headingRow; r < p.table.sheet.rows.length; r++) {
      const row = p.table.sheet.rows[r] ?? [];
      const code = clean(row[codeColumn] ?? null);
      if (code === '') continue;
      let cell = cellOf(row[p.column] ?? null);
      if (cell.kind === 'value' && cell.value === 0 && p.denominator !== null) {
        const den = row[p.denominator];
        if (typeof den !== 'number' || den === 0)
          cell = { kind: 'code', code: 'U', reason: 'printed as 0 but its denominator is 0 or missing, so there is no figure' };
      }
      const figure: TsmFigure = { cell, sheet: p.table.sheet.name, row: r + 1, column: p.column + 1 };
      for (const tenure of p.tenure === null ? (['LCRA', 'LCHO'] as const) : [p.tenure]) {
        release.figures.set(figureKey(p.measure.key, tenure, code), figure);
      }
    }
  }
  return { ok: true, release };
}
