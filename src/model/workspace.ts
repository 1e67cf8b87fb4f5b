import type { Period } from './periods.js';
import type { Commentary } from './commentary.js';
import type { Config } from './config.js';
import type { Kpi } from './kpi.js';

/** Where something came from, for diagnostics and audit: a workspace-relative path and 1-based line. */
export interface Origin {
  file: string;
  line: number;
}

/** One outturn figure as read from a CSV row, after cell parsing and validation. */
export interface Observation {
  kpi: string;
  period: Period;
  /** Canonical period name (`2025-10`, `2025-26-Q3`). */
  periodName: string;
  /** null: the return says n/a or is blank (missing data), or the row is not applicable. */
  value: number | null;
  /** The return says the measure does not apply for the period (`not applicable`, `[z]`, `[x]`); the note gives the reason. */
  notApplicable?: boolean;
  numerator: number | null;
  denominator: number | null;
  reviewedBy: string | null;
  note: string | null;
  origin: Origin;
}

export interface CommentaryFile {
  commentary: Commentary;
  period: Period;
  origin: Origin;
}

/**
 * The workspace as plain data: everything the pure core needs, nothing about files beyond
 * origins for messages. Entries that failed validation are left out, so the core can trust
 * what it is given.
 */
export interface Workspace {
  config: Config;
  /** Valid entries, sorted by id. */
  kpis: Kpi[];
  kpiOrigins: Map<string, Origin>;
  /** Valid observations, one per KPI and period (duplicates are diagnostics, first one kept), sorted by KPI then period. */
  observations: Observation[];
  /** Commentary by canonical period name. */
  commentary: Map<string, CommentaryFile>;
}
