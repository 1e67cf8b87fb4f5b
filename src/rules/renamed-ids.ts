/**
 * Rows naming a KPI id the dictionary no longer has, folded into one message per id: a renamed
 * KPI leaves every one of its rows behind, and one error per row buries the single fix. The
 * message names the rename where a KPI's change record gives it (a change with `id` among its
 * fields whose decision mentions the old id), else the nearest id, and says how to fix the rows.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Kpi } from '../model/kpi.js';

const UNKNOWN = /^"([^"]+)" is not a KPI in the dictionary\./;

export function foldUnknownIds(diagnostics: Diagnostic[], kpis: ReadonlyMap<string, Kpi>): Diagnostic[] {
  const byId = new Map<string, Diagnostic[]>();
  const rest: Diagnostic[] = [];
  for (const d of diagnostics) {
    const m = d.code === 'csv-unknown-kpi' ? UNKNOWN.exec(d.message) : null;
    if (!m) rest.push(d);
    else if (byId.has(m[1]!)) byId.get(m[1]!)!.push(d);
    else byId.set(m[1]!, [d]);
  }
  for (const [id, rows] of byId) {
    const renamed = [...kpis.values()].find((k) =>
      k.changes.some((c) => c.fields.includes('id') && new RegExp(`\\b${id.replace(/[.-]/g, '\\$&')}\\b`).test(c.decision)),
    );
    if (rows.length === 1 && !renamed) {
      rest.push(rows[0]!);
      continue;
    }
    const files = [...new Set(rows.map((r) => r.file))];
    const lines = files.map((f) => {
      const at = rows.filter((r) => r.file === f).map((r) => r.line);
      // A long list helps nobody: the first few show where, the count says how many.
      return `${f} line${at.length === 1 ? '' : 's'} ${at.slice(0, 8).join(', ')}${at.length > 8 ? ', …' : ''}`;
    });
    const target = renamed?.id ?? didYouMean(id, [...kpis.keys()]);
    const why = renamed ? `${id} was renamed ${renamed.id} (its change record says so)` : `"${id}" is not a KPI in the dictionary`;
    const fix = target
      ? `: change the kpi cell of ${rows.length === 1 ? 'that row' : `those ${rows.length} rows`} to ${target} (find and replace "${id}," with "${target},"), or if ${target} is another measure, add ${id} back to the dictionary`
      : `: if the KPI was renamed, change the kpi cell of those rows to its new id; otherwise add ${id} to the dictionary`;
    rest.push(
      diagnostic(
        rows[0]!.file,
        { line: rows[0]!.line, column: rows[0]!.column },
        'error',
        'csv-unknown-kpi',
        `${why}, on ${rows.length === 1 ? '1 row' : `${rows.length} rows`} (${lines.join('; ')})${fix}`,
      ),
    );
  }
  return rest;
}
