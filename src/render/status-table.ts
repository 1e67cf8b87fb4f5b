import type { ChalkInstance } from 'chalk';
import type { ImprovementResult } from '../core/improvement.js';
import type { Status } from '../core/ragg.js';
import type { KpiStatus, StatusReport } from '../core/status.js';
import { figureText, percentText, statusText, styleOf, trendText } from '../views/labels.js';
import { csvLine } from '../formats/spreadsheet-text.js';
import { kpiStatusJson, statusSummaryJson } from './status-json.js';

export type TableFormat = 'table' | 'json' | 'csv';

const paint = (color: ChalkInstance, status: Status, text: string): string =>
  ({ red: color.red, amber: color.yellow, green: color.green, grey: color.gray, missing: color.magenta, na: color.gray })[status](text);

/** Pads to a width counted in characters as shown, so colour codes do not skew the columns. */
function pad(text: string, width: number, shown = text): string {
  return text + ' '.repeat(Math.max(0, width - [...shown].length));
}

function clip(text: string, width: number): string {
  return [...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text;
}

type Cell = { text: string; shown?: string };

function table(headers: string[], rows: Cell[][]): string {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i]!.shown ?? r[i]!.text)].length)));
  const line = (cells: Cell[]) =>
    `${cells
      .map((c, i) => pad(c.text, widths[i]!, c.shown ?? c.text))
      .join('  ')
      .trimEnd()}\n`;
  return line(headers.map((h) => ({ text: h }))) + rows.map(line).join('');
}

/** One way to narrow a table: shorten a column to a width, or leave it out. */
export type FitStep = { clip: number; to: number; fill?: boolean } | { drop: number };

/**
 * Fits a table to a terminal `width` by taking `steps` in order until the widest row fits:
 * clipped cells end in an ellipsis (a figure keeps its number and loses its unit label first).
 * A row still wider after every step is left to wrap.
 */
export function fitTable(headers: string[], rows: Cell[][], width: number, steps: readonly FitStep[]): { headers: string[]; rows: Cell[][] } {
  const natural = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i]!.shown ?? r[i]!.text)].length)));
  const limit = new Map<number, number>();
  let keep = headers.map((_, i) => i);
  const total = () => keep.reduce((sum, i) => sum + Math.min(natural[i]!, limit.get(i) ?? Infinity), 0) + 2 * (keep.length - 1);
  for (const step of steps) {
    if (total() <= width) break;
    if ('drop' in step) keep = keep.filter((i) => i !== step.drop);
    else {
      limit.set(step.clip, 0);
      // fill: as wide as the room the other columns leave, but no narrower than `to`.
      const room = step.fill ? width - total() : step.to;
      limit.set(step.clip, Math.max(step.to, room, [...headers[step.clip]!].length));
    }
  }
  const cut = (c: Cell, i: number): Cell => (limit.has(i) && c.shown === undefined ? { text: clip(c.text, limit.get(i)!) } : c);
  return { headers: keep.map((i) => headers[i]!), rows: rows.map((r) => keep.map((i) => cut(r[i]!, i))) };
}

/**
 * The JSON of `prf status`, a KPI at a time (each as kpiStatusJson gives it), exactly as
 * `JSON.stringify` with an indent of 2 would print the whole. Ten thousand KPIs make a string
 * of tens of megabytes; written in pieces, it never has to exist whole.
 */
