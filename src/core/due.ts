/**
 * What holds up a period's report (004 §9, §11): missing data, missing reviewer sign-off and
 * missing exception commentary, each with the role that must act and by when.
 *
 * - A figure is due `reportingLagDays` working days after the end of the period it describes.
 *   A KPI's `deadline` is the reported period's; a missing figure for an earlier month of the
 *   period (October, at Q3) is judged by its own month's deadline, so it shows as overdue
 *   before the quarter's figures are due. The deadline day itself is still in time.
 * - A figure returned as n/a is missing data, as status treats it: the collector still owes it.
 * - Sign-off is owed on every row the outturn is read from (rollup's `from`).
 * - Exception commentary (an overview and at least one action) is owed by the head of service
 *   for a measure whose status is one of `config.ragg.exceptionsFor`; a project's or narrative
 *   indicator's status is owed by its owner, who gives it (DOMAIN.md).
 * - A KPI's state is its most urgent problem's; `complete` with none; `notDue` when it does not
 *   report at this period (an annual KPI at Q3).
 */
import type { KpiCommentary } from '../model/commentary.js';
import type { Kpi, Measure, Qualitative } from '../model/kpi.js';
import type { Observation, Workspace } from '../model/workspace.js';
import { formatPeriod, parsePeriod, periodEndDate, type Period } from '../model/periods.js';
import { needsException } from './ragg.js';
import { measureAt } from './measure-at.js';
import { byId } from '../text/compare.js';
import { ownPeriodsIn } from './spans.js';
import { addWorkingDays, type IsHoliday } from './working-days.js';
import { observationsByPeriod, observationsOf } from './observations.js';

/** Most urgent first: the order that picks a KPI's state from its problems. */
export const DUE_STATES = ['overdue', 'awaitingSignOff', 'needsCommentary', 'dueLater', 'complete', 'notDue'] as const;
export type DueState = (typeof DUE_STATES)[number];

export type DueRole = 'collector' | 'reviewer' | 'headOfService' | 'owner';

export type DueProblemCode = 'dataDue' | 'dataOverdue' | 'signOffMissing' | 'commentaryMissing' | 'statusDue' | 'statusMissing';

const STATE_OF: Record<DueProblemCode, DueState> = {
  dataOverdue: 'overdue',
  signOffMissing: 'awaitingSignOff',
  commentaryMissing: 'needsCommentary',
  statusMissing: 'needsCommentary',
  dataDue: 'dueLater',
  statusDue: 'dueLater',
};

/** Each role in words, as papers and messages name it. */
export const ROLE_WORDS: Record<DueRole, string> = {
  collector: 'data collector',
  reviewer: 'data reviewer',
  headOfService: 'head of service',
  owner: 'owner',
};

export interface DueProblem {
  code: DueProblemCode;
  message: string;
  /** The role that must act. */
  who: DueRole;
  /** Who holds that role for this KPI, as the dictionary names them. */
  holder: string;
}

export interface KpiDue {
  id: string;
  name: string;
  committee: string;
  /** When the period's figure (or a project's status) is due; null when nothing is due. */
  deadline: string | null;
  state: DueState;
  problems: DueProblem[];
}

export interface DueReport {
  period: string;
  today: string;
  kpis: KpiDue[];
  summary: Record<DueState, number>;
}

interface Context {
  period: Period;
  periodName: string;
  today: string;
  startMonth: number;
  isHoliday: IsHoliday;
  workspace: Workspace;
}

/** When a KPI's figure for `p` is due: its reporting lag in working days after the period ends. */
export function deadlineFor(kpi: Pick<Kpi, 'reportingLagDays'>, p: Period, startMonth: number, isHoliday: IsHoliday): string {
  return addWorkingDays(periodEndDate(p, startMonth), kpi.reportingLagDays, isHoliday);
}

const deadlineOf = (kpi: Kpi, p: Period, ctx: Context): string => deadlineFor(kpi, p, ctx.startMonth, ctx.isHoliday);

function problem(kpi: Kpi, code: DueProblemCode, who: DueRole, message: string): DueProblem {
  return { code, message, who, holder: kpi.roles[who] };
}

/** One problem per missing figure, each judged by its own period's deadline. */
function dataProblems(kpi: Measure, rows: Map<string, Observation>, missing: string[], reason: string, deadline: string, ctx: Context): DueProblem[] {
  const by = (due: string) => (ctx.today > due ? `was due from the ${ROLE_WORDS.collector} by ${due}` : `is due from the ${ROLE_WORDS.collector} by ${due}`);
  const code = (due: string): DueProblemCode => (ctx.today > due ? 'dataOverdue' : 'dataDue');
  // No single period is missing when the figures are there but cannot make one (denominators totalling 0).
  if (missing.length === 0) return [problem(kpi, code(deadline), 'collector', `${reason}: a usable figure ${by(deadline)}`)];
  return missing.map((name) => {
    const parsed = parsePeriod(name);
    if (!parsed.ok) throw new Error(`rollup named a period it cannot parse: ${name}`);
    const due = deadlineOf(kpi, parsed.value, ctx);
    const row = rows.get(name);
    const what =
      row === undefined
        ? `no figure for ${name}`
        : row.value === null
          ? `${name} was returned as n/a, which counts as missing data`
          : `${name} has no numerator and denominator, which a ratio needs to roll up`;
    return problem(kpi, code(due), 'collector', `${what}: the figure ${by(due)}`);
  });
}

