import type { RuleCode } from './codes.js';
import { compareText } from '../text/compare.js';

export type Severity = 'error' | 'warning';

/**
 * One problem found in the workspace. Lines and columns are 1-based, as editors and CI
 * annotations count them, so no formatter has to adjust them.
 */
export interface Diagnostic {
  /** Workspace-relative path with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Checked by the compiler against the catalogue in codes.ts, so no code goes undocumented. */
  code: RuleCode;
  message: string;
  /** Where in the document's data the problem sits, e.g. `["target", "value"]`. */
  path?: (string | number)[];
}

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function diagnostic(file: string, at: Position, severity: Severity, code: RuleCode, message: string, path?: (string | number)[]): Diagnostic {
  return path ? { file, line: at.line, column: at.column, severity, code, message, path } : { file, line: at.line, column: at.column, severity, code, message };
}

/** Stable order: by file, then line, column and code, so output never depends on discovery order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code) || compareText(a.message, b.message);
}

export function countBySeverity(diags: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diags) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
