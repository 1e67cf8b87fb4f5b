/**
 * The demo workspace's ILLUSTRATIVE outturns and commentary, made from the KPI dictionary, the
 * config and a seed. Pure: the same inputs give byte-identical files (no clock, no file system).
 *
 * - `data/outturns/2022-23.csv` .. `2025-26.csv`: April 2022 to December 2025, one row per measure
 *   and period at the KPI's own frequency, sorted by KPI then period (plan.ts tells the story;
 *   series.ts makes the figures).
 * - `data/commentary/2025-26-Q1.yaml` .. `2025-26-Q3.yaml`: exception commentary for every measure
 *   that is red in the quarter (status from src/core, as prf computes it), except the one left
 *   out on purpose at Q2 (plan.ts RED_WITHOUT_COMMENTARY); achievements and a forward look.
 */
import { stringify } from 'yaml';
import { formatFigure, formatFixed } from '../../core/figures.js';
import { formatPeriod, fyName, fyOf, type Period } from '../../model/periods.js';
import { observationsOf } from '../../core/observations.js';
import { measureStatus } from '../../core/ragg.js';
import { ruleFor } from '../../core/rule.js';
import { outturnFor, yearToDateOutturn } from '../../core/rollup.js';
import { targetFor } from '../../core/targets.js';
import type { Config } from '../../model/config.js';
import type { Kpi, Measure, Qualitative } from '../../model/kpi.js';
import type { Observation } from '../../model/workspace.js';
import { DEMO_FIRST_FY, DEMO_LAST_FY, RED_WITHOUT_COMMENTARY, RED_WITHOUT_COMMENTARY_QUARTER } from './plan.js';
import { coveringFor, extrasFor, followUpFor, proseFor, type DemoStatus, type ProseContext } from './prose.js';
import { buildRows, type DemoRow } from './series.js';
import { byId } from '../../text/compare.js';

/** The seed the committed demo data was made with. */
export const DEMO_SEED = 20260331;

export interface GeneratedFile {
  /** Workspace-relative, with forward slashes. */
  path: string;
  text: string;
}

const HEADER = 'kpi,period,value,numerator,denominator,reviewed_by,note';

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function joinPath(folder: string, name: string): string {
  return `${folder.replace(/\\/g, '/').replace(/\/+$/, '')}/${name}`;
}

/** The generated rows as prf reads them, for computing statuses without parsing CSV text. */
export function toObservations(rows: DemoRow[]): Observation[] {
  const num = (s: string) => (s === '' || s === 'n/a' ? null : Number(s));
  return rows.map((r, i) => ({
    kpi: r.kpi,
    period: r.period,
    periodName: r.periodName,
    value: num(r.value),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    reviewedBy: r.reviewedBy === '' ? null : r.reviewedBy,
    note: r.note === '' ? null : r.note,
    origin: { file: 'demo', line: i + 2 },
  }));
}

/** Each measure's status for a period, as prf computes it (src/core). */
export function statusesFor(measures: Measure[], observations: Observation[], period: Period, config: Config): DemoStatus[] {
  const start = config.financialYearStartMonth;
  return measures.map((kpi) => {
    const outturn = outturnFor(kpi, observationsOf({ observations }, kpi.id), period, start);
    const target = targetFor(kpi, period, start);
    const { status } = measureStatus(kpi, outturn, target, ruleFor(kpi, config.ragg));
    return { kpi, status, value: outturn.value, target: target.value };
  });
}

function outturnFiles(rows: DemoRow[], config: Config): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (let fy = DEMO_FIRST_FY; fy <= DEMO_LAST_FY; fy++) {
    const lines = rows
      .filter((r) => fyOf(r.period, config.financialYearStartMonth) === fy)
      .map((r) => [r.kpi, r.periodName, r.value, r.numerator, r.denominator, r.reviewedBy, r.note].map(csvCell).join(','));
    files.push({ path: joinPath(config.paths.outturns, `${fyName(fy)}.csv`), text: `${[HEADER, ...lines].join('\n')}\n` });
  }
  return files;
}

