import { readPeriodSpelling } from '../model/period-spellings.js';
import type { Workspace } from '../model/workspace.js';
import { fyName, inPeriodYears, MONTH_NAMES, monthsOf, outOfRangeMessage, parsePeriod, periodEndKey, quarterOfMonth, type Period } from '../model/periods.js';

/**
 * What a person types for a period on the command line: a canonical name, the spellings
 * parsePeriod accepts (`2025/26 Q3`), or a bare quarter (`q3`), which means that quarter in the
 * latest financial year with figures for it: the quarter being reported now, not a future one.
 */

export type Quarter = 1 | 2 | 3 | 4;
export type QuarterPeriod = Extract<Period, { kind: 'quarter' }>;

export interface PeriodQueryContext {
  startMonth: number;
  latestFyWithQuarter(quarter: Quarter): number | null;
}

/** `chosenYear`: the year was not typed but taken from the data, so the CLI can say which it took. */
/** `whole`: the message already names the text, so it is said as it is. */
export type PeriodQuery = { ok: true; period: Period; chosenYear: boolean } | { ok: false; message: string; whole?: true };

const BARE_QUARTER = /^Q(\d+)$/i;
// Text shaped like a period name gets parsePeriod's own, more specific message (e.g. 2025-27).
const PERIOD_SHAPED = /^\d{4}[-/]\d{2}(?:[-\s]?[QH]\d+)?$/i;

function quarterMonths(quarter: Quarter, startMonth: number): string {
  const months = monthsOf({ kind: 'quarter', fy: 2000, quarter }, startMonth);
  return `${MONTH_NAMES[months[0]!.month - 1]} to ${MONTH_NAMES[months[2]!.month - 1]}`;
}

export function resolvePeriodQuery(text: string, context: PeriodQueryContext): PeriodQuery {
  const s = text.trim();
  const bare = BARE_QUARTER.exec(s);
  if (bare) {
    const q = Number(bare[1]);
    if (q < 1 || q > 4) return { ok: false, message: `there is no quarter Q${q}: quarters are Q1 to Q4` };
    const quarter = q as Quarter;
    const fy = context.latestFyWithQuarter(quarter);
    if (fy === null) {
      return {
        ok: false,
        message: `no figures fall in Q${q} (${quarterMonths(quarter, context.startMonth)}) of any year yet, so "${s}" has no year to take: name the year, e.g. 2025-26-Q${q}`,
      };
    }
    return { ok: true, period: { kind: 'quarter', fy, quarter }, chosenYear: true };
  }
  const parsed = parsePeriod(s);
  if (parsed.ok) return { ok: true, period: parsed.value, chosenYear: false };
  if (parsed.outOfRange) return { ok: false, message: parsed.message, whole: true };
  // Spellings from papers and spreadsheets (Q3 2025/26, Oct-25) name one period: taken as that.
  const spelled = readPeriodSpelling(s);
  if (spelled !== null && !inPeriodYears(spelled)) return { ok: false, message: outOfRangeMessage(s), whole: true };
  if (spelled !== null) return { ok: true, period: spelled, chosenYear: false };
  if (PERIOD_SHAPED.test(s)) return parsed;
  return {
    ok: false,
    message: `"${s}" is not a period: type q3 for the latest Q3 with figures, 2025-26-Q3 for a quarter, 2025-10 for a month, 2025-26-H1 for a half or 2025-26 for a year`,
  };
}

/**
 * The quarters holding at least one figure (n/a rows are not figures). A figure belongs to the
 * quarter of its period's last month: monthly data puts Q3 on the map from October, and a
 * half-year or annual figure counts where it is reported, at Q2 or Q4.
 */
export function quartersWithData(workspace: Pick<Workspace, 'config' | 'observations'>): QuarterPeriod[] {
  const startMonth = workspace.config.financialYearStartMonth;
  const byName = new Map<string, QuarterPeriod>();
  for (const o of workspace.observations) {
    if (o.value === null) continue;
    const months = monthsOf(o.period, startMonth);
    const q = quarterOfMonth(months[months.length - 1]!, startMonth);
    byName.set(`${fyName(q.fy)}-Q${q.quarter}`, q);
  }
  return [...byName.values()];
}

/** For `resolvePeriodQuery`'s context: the latest financial year with figures in each quarter. */
export function latestFyWithQuarterData(workspace: Workspace): (quarter: Quarter) => number | null {
  // Worked out only if asked: a fully written period never needs it, and it reads every row.
  let latest: Map<Quarter, number> | null = null;
  return (quarter) => {
    if (!latest) {
      latest = new Map();
      for (const q of quartersWithData(workspace)) latest.set(q.quarter, Math.max(q.fy, latest.get(q.quarter) ?? -Infinity));
    }
    return latest.get(quarter) ?? null;
  };
}

/** The latest quarter in which any KPI has a figure, optionally within financial year `fy`. */
export function latestQuarterWithData(workspace: Workspace, fy?: number): QuarterPeriod | null {
  const startMonth = workspace.config.financialYearStartMonth;
  let best: QuarterPeriod | null = null;
  for (const q of quartersWithData(workspace)) {
    if (fy !== undefined && q.fy !== fy) continue;
    if (best === null || periodEndKey(q, startMonth) > periodEndKey(best, startMonth)) best = q;
  }
  return best;
}
