/**
 * Reporting periods in the financial-year calendar.
 *
 * A financial year is named by the calendar year it starts in (`fy = 2025` is `2025-26`).
 * The year starts in `startMonth` (April by default), so quarters and halves are counted
 * from that month, while months keep their calendar names (`2025-10` is October 2025).
 */

export type Period =
  | { kind: 'year'; fy: number }
  | { kind: 'half'; fy: number; half: 1 | 2 }
  | { kind: 'quarter'; fy: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number };

export type PeriodKind = Period['kind'];

export interface CalendarMonth {
  year: number;
  month: number; // 1-12
}

export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const YEAR_RE = /^(\d{4})[-/](\d{2})$/;
const QUARTER_RE = /^(\d{4})[-/](\d{2})[-\s]?Q([1-9]\d*)$/i;
const HALF_RE = /^(\d{4})[-/](\d{2})[-\s]?H([1-9]\d*)$/i;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** `outOfRange`: well formed, but in a year outside PERIOD_YEARS. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string; outOfRange?: true };

/**
 * The years prf reads periods in: financial years 1900-01 to 2098-99, and the months of those
 * years that every start month puts inside them (1901-01 to 2098-12). Outside them, period
 * names stop reading back (year 10000 has five digits, year 0 none) and a typing slip such
 * as 9999-01 would become a file named 9998-99.csv: they are refused instead.
 */
export const PERIOD_YEARS = { firstFy: 1900, lastFy: 2098 } as const;
export const PERIOD_YEARS_TEXT = 'financial years 1900-01 to 2098-99 and months 1901-01 to 2098-12';

/** Why a period named `text` outside PERIOD_YEARS is refused. */
export function outOfRangeMessage(text: string): string {
  return `${text} is outside the years prf reads (${PERIOD_YEARS_TEXT}): check the year`;
}

/** Whether `p` lies in PERIOD_YEARS. */
export function inPeriodYears(p: Period): boolean {
  const { firstFy, lastFy } = PERIOD_YEARS;
  return p.kind === 'month' ? p.year > firstFy && p.year <= lastFy : p.fy >= firstFy && p.fy <= lastFy;
}

function inRange(text: string, value: Period): ParseResult<Period> {
  if (inPeriodYears(value)) return { ok: true, value };
  return { ok: false, outOfRange: true, message: outOfRangeMessage(text) };
}

function fyFromParts(start: string, end: string): ParseResult<number> {
  const fy = Number(start);
  const expected = String((fy + 1) % 100).padStart(2, '0');
  if (end !== expected) {
    return { ok: false, message: `financial year ${start}-${end} should be written ${start}-${expected}` };
  }
  return { ok: true, value: fy };
}

/**
 * Parses the canonical period names that files use: `2025-26`, `2025-26-Q3`, `2025-26-H1`,
 * `2025-10`. `YYYY-MM` with MM from 01 to 12 is a month; financial years before 2012-13
 * would collide with months and are not supported. A period outside PERIOD_YEARS is refused
 * with `outOfRange`.
 */
export function parsePeriod(text: string): ParseResult<Period> {
  const s = text.trim();
  const r = parseAnyYear(s);
  return r.ok ? inRange(s, r.value) : r;
}

function parseAnyYear(s: string): ParseResult<Period> {
  let m = QUARTER_RE.exec(s);
  if (m) {
    const fy = fyFromParts(m[1]!, m[2]!);
    if (!fy.ok) return fy;
    const q = Number(m[3]);
    if (q < 1 || q > 4) return { ok: false, message: `there is no quarter Q${q}: quarters are Q1 to Q4` };
    return { ok: true, value: { kind: 'quarter', fy: fy.value, quarter: q as 1 | 2 | 3 | 4 } };
  }
  m = HALF_RE.exec(s);
  if (m) {
    const fy = fyFromParts(m[1]!, m[2]!);
    if (!fy.ok) return fy;
    const h = Number(m[3]);
    if (h < 1 || h > 2) return { ok: false, message: `there is no half H${h}: halves are H1 and H2` };
    return { ok: true, value: { kind: 'half', fy: fy.value, half: h as 1 | 2 } };
  }
  m = MONTH_RE.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return { ok: true, value: { kind: 'month', year: Number(m[1]), month } };
  }
  m = YEAR_RE.exec(s);
  if (m) {
    const fy = fyFromParts(m[1]!, m[2]!);
    if (!fy.ok) return fy;
    return { ok: true, value: { kind: 'year', fy: fy.value } };
  }
  return {
    ok: false,
    message: `"${s}" is not a period: write a month as 2025-10, a quarter as 2025-26-Q3, a half as 2025-26-H1 or a year as 2025-26`,
  };
}

