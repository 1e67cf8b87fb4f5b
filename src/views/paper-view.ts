import { benchmarkFor } from '../core/benchmark.js';
import { formatFigure, type FigureStyle } from '../core/figures.js';
import { improvementForCommittee, type ImprovementResult } from '../core/improvement.js';
import { formatPeriod, fyOf, monthsOf, periodEndDate, samePeriodLastYear, type Period } from '../model/periods.js';
import { summarise, type BareStatus, type KpiStatus, type StatusChange, type StatusReport } from '../core/status.js';
import type { Action } from '../model/commentary.js';
import type { Committee } from '../model/config.js';
import type { Kpi } from '../model/kpi.js';
import type { Workspace } from '../model/workspace.js';
import { styleOf, unitTitle } from './labels.js';
import { controlChart, SIGNAL_SHAPE, sparkline } from './svg.js';
import { coveringView, rollupText } from './covering.js';
import { paperKey } from './key.js';
import { earlierQuarters, yearSoFar } from './quarters.js';
import { spcLong, spcShort } from './spc-words.js';
import type {
  ActionView,
  Counts,
  DashboardRow,
  ExceptionView,
  Gap,
  ImprovementView,
  IndexView,
  KpiRef,
  NoteView,
  OverdueAction,
  PaperView,
  PriorityGroup,
} from './view-types.js';
import { byEntryKey, compareText } from '../text/compare.js';

