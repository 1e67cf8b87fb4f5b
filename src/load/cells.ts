/**
 * Reading numbers the way spreadsheets export them. Each accepted oddity is deliberate and
 * documented in docs/guide/workspace.md; anything else is refused with a reason, never guessed.
 */
export type CellResult =
  { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'notAvailable' } | { kind: 'notApplicable' } | { kind: 'invalid'; message: string };

/**
 * "Not available": the figure exists or is owed but is not here, so it is missing data. `n/a`
 * stays here although spreadsheets also use it for "not applicable": workspaces have long
 * written it for a system outage, and reading it as not applicable would quietly stop asking
 * for a figure that is owed. The statistical codes for unknown figures ([u] low reliability,
 * [s] suppressed, [e] estimate withheld) are read as not available too.
 */
const NOT_AVAILABLE = new Set(['n/a', 'na', 'n.a.', '#n/a', '[u]', '[s]', '[e]']);
/**
 * "Not applicable": the measure does not apply to the body for the period (no lifts, so no lift
 * checks), as the Regulator of Social Housing and the GSS publish it ([z] not applicable, [x]
 * not available for this body). Written out, or as those codes; the row's note gives the reason.
 */
const NOT_APPLICABLE = new Set(['not applicable', '[z]', '[x]']);
const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)$/;
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

export interface CellOptions {
  /** A trailing % is accepted only for percentage KPIs, where "96.4%" means 96.4. */
  allowPercent: boolean;
  /** A leading £ is accepted only for currency KPIs. */
  allowPound: boolean;
}

const BLANK: CellResult = Object.freeze({ kind: 'blank' });
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of a cell of plain digits with an optional minus sign and decimal point, at most 15
 * digits each side (/^-?\d{1,15}(?:\.\d{1,15})?$/, so always finite), or NaN for any other
 * text. It runs for every figure of every row, so it scans the characters itself rather than
 * using a regular expression and Number(). With 15 digits or fewer in all, the digits form an
 * exact integer and one division by an exact power of ten is correctly rounded (Clinger's fast
 * path), giving exactly the double Number() gives; longer figures go to Number().
 */
export function simpleNumber(raw: string): number {
  const n = raw.length;
  const negative = raw.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  let digits = 0;
  const intStart = i;
  for (let c = raw.charCodeAt(i); c >= 48 && c <= 57; c = raw.charCodeAt(++i)) digits = digits * 10 + (c - 48);
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 15) return NaN;
  let fracDigits = 0;
  if (i < n) {
    if (raw.charCodeAt(i) !== 46) return NaN;
    const fracStart = ++i;
    for (let c = raw.charCodeAt(i); c >= 48 && c <= 57; c = raw.charCodeAt(++i)) digits = digits * 10 + (c - 48);
    fracDigits = i - fracStart;
    if (i !== n || fracDigits === 0 || fracDigits > 15) return NaN;
  }
  if (intDigits + fracDigits > 15) return Number(raw);
  const value = digits / POWERS_OF_TEN[fracDigits]!;
  return negative ? -value : value;
}

export function parseNumberCell(raw: string, options: CellOptions): CellResult {
  if (raw === '') return BLANK;
  // Most cells are plain digits, read before any spreadsheet oddity is considered.
  const simple = simpleNumber(raw);
  if (!Number.isNaN(simple)) return { kind: 'number', value: simple };
  let s = raw.trim();
  if (s === '') return BLANK;
  const lower = s.toLowerCase();
  if (NOT_AVAILABLE.has(lower)) return { kind: 'notAvailable' };
  if (NOT_APPLICABLE.has(lower.replace(/\s+/g, ' '))) return { kind: 'notApplicable' };
  if (/^[=@]/.test(s) || (/^[+-]/.test(s) && /[A-Za-z(]/.test(s))) {
    return { kind: 'invalid', message: `"${truncate(s)}" looks like a spreadsheet formula: paste the value, not the formula` };
  }
  if (s.startsWith('#')) return { kind: 'invalid', message: `"${truncate(s)}" is a spreadsheet error value: fix the source sheet` };
  let percent = false;
  if (s.endsWith('%')) {
    if (!options.allowPercent) return { kind: 'invalid', message: `"${truncate(s)}" has a % sign but this KPI is not a percentage: write the plain number` };
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith('£') || s.startsWith('-£')) {
    if (!options.allowPound) return { kind: 'invalid', message: `"${truncate(s)}" has a £ sign but this KPI is not a currency: write the plain number` };
    s = s.replace('£', '');
  }
  if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  else if (s.includes(',')) {
    return { kind: 'invalid', message: `"${truncate(raw.trim())}" is not a number: use a point for decimals (96.4) and commas only between thousands (1,234)` };
  }
  if (!PLAIN.test(s)) {
    return {
      kind: 'invalid',
      message: `"${truncate(raw.trim())}" is not a number: write digits with an optional decimal point, e.g. 96.4${percent ? '%' : ''}`,
    };
  }
  const value = Number(s);
  if (!Number.isFinite(value)) return { kind: 'invalid', message: `"${truncate(raw.trim())}" is too large to be a figure` };
  return { kind: 'number', value };
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
