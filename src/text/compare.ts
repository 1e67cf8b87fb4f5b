/**
 * Ordering by code unit, the same on every machine and locale (localeCompare is not), so every
 * list prf prints or writes comes out in one stable order.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator by a text key: `items.sort(byText((k) => k.id))`. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}

/** Orders [key, value] entries by their key, as `Object.entries(...).sort(byEntryKey)`. */
export const byEntryKey = (a: readonly [string, unknown], b: readonly [string, unknown]): number => compareText(a[0], b[0]);

/** Objects by their id. */
export const byId = byText((k: { id: string }) => k.id);

/** Objects by their path. */
export const byPath = byText((f: { path: string }) => f.path);
