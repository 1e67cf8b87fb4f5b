/**
 * Markdown has no escaping of its own in Handlebars, so every string in a view model is escaped
 * before a Markdown template sees it: user text can then never break a table, start a heading,
 * add a link or smuggle in raw HTML, whichever template prints it.
 */
export function escapeMarkdown(s: string): string {
  return (
    s
      // Line breaks would end a table row or a list item; a paper reads as well with spaces.
      .replace(/\s*\r?\n\s*/g, ' ')
      .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
      // A cell or paragraph beginning like a heading, quote or list item stays literal text.
      .replace(/^([#>+=-])/, '\\$1')
      // Only "1. " or "1) " starts a list; "11.3%" stays as it is.
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}

/** Escapes every string in a plain data structure (the view model) for Markdown. */
export function escapeMarkdownDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeMarkdownDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeMarkdownDeep(v)])) as T;
  }
  return value;
}
