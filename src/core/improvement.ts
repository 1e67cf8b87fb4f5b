import type { Measure } from '../model/kpi.js';
import type { Observation, Workspace } from '../model/workspace.js';
import { formatFigure, roundTo, tidy } from './figures.js';
import { latestQuarterWithData } from './period-query.js';
import { fyOf, formatPeriod, monthsOf, periodEndDate, samePeriodLastYear, type Period } from '../model/periods.js';
import { measureAt } from './measure-at.js';
import { directionOfTravel } from './trend.js';
import { observationsOf } from './observations.js';
import { forecastYearEnd } from './forecast.js';
import { byId, byText } from '../text/compare.js';

/**
 * The 70% check (seed 001): year on year, performance must improve on at least a threshold
 * share of indicators. Like is compared with like: this year's year to date through `through`
 * against the same months a year earlier, which at Q4 is the full year against the full year.
 */

export type ImprovementOutcome = 'improved' | 'declined' | 'unchanged' | 'notComparable';

export interface ImprovementKpi {
  id: string;
  /** Year-to-date outturns as printed (rounded to the KPI's decimal places). */
  current: number | null;
  previous: number | null;
  outcome: ImprovementOutcome;
  name: string;
  committee: string;
  /** Why the outcome, in a sentence for reports. */
  reason: string;
  /** At its best possible value in both years (a ceiling or floor): maintained, never a risk. */
  atBest: boolean;
  /** Not applicable in either year: left out of the share and counted apart. */
  notApplicable: boolean;
  /** How the figures print: the KPI's unit, unit label and decimal places. */
  unit: Measure['unit'];
  unitLabel: string | null;
  decimals: number;
  /** The likely full-year outturn against last year's (core/forecast.ts); null when it cannot be projected. */
  yearEnd: YearEndOutlook | null;
}

/** What the year-end forecast says about the year-on-year comparison. */
export interface YearEndOutlook {
  outturn: number;
  low: number;
  high: number;
  previousYear: number | null;
  /** The chance the full year ends worse than last year. */
  probabilityOfDecline: number | null;
}

export interface ImprovementResult {
  year: string;
  through: string;
  threshold: number;
  improved: number;
  declined: number;
  unchanged: number;
  notComparable: number;
  share: number;
  met: boolean;
  moreNeeded: number;
  kpis: ImprovementKpi[];
  /** The period the year to date is compared with, e.g. 2024-25-Q3. */
  comparedWith: string;
  /** What puts the threshold at risk: declined, then unchanged KPI ids (never one at its best value). */
  atRisk: string[];
  /** KPIs whose full year is more likely than not to end worse than last year, by id. */
  likelyToDecline: string[];
  /** Of the not comparable, those not applicable in either year (counted apart). */
  notApplicable: number;
}

/** A change to one of these means the two years measure different things. */
const COMPARABILITY_FIELDS = new Set(['definition', 'formula', 'unit', 'aggregation', 'polarity']);

function firstDate(p: Period, startMonth: number): string {
  const m = monthsOf(p, startMonth)[0]!;
  return `${m.year}-${String(m.month).padStart(2, '0')}-01`;
}

interface ComparisonWindow {
  through: Period;
  previous: Period;
  /** A change dated after `from` and on or before `to` falls between the two figures. */
  from: string;
  to: string;
}

/**
 * The best value a KPI's figure can take, if it has one: its declared `best`; else 100 for a
 * higher-is-better percentage (unless its declared range passes 100, as a collection rate's
 * may), 0 for a lower-is-better count, number of days or percentage. A KPI there in both years
 * cannot improve.
 */
export function bestValue(kpi: Pick<Measure, 'best' | 'polarity' | 'unit' | 'range'>): number | null {
  if (kpi.best !== undefined) return kpi.best;
  if (kpi.polarity === 'higher' && kpi.unit === 'percentage' && (kpi.range?.max ?? 100) === 100) return 100;
  if (kpi.polarity === 'lower' && (kpi.unit === 'number' || kpi.unit === 'days' || kpi.unit === 'percentage') && (kpi.range?.min ?? 0) === 0) return 0;
  return null;
}

