import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FormatContext } from './format-context.js';
import { counted } from '../text/plural.js';

export type DiagnosticFormatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;

/** One line per problem, `file:line:column`, so terminals and editors make each a link. */
export const stylish: DiagnosticFormatter = (diagnostics, { displayPath, color }) => {
  const { errors, warnings } = countBySeverity(diagnostics);
  if (diagnostics.length === 0) return `${color.green('✔')} no problems\n`;
  const lines = diagnostics.map((d) => {
    const sev = d.severity === 'error' ? color.red('error  ') : color.yellow('warning');
    return `${displayPath(d.file)}:${d.line}:${d.column}  ${sev}  ${d.message}  ${color.dim(d.code)}`;
  });
  const total = errors + warnings;
  const summary = `${errors > 0 ? color.red('✖') : color.yellow('⚠')} ${counted(total, 'problem')} (${counted(errors, 'error')}, ${counted(warnings, 'warning')})`;
  return `${lines.join('\n')}\n\n${summary}\n`;
};

/** The contract in DOMAIN.md: { errors, warnings, diagnostics: [...] }. */
export const json: DiagnosticFormatter = (diagnostics, { displayPath }) => {
  const { errors, warnings } = countBySeverity(diagnostics);
  const out = {
    errors,
    warnings,
    diagnostics: diagnostics.map((d) => ({
      file: displayPath(d.file),
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.path ? { path: d.path } : {}),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};

// GitHub workflow commands: data escapes %, CR, LF; property values also : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: each problem marks its line in the pull request. */
export const github: DiagnosticFormatter = (diagnostics, { displayPath }) =>
  diagnostics
    .map(
      (d) =>
        `::${d.severity} file=${escapeProperty(displayPath(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(`prf ${d.code}`)}::${escapeData(d.message)}\n`,
    )
    .join('');

export const DIAGNOSTIC_FORMATTERS: Record<string, DiagnosticFormatter> = { stylish, json, github };
