import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleCode } from '../diagnostics/codes.js';
import { formatFigure, tidy } from '../core/figures.js';
import type { Measure } from '../model/kpi.js';
import type { Observation } from '../model/workspace.js';

/** How many of a KPI's latest earlier figures a new one is compared with for a misplaced decimal point. */
const SCALE_WINDOW = 6;
/** At least this many earlier figures before a figure's scale is judged: fewer are no series. */
const SCALE_MINIMUM = 3;

const ACCEPT = 'if the figure is right, say why in the note column of the row, which accepts it';

/** Whether `x` lies within a factor of `factor` of `typical` (same sign, neither 0). */
function within(x: number, typical: number, factor: number): boolean {
  if (x === 0 || typical === 0 || Math.sign(x) !== Math.sign(typical)) return false;
  const ratio = x / typical;
  return ratio >= 1 / factor && ratio <= factor;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The factor (10 or 100) a figure is away from its series' median, or null; within a factor of 2 of it. */
function scaleSlip(value: number, typical: number): { factor: number; intended: number } | null {
  if (value === 0 || typical === 0 || Math.sign(value) !== Math.sign(typical)) return null;
  const ratio = Math.abs(value / typical);
  for (const factor of [100, 10]) {
    if (ratio >= factor / 2 && ratio <= factor * 2) return { factor, intended: tidy(value / factor) };
    if (ratio <= 2 / factor && ratio >= 1 / (factor * 2)) return { factor, intended: tidy(value * factor) };
  }
  return null;
}

/**
 * Figures that are probably typing slips, as warnings (errors with --strict), for the rows of
 * one KPI in period order; `check` limits which rows are judged (an import judges only the rows
 * it brings, against the history). A row with a note is taken as explained and not flagged.
 * - a percentage below 1 where every earlier figure is above 1 and the figure times 100 fits
 *   the recent series (within a factor of 2 of the median of its last six figures): a fraction
 *   typed for a percentage (0.039 for 3.9%);
 * - a figure 10 or 100 times a steady recent series (the median of its last six figures, given
 *   at least three, each within a factor of 2 of it): a misplaced decimal point. Not for a
 *   year-to-date KPI, whose figures grow through the year by design;
 * - a figure outside the KPI's declared range.
 */
export function slipDiagnostics(kpi: Measure, rows: readonly Observation[], check: (o: Observation) => boolean = () => true): Diagnostic[] {
  const out: Diagnostic[] = [];
  const earlier: number[] = [];
  const fig = (x: number) => formatFigure(x, kpi);
  for (const o of rows) {
    const v = o.value;
    if (v === null) continue;
    if (check(o) && !o.note?.trim()) {
      const warn = (code: RuleCode, message: string) =>
        out.push(diagnostic(o.origin.file, { line: o.origin.line, column: 1 }, 'warning', code, `${o.kpi} ${o.periodName}: ${message}`));
      const row = `the figure ${tidy(v)}`;
      let flagged = false;
      const recent = earlier.slice(-SCALE_WINDOW);
      const typical = recent.length > 0 ? median(recent) : 0;
      if (kpi.unit === 'percentage' && v > 0 && v < 1 && earlier.length > 0 && earlier.every((e) => e > 1) && within(v * 100, typical, 2)) {
        warn(
          'csv-value-fraction',
          `${row} looks like a fraction typed for a percentage (every earlier figure is above 1): ${tidy(v)} was probably meant as ${fig(tidy(v * 100))} (write ${tidy(v * 100)}); ${ACCEPT}`,
        );
        flagged = true;
      }
      // Only against a steady series (each recent figure within a factor of 2 of the typical one):
      // a series falling towards 0 passes through every scale on its own.
      if (!flagged && !kpi.cumulative && earlier.length >= SCALE_MINIMUM && recent.every((e) => within(e, typical, 2))) {
        const slip = scaleSlip(v, typical);
        if (slip) {
          warn(
            'csv-value-scale',
            `${row} is about ${slip.factor} times ${Math.abs(v) > Math.abs(typical) ? 'the' : 'smaller than the'} recent figures (typically ${tidy(typical)}): a misplaced decimal point? The likely figure is ${tidy(slip.intended)}; ${ACCEPT}`,
          );
          flagged = true;
        }
      }
      const min = kpi.range?.min;
      const max = kpi.range?.max;
      if (!flagged && ((min !== undefined && v < min) || (max !== undefined && v > max))) {
        warn(
          'csv-value-declared-range',
          `${row} is outside the range ${kpi.id} declares (${min ?? 'no minimum'} to ${max ?? 'no maximum'}): check it against the source; ${ACCEPT}, or widen range in the dictionary`,
        );
      }
    }
    earlier.push(v);
  }
  return out;
}