function missingCommentary(commentary: KpiCommentary | undefined): string[] {
  const lacking: string[] = [];
  if (!commentary?.overview) lacking.push('a performance overview');
  if (!commentary?.actions?.length) lacking.push('actions to improve');
  return lacking;
}

function measureProblems(kpi: Measure, observations: Observation[], ctx: Context, commentary: KpiCommentary | undefined): DueProblem[] | null {
  const { outturn, status, unsigned } = measureAt(kpi, observations, ctx.period, ctx.workspace);
  if (outturn.state === 'notDue') return null;
  // Not applicable holds nothing up: no figure, sign-off or commentary is owed.
  if (outturn.state === 'notApplicable') return [];
  const rows = observationsByPeriod(observations);
  const problems: DueProblem[] = [];
  if (outturn.value === null) {
    problems.push(...dataProblems(kpi, rows, outturn.missing, outturn.reason ?? 'no figure', deadlineOf(kpi, ctx.period, ctx), ctx));
  }
  if (unsigned.length > 0) {
    problems.push(problem(kpi, 'signOffMissing', 'reviewer', `the figure for ${unsigned.join(', ')} awaits sign-off by the ${ROLE_WORDS.reviewer}`));
  }
  if (outturn.value !== null) {
    const lacking = missingCommentary(commentary);
    if (needsException(status, ctx.workspace.config.ragg) && lacking.length > 0) {
      problems.push(
        problem(
          kpi,
          'commentaryMissing',
          'headOfService',
          `a ${status} status needs an exception report: the ${ctx.periodName} commentary lacks ${lacking.join(' and ')}`,
        ),
      );
    }
  }
  return problems;
}

function qualitativeProblems(kpi: Qualitative, ctx: Context, commentary: KpiCommentary | undefined): DueProblem[] | null {
  const due = ownPeriodsIn(kpi.frequency, ctx.period, ctx.startMonth).length > 0;
  if (!due) return null;
  if (commentary?.status) return [];
  const deadline = deadlineOf(kpi, ctx.period, ctx);
  return ctx.today > deadline
    ? [problem(kpi, 'statusMissing', 'owner', `no status in the ${ctx.periodName} commentary: it was due from the ${ROLE_WORDS.owner} by ${deadline}`)]
    : [problem(kpi, 'statusDue', 'owner', `no status in the ${ctx.periodName} commentary yet: it is due from the ${ROLE_WORDS.owner} by ${deadline}`)];
}

function kpiDue(kpi: Kpi, observations: Observation[], ctx: Context, commentary: KpiCommentary | undefined): KpiDue {
  const problems = kpi.kind === 'measure' ? measureProblems(kpi, observations, ctx, commentary) : qualitativeProblems(kpi, ctx, commentary);
  const head = { id: kpi.id, name: kpi.name, committee: kpi.committee };
  if (problems === null) return { ...head, deadline: null, state: 'notDue', problems: [] };
  const states = new Set(problems.map((p) => STATE_OF[p.code]));
  return {
    ...head,
    deadline: deadlineOf(kpi, ctx.period, ctx),
    state: DUE_STATES.find((s) => states.has(s)) ?? 'complete',
    problems,
  };
}

/**
 * Every KPI's deadline and what it still owes for `period` as of `today` (`YYYY-MM-DD`),
 * optionally one committee's, ordered by id, with a count per state.
 */
export function computeDue(workspace: Workspace, period: Period, today: string, isHoliday: IsHoliday, options: { committee?: string } = {}): DueReport {
  const periodName = formatPeriod(period);
  const ctx: Context = { period, periodName, today, startMonth: workspace.config.financialYearStartMonth, isHoliday, workspace };
  const commentary = workspace.commentary.get(periodName)?.commentary.kpis ?? {};
  const kpis = workspace.kpis
    .filter((k) => options.committee === undefined || k.committee === options.committee)
    .sort(byId)
    .map((k) => kpiDue(k, observationsOf(workspace, k.id), ctx, commentary[k.id]));
  const summary = Object.fromEntries(DUE_STATES.map((s) => [s, kpis.filter((k) => k.state === s).length])) as Record<DueState, number>;
  return { period: periodName, today, kpis, summary };
}