/** Everything a set of papers is made of, computed by the pure core before any template runs. */
export interface ReportInputs {
  workspace: Workspace;
  period: Period;
  status: StatusReport;
  /** Each KPI's status in the previous period, for "what changed". */
  previous: { period: string; kpis: BareStatus[] };
  /** What changed since the previous period, council-wide. */
  changes: { newReds: StatusChange[]; recoveries: StatusChange[] };
  improvement: ImprovementResult;
  gaps: Gap[];
  draft: boolean;
  /** The date printed on the papers and used to judge overdue actions; the period end when null. */
  date: string | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Quarter 3 2025-26 (October to December 2025)": how a committee paper names its period. */
export function periodTitle(p: Period, startMonth: number): string {
  const months = monthsOf(p, startMonth);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const span = `${MONTHS[first.month - 1]}${first.year === last.year ? '' : ` ${first.year}`} to ${MONTHS[last.month - 1]} ${last.year}`;
  const name = formatPeriod(p);
  switch (p.kind) {
    case 'quarter':
      return `Quarter ${p.quarter} ${name.slice(0, 7)} (${span})`;
    case 'half':
      return `Half-year ${p.half} ${name.slice(0, 7)} (${span})`;
    case 'year':
      return `Financial year ${name} (${span})`;
    case 'month':
      return `${MONTHS[p.month - 1]} ${p.year}`;
  }
}

const CONFIDENCE: Record<KpiStatus['confidence'], string> = {
  green: 'System',
  amber: 'Manual',
  red: 'Project',
};

const TARGET_NOTE: Record<NonNullable<KpiStatus['targetKind']>, string | null> = {
  set: null,
  toBeSet: 'to be set',
  none: 'no target',
  notSetForYear: 'not set for this year',
  noTarget: 'no target this period',
  informationOnly: 'information only',
};

function sparklineFor(k: KpiStatus, style: FigureStyle): string {
  const shown = k.series.filter((p) => p.value !== null);
  const description =
    shown.length < 2
      ? ''
      : `Recent figures, ${k.series[0]!.periodName} to ${k.series.at(-1)!.periodName}: ${shown.map((p) => formatFigure(p.value!, style)).join(', ')}`;
  return sparkline(
    k.series.map((p) => ({ label: p.periodName, value: p.value })),
    description,
  );
}

/** Why a measure has no figure at a quarter, in the words a committee uses. */
const NOT_DUE: Partial<Record<Kpi['frequency'], string>> = {
  annual: 'annual measure: reported at the year end (Q4)',
  biannual: 'half-yearly measure: next reported at the year end (Q4)',
};

/**
 * The reason printed in the row for a figure with no colour (grey or missing), and for a KPI
 * whose own band makes its colour differ from the key's.
 */
function rowReason(k: KpiStatus, kpi: Kpi | undefined, period: Period): string | null {
  if (k.status === 'grey' && k.outturnState === 'notDue' && period.kind === 'quarter') return NOT_DUE[k.frequency] ?? k.explanation;
  if (k.status === 'grey' || k.status === 'missing') return k.explanation;
  if (kpi?.kind === 'measure' && kpi.ragg && (k.status === 'red' || k.status === 'amber')) return k.explanation;
  return null;
}

function dashboardRow(k: KpiStatus, kpi: Kpi | undefined, workspace: Workspace, period: Period): DashboardRow {
  const style = styleOf(k);
  const year = kpi ? yearSoFar(kpi, workspace, period) : null;
  return {
    id: k.id,
    name: k.name,
    service: k.service,
    level: k.level,
    style,
    value: k.value,
    valueNote: k.cumulative ? 'year to date' : k.kind === 'measure' ? null : 'status from the owner',
    target: k.target,
    targetNote: k.targetKind ? TARGET_NOTE[k.targetKind] : null,
    status: k.status,
    explanation: k.explanation,
    reason: rowReason(k, kpi, period),
    quarters: year?.quarters ?? earlierQuarters(period).map(() => null),
    yearToDate: year?.yearToDate ?? null,
    // The whole year's target only where it differs from the target the outturn is judged on.
    yearTarget: year?.yearTarget === k.target ? null : (year?.yearTarget ?? null),
    trendPrevious: k.trend.previous,
    trendLastYear: k.trend.lastYear,
    previousValue: k.previousValue,
    lastYearValue: k.lastYearValue,
    spc: spcShort(k.spc, k.status),
    spcLong: spcLong(k.spc, k.status),
    benchmarkQuartile: k.benchmark?.quartile ?? null,
    benchmark: k.benchmark
      ? `Quartile ${k.benchmark.quartile} (${k.benchmark.group}${k.benchmark.n === undefined ? '' : `, n=${k.benchmark.n}`}, ${k.benchmark.year})`
      : null,
    confidence: CONFIDENCE[k.confidence],
    sparkline: sparklineFor(k, style),
    needsException: k.needsException,
  };
}

function baselineText(kpi: Kpi, style: FigureStyle): string {
  if (kpi.kind !== 'measure' || !kpi.baseline) return 'None recorded.';
  const b = kpi.baseline;
  if (b.value === null) return b.note ?? 'None yet.';
  return `${formatFigure(b.value, style)}${b.period ? ` (${b.period})` : ''}${b.note ? `: ${b.note}` : ''}`;
}

function benchmarkText(kpi: Kpi, k: KpiStatus, fy: number, style: FigureStyle): string {
  if (kpi.kind !== 'measure') return 'Not applicable.';
  const b = benchmarkFor(kpi.benchmarks, fy);
  if (!b) return kpi.benchmarks === undefined ? 'Not recorded.' : 'No suitable benchmark exists.';
  const where = k.benchmark ? `; this outturn is in quartile ${k.benchmark.quartile} (1 = best)` : '';
  return `${b.group} (${b.year}${b.n === undefined ? '' : `, n=${b.n}`}${b.method ? `, ${b.method}` : ''}): upper quartile ${formatFigure(b.upperQuartile, style)}, median ${formatFigure(b.median, style)}, lower quartile ${formatFigure(b.lowerQuartile, style)}${where}`;
}

function actionView(a: Action, asOf: string): ActionView {
  return { action: a.action, owner: a.owner, due: a.due, done: a.done ?? null, overdue: !a.done && a.due < asOf };
}

function chartFor(k: KpiStatus, style: FigureStyle): string {
  const flagged = new Map((k.spc?.flagged ?? []).map((p) => [p.periodName, p.specialCause]));
  const points = k.series.map((p) => ({ label: p.periodName, value: p.value, signal: flagged.get(p.periodName) ?? null }));
  const figures = points.filter((p) => p.value !== null).map((p) => `${p.label} ${formatFigure(p.value!, style)}`);
  const limits = k.spc
    ? `; mean ${formatFigure(k.spc.mean, style)}, process limits ${formatFigure(k.spc.lowerLimit, style)} to ${formatFigure(k.spc.upperLimit, style)}`
    : '';
  const target = k.target === null ? '' : `; target ${formatFigure(k.target, style)}`;
  // Recorded process changes inside the chart, and where the current limits start.
  const at = (name: string | null) => (name === null ? -1 : k.series.findIndex((p) => p.periodName === name));
  const changes = k.processChanges.filter((c) => at(c.periodName) >= 0).map((c) => ({ index: at(c.periodName), label: `${c.date}: ${c.change}` }));
  const changeText = changes.map((c) => `; process change ${c.label}`).join('');
  const linesFrom = k.spc ? Math.max(0, at(k.spc.segments.at(-1)!.from)) : 0;
  const signals = points
    .filter((p) => p.signal && p.value !== null)
    .map((p) => `${p.label} ${formatFigure(p.value!, style)} (${SIGNAL_SHAPE[p.signal!].words}, drawn as a ${SIGNAL_SHAPE[p.signal!].shape})`);
  const special = signals.length === 0 ? (k.spc ? '. No point shows special cause' : '') : `. Special-cause points: ${signals.join('; ')}`;
  return controlChart(
    {
      title: `${k.id} ${k.name}: recent figures`,
      description: `${figures.join(', ')}${target}${limits}${changeText}${special}.`,
      points,
      target: k.target,
      lines: k.spc ? { mean: k.spc.mean, upperLimit: k.spc.upperLimit, lowerLimit: k.spc.lowerLimit, from: linesFrom } : null,
      changes,
      unitLabel: unitTitle(style),
      decimals: style.decimals,
    },
    (v) => formatFigure(v, style),
  );
}

function exceptionView(k: KpiStatus, kpi: Kpi, committee: Committee, inputs: ReportInputs, asOf: string): ExceptionView {
  const style = styleOf(k);
  const priority = inputs.workspace.config.priorities.find((p) => p.id === kpi.priority);
  const aim = priority?.aims.find((a) => a.id === kpi.aim);
  const c = k.commentary;
  const gaps: string[] = [];
  if (!c?.overview) gaps.push(`no performance overview (${kpi.roles.owner})`);
  if (!c?.actions?.length) gaps.push(`no actions to improve (${kpi.roles.owner})`);
  return {
    row: dashboardRow(k, kpi, inputs.workspace, inputs.period),
    committee: committee.name,
    priority: priority?.name ?? kpi.priority,
    aim: aim?.name ?? null,
    definition: kpi.definition,
    formula: kpi.kind === 'measure' ? kpi.formula : null,
    baseline: baselineText(kpi, style),
    benchmark: benchmarkText(kpi, k, fyOf(inputs.period, inputs.workspace.config.financialYearStartMonth), style),
    overview: c?.overview ?? null,
    actions: (c?.actions ?? []).map((a) => actionView(a, asOf)),
    barriers: c?.barriers ?? null,
    likelyOutturn: c?.likelyOutturn ?? null,
    author: c?.author ?? null,
    chart: kpi.kind === 'measure' ? chartFor(k, style) : '',
    gaps,
  };
}

/** A grey with no figure at all: an annual measure before its year end, or a project with nothing due. */
const notYetReported = (k: KpiStatus): boolean => k.status === 'grey' && (k.outturnState === 'notDue' || (k.kind !== 'measure' && !k.commentary?.status));

export function counts(kpis: KpiStatus[]): Counts {
  const c = { ...summarise(kpis), total: kpis.length, greyNotReported: kpis.filter(notYetReported).length };
  return { ...c, rollup: rollupText(c) };
}

function improvementView(r: ImprovementResult): ImprovementView {
  const byId = new Map(r.kpis.map((k) => [k.id, k]));
  return {
    year: r.year,
    through: r.through,
    comparedWith: r.comparedWith,
    threshold: r.threshold,
    share: r.share,
    met: r.met,
    improved: r.improved,
    declined: r.declined,
    unchanged: r.unchanged,
    notComparable: r.notComparable,
    moreNeeded: r.moreNeeded,
    // The declines are what put the threshold at risk; the unchanged are counted, not listed,
    // since a long list of indicators steady at 100% buries the few that fell.
    atRisk: r.atRisk
      .map((id) => byId.get(id)!)
      .filter((k) => k.outcome === 'declined')
      .map((k) => ({ id: k.id, name: k.name, outcome: k.outcome, reason: k.reason })),
  };
}

/**
 * Actions agreed in this or earlier periods' commentary that are past due and not done. The
 * latest mention of an action (same KPI, same wording) says whether it is done, so marking it
 * done in a later quarter's file clears it; the period it was agreed in is its first mention.
 */
function overdueActions(workspace: Workspace, period: Period, kpiIds: Set<string>, asOf: string, names: Map<string, string>): OverdueAction[] {
  const startMonth = workspace.config.financialYearStartMonth;
  const end = periodEndDate(period, startMonth);
  const latest = new Map<string, OverdueAction>();
  const files = [...workspace.commentary.values()]
    .filter((f) => periodEndDate(f.period, startMonth) <= end)
    .sort((a, b) => (periodEndDate(a.period, startMonth) < periodEndDate(b.period, startMonth) ? -1 : 1));
  for (const f of files) {
    for (const [id, c] of Object.entries(f.commentary.kpis).sort(byEntryKey)) {
      if (!kpiIds.has(id)) continue;
      for (const a of c.actions ?? []) {
        const key = `${id}\u0000${a.action}`;
        // The latest mention says whether it is done; "agreed in" is where it first appeared.
        const from = latest.get(key)?.from ?? formatPeriod(f.period);
        latest.set(key, { ...actionView(a, asOf), kpi: { id, name: names.get(id) ?? id }, from });
      }
    }
  }
  return [...latest.values()].filter((a) => a.overdue).sort((a, b) => compareText(a.due, b.due) || compareText(a.kpi.id, b.kpi.id));
}

function notes(items: Array<{ kpi?: string | undefined; text: string }>, kpiIds: Set<string>, names: Map<string, string>): NoteView[] {
  // A note about another committee's KPI belongs to that paper; a general note goes in every one.
  return items.filter((n) => !n.kpi || kpiIds.has(n.kpi)).map((n) => ({ kpi: n.kpi ? { id: n.kpi, name: names.get(n.kpi) ?? n.kpi } : null, text: n.text }));
}

const ref = (k: { id: string; name: string }): KpiRef => ({ id: k.id, name: k.name });

export function paperFileNames(committeeId: string, ext: string): PaperView['files'] {
  return { paper: `${committeeId}.${ext}`, exceptions: `${committeeId}-exceptions.${ext}`, index: `index.${ext}` };
}

/** The view of one committee's paper and exception report. */
export function buildPaperView(inputs: ReportInputs, committee: Committee): PaperView {
  const { workspace, period, status } = inputs;
  const startMonth = workspace.config.financialYearStartMonth;
  const asOf = inputs.date ?? periodEndDate(period, startMonth);
  const kpisById = new Map(workspace.kpis.map((k) => [k.id, k]));
  const names = new Map(workspace.kpis.map((k) => [k.id, k.name]));
  const mine = status.kpis.filter((k) => k.committee === committee.id);
  const ids = new Set(mine.map((k) => k.id));
  const rows = new Map(mine.map((k) => [k.id, dashboardRow(k, kpisById.get(k.id), workspace, period)]));
  const groups: PriorityGroup[] = workspace.config.priorities
    .map((p) => {
      const inGroup = mine.filter((k) => k.priority === p.id);
      return { id: p.id, name: p.name, counts: counts(inGroup), rows: inGroup.map((k) => rows.get(k.id)!) };
    })
    .filter((g) => g.rows.length > 0);
  const commentaryFile = workspace.commentary.get(formatPeriod(period));
  const commentary = commentaryFile?.commentary;
  const committeeCounts = counts(mine);
  const covering = coveringView(
    committee,
    commentary?.committees[committee.id],
    formatPeriod(period),
    commentaryFile?.origin.file ?? `${workspace.config.paths.commentary}/${formatPeriod(period)}.yaml`,
  );
  const shortName = committee.shortName ?? committee.name;
  return {
    organisation: workspace.config.organisation,
    plan: workspace.config.plan,
    committee: { id: committee.id, name: committee.name, shortName: committee.shortName ?? committee.name },
    period: {
      name: formatPeriod(period),
      title: periodTitle(period, startMonth),
      previous: inputs.previous.period,
      lastYear: formatPeriod(samePeriodLastYear(period)),
    },
    draft: inputs.draft,
    date: inputs.date,
    counts: committeeCounts,
    covering,
    key: paperKey(
      workspace.config,
      workspace.kpis.filter((k) => ids.has(k.id)),
      [
        ...new Set(
          mine.flatMap((k) => (k.benchmark ? [`${k.benchmark.group} (${k.benchmark.n === undefined ? '' : `n=${k.benchmark.n}, `}${k.benchmark.year})`] : [])),
        ),
      ].sort(compareText),
    ),
    quarterColumns: earlierQuarters(period).map((q) => `Q${q.quarter}`),
    footer: `${covering.reference.text ?? 'No report reference given'} · ${shortName} · ${formatPeriod(period)}`,
    improvement: improvementView(inputs.improvement),
    committeeImprovement: improvementView(improvementForCommittee(inputs.improvement, committee.id)),
    changes: {
      newReds: inputs.changes.newReds.filter((c) => c.committee === committee.id).map(ref),
      recoveries: inputs.changes.recoveries.filter((c) => c.committee === committee.id).map(ref),
    },
    groups,
    exceptions: mine.filter((k) => k.needsException).map((k) => exceptionView(k, kpisById.get(k.id)!, committee, inputs, asOf)),
    achievements: notes(commentary?.achievements ?? [], ids, names),
    forwardLook: notes(commentary?.forwardLook ?? [], ids, names),
    overdueActions: overdueActions(workspace, period, ids, asOf, names),
    gaps: inputs.gaps.filter((g) => ids.has(g.kpi.id)),
    files: paperFileNames(committee.id, 'html'),
  };
}

export function buildIndexView(inputs: ReportInputs, papers: PaperView[]): IndexView {
  const first = papers[0];
  const startMonth = inputs.workspace.config.financialYearStartMonth;
  return {
    organisation: inputs.workspace.config.organisation,
    period: first?.period ?? {
      name: formatPeriod(inputs.period),
      title: periodTitle(inputs.period, startMonth),
      previous: inputs.previous.period,
      lastYear: formatPeriod(samePeriodLastYear(inputs.period)),
    },
    draft: inputs.draft,
    date: inputs.date,
    counts: counts(inputs.status.kpis.filter((k) => papers.some((p) => p.committee.id === k.committee))),
    improvement: improvementView(inputs.improvement),
    footer: `${inputs.workspace.config.organisation} · performance reports · ${formatPeriod(inputs.period)}`,
    committees: papers.map((p) => ({
      name: p.committee.name,
      counts: p.counts,
      paper: p.files.paper,
      exceptions: p.files.exceptions,
      exceptionCount: p.exceptions.length,
      gapCount: p.gaps.length,
    })),
  };
}
