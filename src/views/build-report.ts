import { computeDue, ROLE_WORDS } from '../core/due.js';
import { computeImprovement } from '../core/improvement.js';
import { fyOf, periodEndDate, previousPeriod, type Period } from '../model/periods.js';
import { compareStatuses, computeStatus, statusesAt } from '../core/status.js';
import type { IsHoliday } from '../core/working-days.js';
import type { Workspace } from '../model/workspace.js';
import { buildIndexView, buildPaperView, type ReportInputs } from './paper-view.js';
import type { Gap, IndexView, PaperView } from './view-types.js';

export interface ReportOptions {
  committee?: string;
  draft: boolean;
  /** Printed on the papers; also the day the gaps and overdue actions are judged on. */
  date: string | null;
  isHoliday: IsHoliday;
}

export interface ReportViews {
  papers: PaperView[];
  index: IndexView;
  /** Everything that makes the papers incomplete, across the committees reported. */
  gaps: Gap[];
}

/**
 * The views of every paper for `period`, from the workspace alone: no files, no clock. Without
 * a date the papers are judged as at the period's end, so the same inputs always give the same
 * papers; gaps are then anything still owed, whatever its deadline.
 */
export function buildReport(workspace: Workspace, period: Period, options: ReportOptions): ReportViews {
  const startMonth = workspace.config.financialYearStartMonth;
  const fy = fyOf(period, startMonth);
  const committees = workspace.config.committees.filter((c) => options.committee === undefined || c.id === options.committee);
  const asOf = options.date ?? periodEndDate(period, startMonth);
  const due = computeDue(workspace, period, asOf, options.isHoliday);
  const gaps: Gap[] = due.kpis.flatMap((k) =>
    k.problems.map((p) => ({
      kpi: { id: k.id, name: k.name },
      problem: p.message,
      who: `${p.holder} (${ROLE_WORDS[p.who]})`,
      commentary: p.code === 'commentaryMissing' || p.code === 'statusMissing' || p.code === 'statusDue',
      signOff: p.code === 'signOffMissing',
    })),
  );
  const status = computeStatus(workspace, period);
  const previous = statusesAt(workspace, previousPeriod(period));
  const improvement = computeImprovement(workspace, fy, period);
  const inputs: ReportInputs = {
    workspace,
    period,
    status,
    previous,
    changes: compareStatuses(previous, status),
    improvement,
    gaps,
    draft: options.draft,
    date: options.date,
  };
  const papers = committees.map((c) => buildPaperView(inputs, c));
  const reported = new Set(committees.map((c) => c.id));
  const committeeOf = new Map(due.kpis.map((k) => [k.id, k.committee]));
  return { papers, index: buildIndexView(inputs, papers), gaps: gaps.filter((g) => reported.has(committeeOf.get(g.kpi.id)!)) };
}
