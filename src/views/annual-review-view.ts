import { computeImprovement, type ImprovementKpi } from '../core/improvement.js';
import { latestQuarterWithData } from '../core/period-query.js';
import type { Status } from '../core/ragg.js';
import { computeStatus, summarise, type KpiStatus } from '../core/status.js';
import { targetFor } from '../core/targets.js';
import { fyName, fyOf, formatPeriod, periodEndKey, type Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';
import { byId } from '../text/compare.js';
import { figureText, percentText, statusText, styleOf } from './labels.js';
import { periodTitle } from './paper-view.js';

/**
 * The annual strategic review (seed 002 §4.5) as plain data: for members, residents, staff and
 * partners, mirroring the Council Plan. The year's outturns against the annual targets by
 * priority, the 70% result, the achievements and case studies recorded in the year's
 * commentary, what improved and what did not, and next year's targets where set.
 *
 * Before the year is complete the review is of the year so far: figures and statuses are those
 * of the latest quarter with figures (year to date where the KPI is cumulative), beside the
 * annual target, and the review says so at the top. Every string is ready to print.
 */

export interface AnnualReviewOptions {
  /** The date printed on the review; none when null. */
  date: string | null;
  draft: boolean;
}

export interface ReviewRow {
  id: string;
  name: string;
  status: Status;
  statusLabel: string;
  value: string;
  target: string;
  annualTarget: string;
  explanation: string;
}

export interface ReviewOutcome {
  id: string;
  name: string;
  reason: string;
}

export interface AnnualReviewView {
  organisation: string;
  year: string;
  title: string;
  periodTitle: string;
  date: string | null;
  draft: boolean;
  /** True when the year's last quarter has figures: the review is of the whole year. */
  complete: boolean;
  through: string;
  /** What the figures are, in a sentence: the full year, or the year to date through a quarter. */
  basis: string;
  total: number;
  counts: Array<{ status: Status; label: string; count: number }>;
  onTarget: number;
  offTarget: number;
  notApplicable: number;
  /** Apart, so a grey (no target, or no figure yet) is never read as met. */
  green: number;
  amber: number;
  grey: number;
  improvement: {
    share: string;
    threshold: string;
    met: boolean;
    improved: number;
    declined: number;
    unchanged: number;
    notComparable: number;
    comparable: number;
    moreNeeded: number;
    through: string;
    comparedWith: string;
  };
  priorities: Array<{ id: string; name: string; rows: ReviewRow[] }>;
  improved: ReviewOutcome[];
  declined: ReviewOutcome[];
  achievements: Array<{ period: string; kpi: string | null; text: string }>;
  caseStudies: Array<{ period: string; title: string; kpi: string | null; text: string }>;
  nextYear: { year: string; rows: Array<{ id: string; name: string; thisYear: string; nextYear: string }> };
}

/** The quarter the review's figures are taken from: the year's latest with figures, or null when none. */
export function reviewThrough(workspace: Workspace, fy: number): (Period & { kind: 'quarter' }) | null {
  return latestQuarterWithData(workspace, fy);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function buildAnnualReview(workspace: Workspace, fy: number, through: Period & { kind: 'quarter' }, options: AnnualReviewOptions): AnnualReviewView {
  const startMonth = workspace.config.financialYearStartMonth;
  const year: Period = { kind: 'year', fy };
  const complete = through.quarter === 4;
  // Like the site, the review is public: committee-level KPIs only.
  const kpis = computeStatus(workspace, complete ? year : through).kpis.filter((k) => k.level === 'kpi');
  const entries = new Map(workspace.kpis.map((e) => [e.id, e]));
  const annualTarget = (k: KpiStatus, fyOf: number): number | null => {
    const e = entries.get(k.id);
    if (e === undefined || e.kind !== 'measure') return null;
    const t = targetFor(e, { kind: 'year', fy: fyOf }, startMonth);
    return t.kind === 'set' ? t.value : null;
  };
  const row = (k: KpiStatus): ReviewRow => {
    const style = styleOf(k);
    return {
      id: k.id,
      name: k.name,
      status: k.status,
      statusLabel: statusText(k.status),
      value: k.status === 'na' ? 'N/A' : figureText(k.value, style),
      target: figureText(k.target, style),
      annualTarget: figureText(annualTarget(k, fy), style),
      explanation: capitalised(k.explanation),
    };
  };
  const summary = summarise(kpis);
  const improvement = computeImprovement(workspace, fy, through);
  const published = new Set(kpis.map((k) => k.id));
  const names = new Map(workspace.kpis.map((e) => [e.id, e.name]));
  // The figures side by side, as a resident would read them: this year's, then last year's.
  const outcome = (k: ImprovementKpi): ReviewOutcome => {
    const style = { unit: k.unit, decimals: k.decimals, ...(k.unitLabel === null ? {} : { unitLabel: k.unitLabel }) };
    return { id: k.id, name: k.name, reason: `${figureText(k.current, style)}, against ${figureText(k.previous, style)} a year earlier` };
  };
  const ofYear = [...workspace.commentary.values()]
    .filter((c) => c.period.kind !== 'year' && periodEndKey(c.period, startMonth) <= periodEndKey(through, startMonth) && fyOf(c.period, startMonth) === fy)
    .sort((a, b) => periodEndKey(a.period, startMonth) - periodEndKey(b.period, startMonth));
  const comparable = improvement.improved + improvement.declined + improvement.unchanged;
  return {
    organisation: workspace.config.organisation,
    year: fyName(fy),
    title: `Annual strategic review ${fyName(fy)}`,
    periodTitle: periodTitle(year, startMonth),
    date: options.date,
    draft: options.draft,
    complete,
    through: formatPeriod(through),
    basis: complete
      ? `The figures are for the whole of ${fyName(fy)}, against each indicator's annual target.`
      : `The final (Q4) figures for the year are not in yet: the figures shown are the latest, for ${formatPeriod(through)} (the year to date where an indicator counts that way), each with its target for that period and the target for the whole year.`,
    total: kpis.length,
    counts: (['red', 'amber', 'green', 'grey', 'missing', 'na'] as const).map((status) => ({ status, label: statusText(status), count: summary[status] })),
    onTarget: summary.onTarget,
    offTarget: summary.offTarget,
    notApplicable: summary.na,
    green: summary.green,
    amber: summary.amber,
    grey: summary.grey,
    improvement: {
      share: percentText(improvement.share),
      threshold: percentText(improvement.threshold),
      met: improvement.met,
      improved: improvement.improved,
      declined: improvement.declined,
      unchanged: improvement.unchanged,
      notComparable: improvement.notComparable,
      comparable,
      moreNeeded: improvement.moreNeeded,
      through: improvement.through,
      comparedWith: improvement.comparedWith,
    },
    priorities: workspace.config.priorities
      .map((p) => ({ id: p.id, name: p.name, rows: kpis.filter((k) => k.priority === p.id).map(row) }))
      .filter((p) => p.rows.length > 0),
    improved: improvement.kpis.filter((k) => k.outcome === 'improved' && published.has(k.id)).map(outcome),
    declined: improvement.kpis.filter((k) => k.outcome === 'declined' && published.has(k.id)).map(outcome),
    achievements: ofYear.flatMap((c) =>
      c.commentary.achievements.map((n) => ({ period: formatPeriod(c.period), kpi: n.kpi === undefined ? null : (names.get(n.kpi) ?? n.kpi), text: n.text })),
    ),
    caseStudies: ofYear.flatMap((c) =>
      c.commentary.caseStudies.map((s) => ({
        period: formatPeriod(c.period),
        title: s.title,
        kpi: s.kpi === undefined ? null : (names.get(s.kpi) ?? s.kpi),
        text: s.text,
      })),
    ),
    nextYear: {
      year: fyName(fy + 1),
      rows: [...kpis].sort(byId).flatMap((k) => {
        const next = annualTarget(k, fy + 1);
        if (next === null) return [];
        const style = styleOf(k);
        return [{ id: k.id, name: k.name, thisYear: figureText(annualTarget(k, fy), style), nextYear: figureText(next, style) }];
      }),
    },
  };
}