export function* statusJsonChunks(report: StatusReport): Generator<string> {
  yield `{\n  "period": ${JSON.stringify(report.period)},\n  "kpis": [`;
  let first = true;
  for (const k of report.kpis) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(kpiStatusJson(k), null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield `${report.kpis.length > 0 ? '\n  ' : ''}],\n  "summary": ${JSON.stringify(statusSummaryJson(report.summary), null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

/**
 * How `prf status` narrows to a terminal: names to 48 characters (always), then to 32; SPC, then
 * the year-on-year and then the period-on-period trend left out; unit labels clipped from the
 * figures; names down to 12.
 */
const STATUS_FIT: FitStep[] = [
  { clip: 1, to: 32 },
  { drop: 7 },
  { drop: 6 },
  { drop: 5 },
  { clip: 2, to: 12 },
  { clip: 3, to: 12 },
  { clip: 1, to: 12, fill: true },
];

const tableOf = (t: { headers: string[]; rows: Cell[][] }) => table(t.headers, t.rows);

/** Making Data Count's variation icons in a word each, for the terminal table. */
const SPC_SHORT: Record<NonNullable<KpiStatus['spc']>['variation'], string> = {
  common_cause: 'common cause',
  special_cause_improving: 'special: improving',
  special_cause_concerning: 'special: concerning',
  special_cause_neither: 'special: neither',
};

/** `prf status`: the JSON contract of DOMAIN.md (plus added fields), a terminal table, or CSV. */
export function formatStatus(report: StatusReport, format: TableFormat, color: ChalkInstance, width = Infinity): string {
  if (format === 'json') return [...statusJsonChunks(report)].join('');
  if (format === 'csv') {
    const head = csvLine([
      'id',
      'name',
      'committee',
      'value',
      'target',
      'status',
      'on_target',
      'trend_previous',
      'trend_last_year',
      'spc_variation',
      'explanation',
    ]);
    return (
      head +
      report.kpis
        .map((k) =>
          csvLine([
            k.id,
            k.name,
            k.committee,
            k.value,
            k.target,
            k.status,
            k.onTarget,
            k.trend.previous,
            k.trend.lastYear,
            k.spc?.variation ?? null,
            k.explanation,
          ]),
        )
        .join('')
    );
  }
  const rows = report.kpis.map((k) => {
    const word = statusText(k.status);
    return [
      { text: k.id },
      { text: clip(k.name, 48) },
      { text: figureText(k.value, styleOf(k)) },
      { text: figureText(k.target, styleOf(k)) },
      { text: paint(color, k.status, word), shown: word },
      { text: trendText(k.trend.previous) },
      { text: trendText(k.trend.lastYear) },
      { text: k.spc ? SPC_SHORT[k.spc.variation] : '–' },
    ];
  });
  const s = report.summary;
  return (
    `${report.period}\n\n` +
    tableOf(fitTable(['KPI', 'Name', 'Outturn', 'Target', 'Status', 'vs previous', 'vs last year', 'SPC'], rows, width, STATUS_FIT)) +
    `
${s.red} red, ${s.amber} amber, ${s.green} green, ${s.grey} grey, ${s.missing} missing${s.na > 0 ? `, ${s.na} not applicable` : ''}; on target ${s.onTarget}, off target ${s.offTarget}
`
  );
}

const OUTCOME_WORDS: Record<ImprovementResult['kpis'][number]['outcome'], string> = {
  improved: 'improved',
  declined: 'declined',
  unchanged: 'unchanged',
  notComparable: 'not comparable',
};

/**
 * What is compared with what: at the year end the full year with the previous one, in years
 * (an annual KPI has no Q4); before it, the year to date with the same months a year earlier.
 */
function comparisonHeading(r: ImprovementResult): string {
  if (/-Q4$/.test(r.through)) return `${r.year}, the full year, against ${r.comparedWith.replace(/-Q4$/, '')}`;
  return `${r.year} year to date through ${r.through}, against ${r.comparedWith}`;
}

/** `prf improvement`: the JSON contract, a table with the verdict, or CSV. */
export function formatImprovement(r: ImprovementResult, format: TableFormat, color: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  if (format === 'csv') {
    return (
      csvLine(['id', 'name', 'committee', 'current', 'previous', 'outcome', 'reason']) +
      r.kpis.map((k) => csvLine([k.id, k.name, k.committee, k.current, k.previous, k.outcome, k.reason])).join('')
    );
  }
  const rows = r.kpis.map((k) => {
    const word = OUTCOME_WORDS[k.outcome];
    return [
      { text: k.id },
      { text: clip(k.name, 48) },
      // Printed as the KPI prints them: 68.0%, not 68.
      { text: figureText(k.current, styleOf(k)) },
      { text: figureText(k.previous, styleOf(k)) },
      { text: k.outcome === 'improved' ? color.green(word) : k.outcome === 'declined' ? color.red(word) : word, shown: word },
      // Why a KPI cannot be compared, or is maintained at its best, is the question such a row raises.
      { text: k.outcome === 'notComparable' || k.atBest ? clip(k.reason, 70) : '' },
    ];
  });
  const comparable = r.improved + r.declined + r.unchanged;
  const counts = `${r.improved} of ${comparable} comparable indicators improved (${percentText(r.share)}, threshold ${percentText(r.threshold)})`;
  // With nothing comparable the check has not failed: there is nothing to judge yet.
  const verdict =
    comparable === 0
      ? `nothing to compare yet: no indicator has figures for both years (threshold ${percentText(r.threshold)})`
      : r.met
        ? color.green(`met: ${counts}`)
        : color.red(`not met: ${counts}; ${r.moreNeeded} more must improve`);
  const risk = r.atRisk.length > 0 ? `At risk: ${r.atRisk.join(', ')}\n` : '';
  const chance = (id: string) => {
    const p = r.kpis.find((k) => k.id === id)?.yearEnd?.probabilityOfDecline;
    return p == null ? id : `${id} (${percentText(p)})`;
  };
  const decline =
    r.likelyToDecline.length > 0
      ? `Likely to decline by year end (year-end forecast, chance of ending worse than last year): ${r.likelyToDecline.map(chance).join(', ')}\n`
      : '';
  const notApplicable = r.notApplicable > 0 ? ` (${r.notApplicable} not applicable)` : '';
  return (
    `${comparisonHeading(r)}\n\n` +
    table(['KPI', 'Name', 'This year', 'Last year', 'Outcome', 'Why'], rows) +
    `\n${r.declined} declined, ${r.unchanged} unchanged, ${r.notComparable} not comparable${notApplicable}\n${verdict}\n${risk}${decline}`
  );
}
