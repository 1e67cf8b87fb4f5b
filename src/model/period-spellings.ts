/**
 * Periods as councils head their spreadsheet columns and write them in papers, read into prf's
 * periods: `Apr-24`, `April 2024`, `Apr 24` (months), `Q1 2024/25`, `Q1 24/25`, `2024/25 Q1`,
 * `2024-25 Q1` (quarters), `H1 2024/25` (halves), `2024/25`, `2024-25`, `FY 2024/25` (years),
 * and prf's own names. Two-digit years are 20xx. A month is named by its calendar year and a
 * quarter by its financial year, whatever month that year starts in.
 */
import { formatPeriod, MONTH_NAMES, parsePeriod, type Period } from './periods.js';

const MONTH = new RegExp(String.raw`^(${MONTH_NAMES.join('|')})[a-z]*\.?[\s\-/']*(\d{2}|\d{4})$`, 'i');
const FY = String.raw`(?:FY\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2})`;
const QUARTER_FIRST = new RegExp(String.raw`^([QH])([1-4])\s*[-:,]?\s*${FY}$`, 'i');
const QUARTER_LAST = new RegExp(String.raw`^${FY}\s*[-:,]?\s*([QH])([1-4])$`, 'i');
const YEAR = new RegExp(String.raw`^${FY}$`, 'i');

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function fy(start: string, end: string): number | null {
  const s = fullYear(start);
  return String((s + 1) % 100).padStart(2, '0') === end ? s : null;
}

function part(kind: string, n: number, year: number | null): Period | null {
  if (year === null) return null;
  if (kind.toUpperCase() === 'Q') return { kind: 'quarter', fy: year, quarter: n as 1 | 2 | 3 | 4 };
  return n <= 2 ? { kind: 'half', fy: year, half: n as 1 | 2 } : null;
}

export function readPeriodSpelling(text: string): Period | null {
  const s = text.trim().replace(/\s+/g, ' ');
  const own = parsePeriod(s);
  if (own.ok) return own.value;
  let m = MONTH.exec(s);
  if (m) {
    const month = MONTH_NAMES.findIndex((n) => n.toLowerCase() === m![1]!.slice(0, 3).toLowerCase()) + 1;
    return { kind: 'month', year: fullYear(m[2]!), month };
  }
  m = QUARTER_FIRST.exec(s);
  if (m) return part(m[1]!, Number(m[2]), fy(m[3]!, m[4]!));
  m = QUARTER_LAST.exec(s);
  if (m) return part(m[3]!, Number(m[4]), fy(m[1]!, m[2]!));
  m = YEAR.exec(s);
  if (m) {
    const year = fy(m[1]!, m[2]!);
    return year === null ? null : { kind: 'year', fy: year };
  }
  return null;
}

/** prf's name for a period written another way, for a did-you-mean; null if it is not one. */
export function canonicalSpelling(text: string): string | null {
  const p = readPeriodSpelling(text);
  return p === null ? null : formatPeriod(p);
}
