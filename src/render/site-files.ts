import { csvField } from '../formats/spreadsheet-text.js';
import type { DataTable } from '../views/open-data.js';

/**
 * A table as CSV: a header row of the field names, then one line per row, CRLF as RFC 4180 and
 * the package's dialect say. Text that a spreadsheet would run as a formula is made safe.
 */
export function tableCsv(table: DataTable): string {
  const lines = [table.fields.map((f) => csvField(f.name)), ...table.rows.map((r) => r.map(csvField))];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** `datapackage.json`: two-space indented with a final newline, so it diffs cleanly in git. */
export function dataPackageJson(descriptor: Record<string, unknown>): string {
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}
