/**
 * What an import would change, decided before anything is written: pure.
 * - A figure for a KPI and period with no row yet is added.
 * - The same figure again (value, numerator and denominator equal) is unchanged, so importing a
 *   form twice is harmless.
 * - A different figure where one is recorded (an n/a included) is a restatement: refused unless
 *   --restate with a reason, then the row is replaced in place and its note says
 *   `restated YYYY-MM-DD: was OLD (REASON)`, the convention of the demo data, so the report and
 *   git history both show it. reviewed_by is the import's own (blank
 *   from a form): a changed figure needs signing off again.
 * - The same KPI and period twice among the imported files is an error, as in validate.
 */
import { parsePeriod } from '../model/periods.js';
import { spanOf } from './spans.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Observation } from '../model/workspace.js';

export interface Restatement {
  old: Observation;
  new: Observation;
  note: string;
}

export interface ImportPlan {
  additions: Observation[];
  restatements: Restatement[];
  unchanged: Observation[];
  diagnostics: Diagnostic[];
}

export interface RestateOption {
  reason: string;
  /** Today, YYYY-MM-DD, read from the clock by the caller. */
  today: string;
}

const key = (o: Observation) => `${o.kpi}\u0000${o.periodName}`;
const figure = (v: number | null) => (v === null ? 'n/a' : String(v));
const sameFigures = (a: Observation, b: Observation) => a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;

export function planImport(incoming: readonly Observation[], recorded: readonly Observation[], restate: RestateOption | null): ImportPlan {
  const plan: ImportPlan = { additions: [], restatements: [], unchanged: [], diagnostics: [] };
  const existing = new Map(recorded.map((o) => [key(o), o]));
  const seen = new Map<string, Observation>();
  for (const o of incoming) {
    const at = { line: o.origin.line, column: 1 };
    const prior = seen.get(key(o));
    if (prior) {
      plan.diagnostics.push(
        diagnostic(
          o.origin.file,
          at,
          'error',
          'csv-duplicate-row',
          `${o.kpi} ${o.periodName} is also given at ${prior.origin.file}:${prior.origin.line}: keep one figure per KPI and period`,
        ),
      );
      continue;
    }
    seen.set(key(o), o);
    const old = existing.get(key(o));
    if (!old) plan.additions.push(o);
    else if (sameFigures(old, o)) plan.unchanged.push(o);
    else if (restate === null) {
      plan.diagnostics.push(
        diagnostic(
          o.origin.file,
          at,
          'error',
          'import-figure-exists',
          `${o.kpi} ${o.periodName} is already recorded as ${figure(old.value)} (${old.origin.file}:${old.origin.line}); this gives ${figure(o.value)}. To replace it, run again with --restate --reason "why it changed"`,
        ),
      );
    } else {
      const note = `restated ${restate.today}: was ${figure(old.value)} (${restate.reason})${o.note ? `; ${o.note}` : ''}`;
      plan.restatements.push({ old, new: o, note });
    }
  }
  return plan;
}

/** Whether a figure's period lies within `periodName` (a month within its quarter, say). */
export function periodWithin(o: Observation, periodName: string, startMonth: number): boolean {
  const p = parsePeriod(periodName);
  if (!p.ok) return false;
  const outer = spanOf(p.value, startMonth);
  const inner = spanOf(o.period, startMonth);
  return inner.fy === outer.fy && inner.from >= outer.from && inner.to <= outer.to;
}