type Classified = Pick<ImprovementKpi, 'current' | 'previous' | 'outcome' | 'reason' | 'atBest' | 'notApplicable'>;

function classify(kpi: Measure, observations: Observation[], window: ComparisonWindow, workspace: Workspace): Classified {
  const cur = measureAt(kpi, observations, window.through, workspace, { yearToDate: true });
  const prev = measureAt(kpi, observations, window.previous, workspace, { yearToDate: true });
  const current = cur.outturn.value === null ? null : roundTo(cur.outturn.value, kpi.decimals);
  const previous = prev.outturn.value === null ? null : roundTo(prev.outturn.value, kpi.decimals);
  const outcome = (o: ImprovementOutcome, reason: string, extra: Partial<Classified> = {}): Classified => ({
    current,
    previous,
    outcome: o,
    reason,
    atBest: false,
    notApplicable: false,
    ...extra,
  });
  const notComparable = (reason: string) => outcome('notComparable', reason);

  if (kpi.polarity === 'neutral') return notComparable('no polarity: neither a higher nor a lower figure is better');
  for (const [m, when] of [
    [cur, 'this year'],
    [prev, 'the same months last year'],
  ] as const) {
    if (m.outturn.state === 'notApplicable') return outcome('notComparable', `not applicable ${when}: ${m.outturn.reason}`, { notApplicable: true });
  }
  const change = kpi.changes
    .filter((c) => c.date > window.from && c.date <= window.to && c.fields.some((f) => COMPARABILITY_FIELDS.has(f)))
    .sort(byText((c) => c.date))[0];
  if (change) {
    const fields = change.fields.filter((f) => COMPARABILITY_FIELDS.has(f)).join(', ');
    return notComparable(`the ${fields} changed on ${change.date} (${change.approver}), between the two figures`);
  }
  if (current === null) return notComparable(`no figure this year: ${cur.outturn.reason}`);
  if (previous === null) return notComparable(`no figure for the same months last year: ${prev.outturn.reason}`);

  const versus = `${formatFigure(current, kpi)} against ${formatFigure(previous, kpi)}`;
  const direction = directionOfTravel(current, previous, kpi);
  if (direction === 'improving') return outcome('improved', `improved: ${versus}`);
  if (direction === 'declining') return outcome('declined', `declined: ${versus}`);
  const counts = workspace.config.improvement.maintainedAtTargetCountsAsImproved;
  const best = bestValue(kpi);
  if (best !== null && current === roundTo(best, kpi.decimals)) {
    const at = `at its best possible value (${formatFigure(current, kpi)}) in both years, so it cannot improve: maintained`;
    return counts
      ? outcome('improved', `${at}, which counts as improved`, { atBest: true })
      : outcome('unchanged', `${at}, not a risk to the threshold`, { atBest: true });
  }
  if (counts && cur.status === 'green' && prev.status === 'green') {
    return outcome('improved', `maintained at ${formatFigure(current, kpi)}, at or better than target in both years: counts as improved`);
  }
  return outcome('unchanged', `unchanged: ${versus}`);
}

/** The year-end forecast's view of the comparison with last year's full year. */
function outlook(kpi: Measure, observations: Observation[], through: Period, workspace: Workspace): YearEndOutlook | null {
  const { forecast } = forecastYearEnd(kpi, observations, through, workspace);
  if (!forecast) return null;
  const { outturn, low, high, previousYear, probabilityOfDecline } = forecast;
  return { outturn, low, high, previousYear, probabilityOfDecline };
}

/**
 * How many more comparable indicators must improve to reach the threshold. The share is
 * compared in whole indicators, and the product tidied first: 0.28 x 25 is 7.000000000000001 in
 * binary, and ceil would ask for 8 where 7 of 25 is exactly 28%. With nothing comparable yet, one improved indicator would
 * make the share 100%.
 */
