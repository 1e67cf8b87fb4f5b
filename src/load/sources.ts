import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './decode.js';

/** Everything read from disk for one workspace, before any interpretation. */
export interface WorkspaceSources {
  config: SourceFile;
  kpis: SourceFile[];
  outturns: SourceFile[];
  commentary: SourceFile[];
  /** Problems met while reading (unreadable files, links leading outside the workspace). */
  readProblems: Diagnostic[];
}
