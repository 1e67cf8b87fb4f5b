/**
 * The file changes an import plan makes: new figures go into the outturn CSV of their period's
 * financial year (`data/outturns/2025-26.csv`, made with a header if absent); a restated figure
 * replaces its row in whichever file holds it. Pure, given a way to read a file's text.
 */
import { formatFixed } from '../core/figures.js';
import { fyName, fyOf } from '../model/periods.js';
import type { Config } from '../model/config.js';
import type { Kpi } from '../model/kpi.js';
import type { Observation } from '../model/workspace.js';
import type { ImportPlan } from '../core/import-plan.js';
import { mergeOutturnCsv, type CsvEdits, type RowCells } from './merge-outturns.js';
import { byEntryKey } from '../text/compare.js';

/**
 * A figure as written to the CSV. Where the counts are given the value follows from them, so
 * one worked out from the counts (a blank value on the form) is written to the KPI's decimals
 * rather than as 85.71428571428571; a value as given keeps its digits, padded with zeros to the
 * KPI's decimal places.
 */
function valueText(o: Observation, kpi: Kpi | undefined): string {
  if (o.value === null) return 'n/a';
  const s = String(o.value);
  const places = s.split('.')[1]?.length ?? 0;
  const decimals = kpi?.kind === 'measure' ? kpi.decimals : 6;
  if (o.numerator !== null && o.denominator !== null && places > decimals + 2) return formatFixed(o.value, decimals);
  // Trailing zeros to the KPI's places, as the other rows print it (90 typed in Excel is 90.0).
  return places < decimals ? o.value.toFixed(decimals) : s;
}

function cellsOf(o: Observation, kpi: Kpi | undefined, note: string | null): RowCells {
  return {
    kpi: o.kpi,
    period: o.periodName,
    value: valueText(o, kpi),
    numerator: o.numerator === null ? '' : String(o.numerator),
    denominator: o.denominator === null ? '' : String(o.denominator),
    reviewed_by: o.reviewedBy ?? '',
    note: note ?? '',
  };
}

export type EditsResult = { ok: true; files: Array<{ path: string; text: string }> } | { ok: false; file: string; message: string };

export function outturnEdits(plan: ImportPlan, config: Config, kpis: ReadonlyMap<string, Kpi>, readText: (path: string) => string | null): EditsResult {
  const byFile = new Map<string, CsvEdits>();
  const editsOf = (path: string) => {
    let e = byFile.get(path);
    if (!e) byFile.set(path, (e = { additions: [], replacements: [] }));
    return e;
  };
  const folder = config.paths.outturns.replace(/\/+$/, '');
  for (const o of plan.additions) {
    editsOf(`${folder}/${fyName(fyOf(o.period, config.financialYearStartMonth))}.csv`).additions.push(cellsOf(o, kpis.get(o.kpi), o.note));
  }
  for (const r of plan.restatements) {
    editsOf(r.old.origin.file).replacements.push({ line: r.old.origin.line, cells: cellsOf(r.new, kpis.get(r.new.kpi), r.note) });
  }
  const files: Array<{ path: string; text: string }> = [];
  for (const [path, edits] of [...byFile].sort(byEntryKey)) {
    const merged = mergeOutturnCsv(readText(path), edits);
    if (!merged.ok) return { ok: false, file: path, message: merged.message };
    files.push({ path, text: merged.text });
  }
  return { ok: true, files };
}