function commentaryFile(quarter: 1 | 2 | 3, measures: Measure[], qualitative: Qualitative[], observations: Observation[], config: Config): GeneratedFile {
  const period: Period = { kind: 'quarter', fy: DEMO_LAST_FY, quarter };
  const name = formatPeriod(period);
  const start = config.financialYearStartMonth;
  const statuses = statusesFor(measures, observations, period, config);
  const previous = quarter > 1 ? statusesFor(measures, observations, { kind: 'quarter', fy: DEMO_LAST_FY, quarter: (quarter - 1) as 1 | 2 }, config) : null;
  const lastYear = statusesFor(measures, observations, { kind: 'quarter', fy: DEMO_LAST_FY - 1, quarter }, config);

  const redEarlier = new Set<string>();
  for (let q = 1; q < quarter; q++) {
    for (const e of statusesFor(measures, observations, { kind: 'quarter', fy: DEMO_LAST_FY, quarter: q as 1 | 2 }, config)) {
      if (e.status === 'red') redEarlier.add(e.kpi.id);
    }
  }
  const kpis: Record<string, unknown> = {};
  for (const [i, s] of statuses.entries()) {
    const followUp = s.status !== 'red' && redEarlier.has(s.kpi.id) && s.value !== null && s.target !== null;
    if (s.status !== 'red' && !followUp) continue;
    if (quarter === RED_WITHOUT_COMMENTARY_QUARTER && s.kpi.id === RED_WITHOUT_COMMENTARY) continue;
    const ytd = yearToDateOutturn(s.kpi, observationsOf({ observations }, s.kpi.id), period, start);
    const ctx: ProseContext = {
      kpi: s.kpi,
      quarter,
      period: name,
      value: s.value!,
      target: s.target!,
      fig: (x: number) => formatFigure(x, s.kpi),
      fixed: (x: number) => formatFixed(x, s.kpi.decimals),
      previous: previous?.[i]?.value ?? null,
      previousStatus: previous?.[i]?.status ?? null,
      lastYear: lastYear[i]?.value ?? null,
      yearToDate: ytd.value,
      yearTarget: targetFor(s.kpi, { kind: 'year', fy: DEMO_LAST_FY }, start).value,
    };
    if (!followUp) kpis[s.kpi.id] = proseFor(ctx);
    else {
      const entry = followUpFor(ctx);
      if (entry) kpis[s.kpi.id] = entry;
    }
  }
  // Projects and narrative indicators report only through commentary: each gets its owner's status and narrative.
  for (const kpi of qualitative) {
    kpis[kpi.id] = {
      status: 'green',
      narrative: `${kpi.name}: work is progressing to plan in ${name}; no milestones have slipped (illustrative).`,
      author: kpi.roles.owner,
    };
  }
  const extras = extrasFor(quarter, statuses, previous, measures);
  const committees = Object.fromEntries(config.committees.map((c, i) => [c.id, coveringFor(quarter, c, i, statuses, previous)]));
  const body = stringify(
    { period: name, kpis, achievements: extras.achievements, forwardLook: extras.forwardLook, caseStudies: extras.caseStudies, committees },
    { lineWidth: 100 },
  );
  const head = [
    '# yaml-language-server: $schema=../../schemas/commentary.schema.json',
    '# ILLUSTRATIVE: invented commentary for the demo workspace, made by src/tools/demo-data (not real council text).',
  ].join('\n');
  return { path: joinPath(config.paths.commentary, `${name}.yaml`), text: `${head}\n${body}` };
}

/** Every demo file, in a fixed order. */
export function generateDemoData(kpis: Kpi[], config: Config, seed: number = DEMO_SEED): GeneratedFile[] {
  const measures = kpis.filter((k): k is Measure => k.kind === 'measure').sort(byId);
  const qualitative = kpis.filter((k): k is Qualitative => k.kind !== 'measure').sort(byId);
  const rows = buildRows(measures, seed, config.financialYearStartMonth);
  const observations = toObservations(rows);
  const files = outturnFiles(rows, config);
  for (const quarter of [1, 2, 3] as const) files.push(commentaryFile(quarter, measures, qualitative, observations, config));
  files.push({
    path: joinPath(config.paths.outturns, 'README.md'),
    text: [
      '# Demo outturns (illustrative)',
      '',
      "Every figure in these files is ILLUSTRATIVE: invented for the demo workspace, not any council's",
      'real performance. They are made by a seeded generator, `src/tools/demo-data`, with seed',
      `${seed}; run \`npm run demo-data\` to make them again (the output is byte-identical).`,
      '',
    ].join('\n'),
  });
  return files;
}
