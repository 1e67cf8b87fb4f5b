import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CHANGE_FIELDS } from '../model/kpi.js';
import { decodeText, type SourceFile } from '../load/decode.js';
import { locate, parseYaml } from '../load/yaml-source.js';
import type { Workspace } from '../model/workspace.js';
import { kpiFieldChanges, newChangeRecords } from '../core/kpi-changes.js';
import { matchRenames } from '../core/semantic-diff.js';

/**
 * The parts of an entry that change what a figure means, so need a recorded decision (seed 003
 * §2.6): the issue names definition, formula and target; polarity, unit, frequency, aggregation
 * and the id change meaning just as much, and the change record already names them.
 */
export const CONTROLLED_FIELDS: ReadonlySet<string> = new Set(CHANGE_FIELDS.filter((f) => f !== 'other'));

/**
 * Change control for `prf validate --since REV`: each controlled field of a KPI that changed
 * since REV (`before`) without a new entry in its `changes` record naming that field is a
 * warning, positioned at the field in the current file. `files` are the current KPI files, for
 * positions; `since` names REV in the message.
 */
export function unrecordedChanges(before: Workspace, after: Workspace, files: readonly SourceFile[], since: string): Diagnostic[] {
  const afterIds = new Set(after.kpis.map((k) => k.id));
  const beforeIds = new Set(before.kpis.map((k) => k.id));
  const renames = matchRenames(
    before.kpis.filter((k) => !afterIds.has(k.id)),
    after.kpis.filter((k) => !beforeIds.has(k.id)),
  );
  const oldOf = new Map([...renames].map(([o, n]) => [n, o]));
  const byId = new Map(before.kpis.map((k) => [k.id, k]));
  const out: Diagnostic[] = [];
  for (const now of after.kpis) {
    const oldId = oldOf.get(now.id) ?? now.id;
    const old = byId.get(oldId);
    if (!old) continue;
    const changed = new Map<string, string[]>();
    for (const c of kpiFieldChanges(old, now)) if (CONTROLLED_FIELDS.has(c.field)) changed.set(c.field, [...(changed.get(c.field) ?? []), c.words]);
    if (oldId !== now.id) changed.set('id', [`renamed from ${oldId}`]);
    const covered = new Set(newChangeRecords(old, now).flatMap((c) => c.fields));
    const missing = [...changed].filter(([field]) => !covered.has(field as (typeof CHANGE_FIELDS)[number]));
    if (missing.length === 0) continue;
    const file = after.kpiOrigins.get(now.id)?.file ?? '';
    const source = sourceOf(files, file);
    for (const [field, words] of missing) {
      const at = source ? locate(source, [field]) : { line: 1, column: 1 };
      out.push(
        diagnostic(
          file,
          at,
          'warning',
          'change-unrecorded',
          `${field} changed since ${since} (${words.join('; ')}) with no new entry in changes naming ${field}: add one with the date, the decision and who approved it`,
          [field],
        ),
      );
    }
  }
  return out;
}

function sourceOf(files: readonly SourceFile[], path: string) {
  const f = files.find((x) => x.path === path);
  if (!f) return null;
  const { text } = decodeText(f);
  return text === null ? null : parseYaml(path, text).source;
}