function improvementsNeeded(improved: number, comparable: number, threshold: number): number {
  if (comparable === 0) return threshold > 0 ? 1 : 0;
  return Math.max(0, Math.ceil(tidy(threshold * comparable)) - improved);
}

/**
 * The check for financial year `fy` through `through` (default: the latest quarter of `fy` with
 * any figure; with none yet, the year end). Covers measures that are not trackers, optionally of
 * one committee, ordered by id.
 */
export function computeImprovement(workspace: Workspace, fy: number, through?: Period, options: { committee?: string } = {}): ImprovementResult {
  const startMonth = workspace.config.financialYearStartMonth;
  const until: Period = through ?? latestQuarterWithData(workspace, fy) ?? { kind: 'quarter', fy, quarter: 4 };
  if (fyOf(until, startMonth) !== fy) {
    throw new RangeError(`${formatPeriod(until)} is not in ${formatPeriod({ kind: 'year', fy })}: the check runs through a period of the year it checks`);
  }
  const previous = samePeriodLastYear(until);
  const window: ComparisonWindow = {
    through: until,
    previous,
    from: firstDate({ kind: 'year', fy: fy - 1 }, startMonth),
    to: periodEndDate(until, startMonth),
  };

  const all: ImprovementKpi[] = workspace.kpis
    .filter((k): k is Measure => k.kind === 'measure' && k.level !== 'tracker')
    .sort(byId)
    .map((k) => {
      const observations = observationsOf(workspace, k.id);
      return {
        id: k.id,
        ...classify(k, observations, window, workspace),
        name: k.name,
        committee: k.committee,
        unit: k.unit,
        unitLabel: k.unitLabel ?? null,
        decimals: k.decimals,
        yearEnd: outlook(k, observations, until, workspace),
      };
    });
  const whole = tally(all, {
    year: formatPeriod({ kind: 'year', fy }),
    through: formatPeriod(until),
    comparedWith: formatPeriod(previous),
    threshold: workspace.config.improvement.threshold,
  });
  return options.committee === undefined ? whole : improvementForCommittee(whole, options.committee);
}

/**
 * The check for one committee's measures, from the council-wide one: a measure's outcome does
 * not depend on who scrutinises it, so only the counts are worked out again.
 */
export function improvementForCommittee(whole: ImprovementResult, committee: string): ImprovementResult {
  return tally(
    whole.kpis.filter((k) => k.committee === committee),
    whole,
  );
}

function tally(kpis: ImprovementKpi[], check: Pick<ImprovementResult, 'year' | 'through' | 'comparedWith' | 'threshold'>): ImprovementResult {
  const count = (outcome: ImprovementOutcome) => kpis.filter((k) => k.outcome === outcome).length;
  const improved = count('improved');
  const comparable = kpis.length - count('notComparable');
  const threshold = check.threshold;
  const share = comparable === 0 ? 0 : tidy(improved / comparable);
  const moreNeeded = improvementsNeeded(improved, comparable, threshold);
  return {
    year: check.year,
    through: check.through,
    threshold,
    improved,
    declined: count('declined'),
    unchanged: count('unchanged'),
    notComparable: count('notComparable'),
    share,
    // The same as share >= threshold, decided in whole indicators.
    met: moreNeeded === 0,
    moreNeeded,
    kpis,
    comparedWith: check.comparedWith,
    atRisk: [...kpis.filter((k) => k.outcome === 'declined'), ...kpis.filter((k) => k.outcome === 'unchanged' && !k.atBest)].map((k) => k.id),
    // Not comparable this year (a changed definition, no polarity) is not a decline to come either.
    likelyToDecline: kpis.filter((k) => k.outcome !== 'notComparable' && (k.yearEnd?.probabilityOfDecline ?? 0) > 0.5).map((k) => k.id),
    notApplicable: kpis.filter((k) => k.notApplicable).length,
  };
}
