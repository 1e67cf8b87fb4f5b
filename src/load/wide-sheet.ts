/**
 * A council's history sheet read into figures: one row per KPI, one column per month, quarter
 * or year, headed as councils head them (`Apr-24`, `Q1 2024/25`, `2024/25`: model/period-spellings).
 *
 * - The header row is the first with at least two cells naming a period; the KPI column is the
 *   one headed as an id (`KPI`, `Ref`, `ID`, `Code`), else the first whose cells are ids the
 *   dictionary knows. Without one, rows are matched to the dictionary by the measure's name (the
 *   column headed `Measure Name`, `Indicator`..., else the first whose cells are names the
 *   dictionary has), as a council's own history sheet carries names, not prf's new ids; case,
 *   punctuation and a "to 2 decimal points" ending aside, as adopt wrote them. A name the
 *   dictionary lacks, or has twice, is an error naming the row. Other columns are listed as not read.
 * - A KPI takes only the columns of its own frequency: a quarterly KPI's quarter columns, not the
 *   year-total column beside them; each cell left out that way is counted and listed.
 * - Published placeholders are read deliberately (README, docs/guide/onboarding.md):
 *   not applicable (`n/a`, `N/A`, `na`, `not applicable`, `[z]`) is recorded as n/a, as a CSV
 *   records it; no figure (blank, `-`, `–`, `..`, `[x]`, `[c]`, `[u]`, `tbc`, `not available`,
 *   `no data`, `no target`, `not measured`, `measured twice per year`, `measured annually`)
 *   records nothing, so the period stays missing and prf due asks for it.
 * - Numbers follow the CSV rules: `1,234`, `96.4%` for a percentage KPI, `£` for a currency one;
 *   anything else is an error naming the cell.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/suggest.js';
import type { Kpi } from '../model/kpi.js';
import { formatPeriod, inPeriodYears, outOfRangeMessage, PERIOD_KIND_OF_FREQUENCY, type Period } from '../model/periods.js';
import { readPeriodSpelling } from '../model/period-spellings.js';
import type { Observation } from '../model/workspace.js';
import { parseNumberCell } from './cells.js';
import { isNameHeading } from '../core/adopt-columns.js';
import { measureNameKey } from '../core/adopt-plan.js';
import type { TableRow } from './read-table.js';

export interface WideSheet {
  /** The period columns recognised, with their headers as written. */
  periods: Array<{ header: string; period: string }>;
  /** Headers of the other columns, not read (besides the KPI column). */
  ignored: string[];
  kpiColumn: string | null;
  /** Whether that column holds ids or the measures' names. */
  kpiColumnHolds: 'ids' | 'names';
  observations: Observation[];
  /** Cells that held a placeholder meaning no figure, by placeholder. */
  noFigure: Map<string, number>;
  /** Cells in a column not of the KPI's frequency. */
  otherFrequency: number;
  diagnostics: Diagnostic[];
}

const NOT_APPLICABLE = new Set(['n/a', 'na', 'not applicable', '[z]']);
const NO_FIGURE = new Set([
  '-',
  '–',
  '—',
  '..',
  '[x]',
  '[c]',
  '[u]',
  'tbc',
  'not available',
  'no data',
  'no target',
  'not measured',
  'measured twice per year',
  'measured annually',
]);
const ID_HEADERS = new Set(['kpi', 'id', 'kpi id', 'ref', 'reference', 'kpi ref', 'code', 'pi ref', 'pi code']);

export function isWideHeader(cells: readonly string[]): boolean {
  return cells.filter((c) => c !== '' && readPeriodSpelling(c) !== null).length >= 2;
}