export function fyName(fy: number): string {
  return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'year':
      return fyName(p.fy);
    case 'half':
      return `${fyName(p.fy)}-H${p.half}`;
    case 'quarter':
      return `${fyName(p.fy)}-Q${p.quarter}`;
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
  }
}

/** Zero-based position of a calendar month within its financial year. */
export function monthIndexInFy(cm: CalendarMonth, startMonth: number): number {
  return (cm.month - startMonth + 12) % 12;
}

export function fyOfMonth(cm: CalendarMonth, startMonth: number): number {
  return cm.month >= startMonth ? cm.year : cm.year - 1;
}

export function nthMonthOfFy(fy: number, index: number, startMonth: number): CalendarMonth {
  const zeroBased = startMonth - 1 + index;
  return { year: fy + Math.floor(zeroBased / 12), month: (zeroBased % 12) + 1 };
}

/** The calendar months a period covers, in order. */
export function monthsOf(p: Period, startMonth: number): CalendarMonth[] {
  const range = (from: number, count: number): CalendarMonth[] =>
    Array.from({ length: count }, (_, i) => nthMonthOfFy(fyOf(p, startMonth), from + i, startMonth));
  switch (p.kind) {
    case 'month':
      return [{ year: p.year, month: p.month }];
    case 'quarter':
      return range((p.quarter - 1) * 3, 3);
    case 'half':
      return range((p.half - 1) * 6, 6);
    case 'year':
      return range(0, 12);
  }
}

export function fyOf(p: Period, startMonth: number): number {
  return p.kind === 'month' ? fyOfMonth(p, startMonth) : p.fy;
}

export function quarterOfMonth(cm: CalendarMonth, startMonth: number): Period & { kind: 'quarter' } {
  const idx = monthIndexInFy(cm, startMonth);
  return { kind: 'quarter', fy: fyOfMonth(cm, startMonth), quarter: (Math.floor(idx / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** Months of the financial year from its start up to and including the end of `p`. */
export function yearToDateMonths(p: Period, startMonth: number): CalendarMonth[] {
  const months = monthsOf(p, startMonth);
  const last = months[months.length - 1]!;
  const count = monthIndexInFy(last, startMonth) + 1;
  return monthsOf({ kind: 'year', fy: fyOf(p, startMonth) }, startMonth).slice(0, count);
}

/** The same period one financial year earlier. */
export function samePeriodLastYear(p: Period): Period {
  switch (p.kind) {
    case 'month':
      return { kind: 'month', year: p.year - 1, month: p.month };
    default:
      return { ...p, fy: p.fy - 1 };
  }
}

/** The period of the same kind immediately before `p`. */
export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'month':
      return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { kind: 'month', year: p.year, month: p.month - 1 };
    case 'quarter':
      return p.quarter === 1 ? { kind: 'quarter', fy: p.fy - 1, quarter: 4 } : { kind: 'quarter', fy: p.fy, quarter: (p.quarter - 1) as 1 | 2 | 3 };
    case 'half':
      return p.half === 1 ? { kind: 'half', fy: p.fy - 1, half: 2 } : { kind: 'half', fy: p.fy, half: 1 };
    case 'year':
      return { kind: 'year', fy: p.fy - 1 };
  }
}

/** A sortable key: the index of the period's last month since year 0. */
export function periodEndKey(p: Period, startMonth: number): number {
  const months = monthsOf(p, startMonth);
  const last = months[months.length - 1]!;
  return last.year * 12 + (last.month - 1);
}

/** Last calendar day of a period, as an ISO date (`2025-12-31`). */
export function periodEndDate(p: Period, startMonth: number): string {
  const months = monthsOf(p, startMonth);
  const last = months[months.length - 1]!;
  const day = new Date(Date.UTC(last.year, last.month, 0)).getUTCDate();
  return `${last.year}-${String(last.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const FREQUENCIES = ['monthly', 'quarterly', 'biannual', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const PERIOD_KIND_OF_FREQUENCY: Record<Frequency, PeriodKind> = {
  monthly: 'month',
  quarterly: 'quarter',
  biannual: 'half',
  annual: 'year',
};
