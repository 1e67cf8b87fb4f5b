/**
 * Text a spreadsheet would run as a formula when it starts with =, +, -, @ (or a tab or carriage
 * return, which some import paths strip first). Such text gets a leading single quote, which
 * Excel and LibreOffice both take as "this is text" (OWASP's advice for CSV injection). Numbers
 * are never passed through here.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: formula-safe, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: Array<string | number | boolean | null>): string {
  return `${values.map(csvField).join(',')}\n`;
}
