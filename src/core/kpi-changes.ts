import type { Kpi, Target } from '../model/kpi.js';

/** One difference between two versions of a KPI entry, in an officer's words. */
export interface FieldChange {
  /** The top-level field changed ('target', 'definition', 'roles'); change control keys on it. */
  field: string;
  /** Where in the entry, for positioning a diagnostic: ['target', 'years', '2025-26']. */
  path: string[];
  words: string;
}

// Prose fields are reported as changed, not quoted: a definition rewritten is read in the entry.
const PROSE = new Set([
  'definition',
  'purpose',
  'formula',
  'workedExample',
  'inclusions',
  'exclusions',
  'notes',
  'reason',
  'systemChanges',
  'manualAmendments',
  'reconciliation',
  'decision',
  'note',
]);
// The change record is described entry by entry, never as a field diff.
const SKIPPED = new Set(['id', 'changes']);

type Unit = 'percentage' | 'number' | 'days' | 'currency' | 'rate' | null;

/** A target or figure as people write it: 95%, £1200, 8.5. */
export function figureWords(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return 'n/a';
  if (unit === 'percentage') return `${value}%`;
  if (unit === 'currency') return value < 0 ? `-£${-value}` : `£${value}`;
  return String(value);
}

function scalarWords(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return v.length > 60 ? `"${v.slice(0, 57)}..."` : `"${v}"`;
  return JSON.stringify(v);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Leaf differences between two plain values, as paths; arrays compare whole. */
function leafChanges(a: unknown, b: unknown, path: string[], out: Array<{ path: string[]; before: unknown; after: unknown }>): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) leafChanges(a[key], b[key], [...path, key], out);
    return;
  }
  if (!same(a, b)) out.push({ path, before: a, after: b });
}

function targetKindWords(t: Target | undefined, unit: Unit): string {
  if (t === undefined) return 'none';
  switch (t.type) {
    case 'single':
      return figureWords(t.value, unit);
    case 'yearly':
      return `yearly (${Object.entries(t.years)
        .sort()
        .map(([y, v]) => `${y}: ${figureWords(v, unit)}`)
        .join(', ')})`;
    case 'profiled':
      return 'profiled';
    case 'toBeSet':
      return 'to be set';
    case 'none':
      return 'none';
  }
}

/** "target 2025-26: 95% -> 97%", "target Q1 set: 2.86", "target: to be set -> 97%". */
export function targetChanges(a: Target | undefined, b: Target | undefined, unit: Unit): FieldChange[] {
  if (same(a, b)) return [];
  if (a === undefined || b === undefined || a.type !== b.type) {
    return [{ field: 'target', path: ['target'], words: `target: ${targetKindWords(a, unit)} -> ${targetKindWords(b, unit)}` }];
  }
  const leaves: Array<{ path: string[]; before: unknown; after: unknown }> = [];
  leafChanges(a, b, [], leaves);
  return leaves.map(({ path, before, after }) => {
    // 'years' and 'profile' are how the schema nests targets, not words an officer uses.
    const where = path.filter((p) => p !== 'years' && p !== 'profile' && p !== 'value').join(' ');
    const label = where === '' ? 'target' : `target ${where}`;
    let words: string;
    // A profile period's reason (noTarget, informationOnly), `profile: linear` or `others: none` are words, not figures.
    const text = (x: unknown) => (typeof x === 'number' ? figureWords(x, unit) : isPlainObject(x) ? 'a profile' : String(x));
    if (path[path.length - 1] === 'reason') words = 'target reason changed';
    else if (typeof before === 'string' || typeof after === 'string') {
      words =
        before === undefined
          ? `${label} set: ${text(after)}`
          : after === undefined
            ? `${label} removed (was ${text(before)})`
            : `${label}: ${text(before)} -> ${text(after)}`;
    } else if (before === undefined) words = `${label} set: ${isPlainObject(after) ? 'profile' : figureWords(after as number, unit)}`;
    else if (after === undefined) words = `${label} removed (was ${isPlainObject(before) ? 'a profile' : figureWords(before as number, unit)})`;
    else if (isPlainObject(before) || isPlainObject(after)) words = `${label} changed`;
    else words = `${label}: ${figureWords(before as number, unit)} -> ${figureWords(after as number, unit)}`;
    return { field: 'target', path: ['target', ...path], words };
  });
}

/**
 * Every difference between two versions of an entry, in words: prose fields "changed", short
 * values "from -> to", targets per year or period. The id (a rename) and the change record
 * are described by the caller.
 */
export function kpiFieldChanges(before: Kpi, after: Kpi): FieldChange[] {
  const unit: Unit = after.kind === 'measure' ? after.unit : null;
  const beforeUnit: Unit = before.kind === 'measure' ? before.unit : null;
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const out: FieldChange[] = [];
  for (const field of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (SKIPPED.has(field) || same(a[field], b[field])) continue;
    if (field === 'target') {
      out.push(...targetChanges(a[field] as Target | undefined, b[field] as Target | undefined, unit ?? beforeUnit));
      continue;
    }
    const leaves: Array<{ path: string[]; before: unknown; after: unknown }> = [];
    leafChanges(a[field], b[field], [field], leaves);
    for (const leaf of leaves) {
      const label = leaf.path.join('.');
      const last = leaf.path[leaf.path.length - 1]!;
      let words: string;
      if (leaf.before === undefined) words = `${label} added`;
      else if (leaf.after === undefined) words = `${label} removed`;
      else if (PROSE.has(last) || Array.isArray(leaf.before) || Array.isArray(leaf.after)) words = `${label} changed`;
      else words = `${label}: ${scalarWords(leaf.before)} -> ${scalarWords(leaf.after)}`;
      out.push({ field, path: leaf.path, words });
    }
  }
  return out;
}

/** Change-record entries present after and not before: the decisions this edit recorded. */
export function newChangeRecords(before: Kpi | null, after: Kpi): Kpi['changes'] {
  const old = new Set((before?.changes ?? []).map((c) => JSON.stringify(c)));
  return after.changes.filter((c) => !old.has(JSON.stringify(c)));
}

export function changeRecordWords(c: Kpi['changes'][number]): string {
  return `change recorded ${c.date}: ${c.decision} (${c.fields.join(', ')}; approved by ${c.approver}${c.reference ? `, ${c.reference}` : ''})`;
}
