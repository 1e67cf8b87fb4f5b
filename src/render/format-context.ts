import type { ChalkInstance } from 'chalk';

/** What a formatter may know beyond the diagnostics: how to show a path, and colours. */
export interface FormatContext {
  /** Turns a workspace-relative path into the path to print (relative to where prf was run). */
  displayPath: (file: string) => string;
  color: ChalkInstance;
}