export function readWideSheet(file: string, rows: readonly TableRow[], kpis: ReadonlyMap<string, Kpi>): WideSheet {
  const out: WideSheet = {
    periods: [],
    ignored: [],
    kpiColumn: null,
    kpiColumnHolds: 'ids',
    observations: [],
    noFigure: new Map(),
    otherFrequency: 0,
    diagnostics: [],
  };
  const fail = (
    line: number,
    column: number,
    message: string,
    code: 'table-unreadable' | 'csv-unknown-kpi' | 'csv-value-invalid' | 'csv-period-out-of-range' = 'table-unreadable',
  ) => out.diagnostics.push(diagnostic(file, { line, column }, 'error', code, message));
  const at = rows.findIndex((r) => isWideHeader(r.cells));
  if (at < 0) {
    fail(
      1,
      1,
      'no row heads its columns with periods (Apr-24, Q1 2024/25, 2024/25, 2024-25-Q1...): a history sheet has one column per period, or import a CSV with columns kpi,period,value',
    );
    return out;
  }
  const header = rows[at]!.cells;
  const periodOf = header.map((h, i) => {
    const p = h === '' ? null : readPeriodSpelling(h);
    if (p === null || inPeriodYears(p)) return p;
    fail(rows[at]!.line, i + 1, `column "${h}": ${outOfRangeMessage(formatPeriod(p))}`, 'csv-period-out-of-range');
    return null;
  });
  const body = rows.slice(at + 1);
  const ids = [...kpis.keys()];
  const byName = new Map<string, string[]>();
  for (const k of kpis.values()) byName.set(measureNameKey(k.name), [...(byName.get(measureNameKey(k.name)) ?? []), k.id]);
  let kpiAt = header.findIndex((h, i) => periodOf[i] === null && ID_HEADERS.has(h.trim().toLowerCase()));
  if (kpiAt < 0) kpiAt = header.findIndex((_, i) => periodOf[i] === null && body.some((r) => kpis.has((r.cells[i] ?? '').trim())));
  // A column headed "KPI" may hold the names: read it as names when they match and no id does.
  const cellKeys = (i: number) => body.map((r) => (r.cells[i] ?? '').trim());
  if (kpiAt >= 0 && !cellKeys(kpiAt).some((c) => kpis.has(c)) && cellKeys(kpiAt).some((c) => byName.has(measureNameKey(c)))) out.kpiColumnHolds = 'names';
  if (kpiAt < 0) {
    kpiAt = header.findIndex((h, i) => periodOf[i] === null && isNameHeading(h));
    if (kpiAt < 0) kpiAt = header.findIndex((_, i) => periodOf[i] === null && body.some((r) => byName.has(measureNameKey(r.cells[i] ?? ''))));
    if (kpiAt >= 0) out.kpiColumnHolds = 'names';
  }
  if (kpiAt < 0) {
    fail(
      rows[at]!.line,
      1,
      'no column holds KPI ids or measure names the dictionary knows: head a column "KPI" with each row\'s id (e.g. HC-AM-01), or "Measure Name" with the names as the dictionary has them',
    );
    return out;
  }
  out.kpiColumn = header[kpiAt]!;
  const names = [...kpis.values()].map((k) => k.name);
  header.forEach((h, i) => {
    const p = periodOf[i];
    if (p) out.periods.push({ header: h, period: formatPeriod(p) });
    else if (i !== kpiAt && h !== '') out.ignored.push(h);
  });
  for (const row of body) {
    let id = (row.cells[kpiAt] ?? '').trim();
    if (id === '' || row.cells.every((c) => c.trim() === '')) continue;
    if (out.kpiColumnHolds === 'names') {
      const found = byName.get(measureNameKey(id)) ?? [];
      if (found.length !== 1) {
        fail(
          row.line,
          kpiAt + 1,
          found.length === 0
            ? `"${id}" is not the name of a measure in the dictionary.${suggestion(id, names) || ' Write the name as the dictionary has it, or add a "KPI" column with the id.'}`
            : `"${id}" is the name of ${found.join(' and ')}: add a "KPI" column with each row's id`,
          'csv-unknown-kpi',
        );
        continue;
      }
      id = found[0]!;
    }
    const kpi = kpis.get(id);
    if (!kpi) {
      fail(
        row.line,
        kpiAt + 1,
        `"${id}" is not a KPI in the dictionary.${suggestion(id, ids) || ' Check the id, or add the KPI first (prf new, prf adopt dictionary).'}`,
        'csv-unknown-kpi',
      );
      continue;
    }
    if (kpi.kind !== 'measure') continue;
    periodOf.forEach((p: Period | null, i) => {
      if (!p) return;
      const raw = (row.cells[i] ?? '').trim();
      if (raw === '') return;
      if (p.kind !== PERIOD_KIND_OF_FREQUENCY[kpi.frequency]) {
        out.otherFrequency++;
        return;
      }
      const lower = raw.toLowerCase();
      if (NO_FIGURE.has(lower)) {
        out.noFigure.set(raw, (out.noFigure.get(raw) ?? 0) + 1);
        return;
      }
      let value: number | null;
      if (NOT_APPLICABLE.has(lower)) value = null;
      else {
        const cell = parseNumberCell(raw, { allowPercent: kpi.unit === 'percentage', allowPound: kpi.unit === 'currency' });
        if (cell.kind === 'invalid') {
          fail(row.line, i + 1, `${id} ${header[i]}: ${cell.message}`, 'csv-value-invalid');
          return;
        }
        value = cell.kind === 'number' ? cell.value : null;
      }
      out.observations.push({
        kpi: id,
        period: p,
        periodName: formatPeriod(p),
        value,
        numerator: null,
        denominator: null,
        reviewedBy: null,
        note: null,
        origin: { file, line: row.line },
      });
    });
  }
  return out;
}
