import type { KpiCommentary } from '../model/commentary.js';
import type { Config } from '../model/config.js';
import type { Kpi, Measure, Qualitative } from '../model/kpi.js';
import type { Observation, Workspace } from '../model/workspace.js';
import { benchmarkQuartile, type BenchmarkPosition } from './benchmark.js';
import { roundTo } from './figures.js';
import { formatPeriod, fyOf, parsePeriod, PERIOD_KIND_OF_FREQUENCY, previousPeriod, samePeriodLastYear, type Period } from '../model/periods.js';
import { needsException, onTarget, qualitativeStatus, type Status } from './ragg.js';
import { measureAt } from './measure-at.js';
import { outturnFor, seriesTo, type Outturn, type SeriesPoint } from './rollup.js';
import {
  spc,
  type Assurance,
  type AssuranceBasis,
  type AssuranceIcon,
  type SpcPoint,
  type SpcSegment,
  type SpcSettings,
  type Variation,
  type VariationIcon,
} from './spc.js';
import { forecastYearEnd, type ForecastAbsence, type YearEndForecast } from './forecast.js';
import { placeChanges, rebaseIndexes, type PlacedChange } from './process-changes.js';
import { MONTHS_IN, ownPeriodsIn, periodOfKindEndingWith } from './spans.js';
import { targetFor, type TargetResult } from './targets.js';
import { directionOfTravel, type Direction } from './trend.js';
import { observationsOf } from './observations.js';
import { byId } from '../text/compare.js';

/** How many of a KPI's own periods a sparkline shows: a year of months and the month a year ago. */
export const SERIES_LENGTH = 13;

export interface StatusTrend {
  previous: Direction | null;
  lastYear: Direction | null;
}

/** The statistical process control reading of a KPI's own series (NHS "Making Data Count"). */
export interface StatusSpc {
  variation: Variation;
  assurance: Assurance | null;
  mean: number;
  upperLimit: number;
  lowerLimit: number;
  /** The points of the recent series (the last SERIES_LENGTH) a special-cause rule flags, oldest first. */
  flagged: SpcPoint[];
  /** Added with process changes: the full reading (spc.ts says how each part follows the reference). */
  meanMovingRange: number;
  upperTwoSigma: number;
  lowerTwoSigma: number;
  /** The current segment has fewer points than minimumPoints: its limits are trial limits. */
  trial: boolean;
  /** Making Data Count's icons, by the names NHSRplotthedots gives their files. */
  variationIcon: VariationIcon;
  assuranceIcon: AssuranceIcon | null;
  /** What assurance was judged on: the current process, or the points since a special-cause run began. */
  assuranceBasis: AssuranceBasis | null;
  /** Every point of the series with its flags, rules and segment, oldest first. */
  points: SpcPoint[];
  /** One per segment, oldest first; a rebasing process change starts a new one. */
  segments: Array<SpcSegment & { startedBy: PlacedChange | null }>;
  /** The settings the reading used: the workspace's, with the KPI's own over them. */
  settings: Required<SpcSettings>;
}

/** Why a KPI has no SPC reading. */
export interface SpcAbsence {
  reason: 'notMeasure' | 'cumulative' | 'noData' | 'tooFewPoints' | 'tooFewSinceChange';
  message: string;
}

/**
 * One KPI's line in `prf status`. The fields down to `trend` are the JSON contract (DOMAIN.md);
 * the rest are for reports. Measure-only fields are null for projects and narratives.
 */
export interface KpiStatus {
  id: string;
  name: string;
  committee: string;
  /** The outturn as printed, rounded to the KPI's decimal places; so is the target. */
  value: number | null;
  target: number | null;
  status: Status;
  onTarget: boolean | null;
  trend: StatusTrend;

  service: string;
  level: Kpi['level'];
  kind: Kpi['kind'];
  priority: string;
  aim: string;
  frequency: Kpi['frequency'];
  unit: Measure['unit'] | null;
  unitLabel: string | null;
  decimals: number | null;
  polarity: Measure['polarity'] | null;
  cumulative: boolean | null;
  targetKind: TargetResult['kind'] | null;
  targetReason: string | null;
  /** One sentence on how the status was reached. */
  explanation: string;
  outturnState: Outturn['state'] | null;
  outturnReason: string | null;
  /** The periods whose figures are due and absent. */
  missingPeriods: string[];
  benchmark: BenchmarkPosition | null;
  spc: StatusSpc | null;
  /** Why `spc` is null; null when it is not. */
  spcAbsent: SpcAbsence | null;
  /** The KPI's recorded process changes, oldest first, each placed on its own series. */
  processChanges: PlacedChange[];
  /** The likely year-end outturn, its 80% range and odds (core/forecast.ts); null with `forecastAbsent` saying why. */
  forecast: YearEndForecast | null;
  forecastAbsent: ForecastAbsence | null;
  /** The latest figures at the KPI's own frequency, oldest first, gaps as null. */
  series: SeriesPoint[];
  previousPeriod: string | null;
  previousValue: number | null;
  lastYearPeriod: string | null;
  lastYearValue: number | null;
  confidence: Kpi['dataQuality']['confidence'];
  confidenceScore: number | null;
  needsException: boolean;
  commentary: KpiCommentary | null;
  /** Every row the figure is read from names a reviewer; null when there is no figure. */
  signedOff: boolean | null;
}

export interface StatusSummary {
  red: number;
  amber: number;
  green: number;
  grey: number;
  missing: number;
  /** Not applicable: counted apart, neither on nor off target. */
  na: number;
  /** Amber, grey and green (004 §6.1.7). */
  onTarget: number;
  offTarget: number;
}

export interface StatusReport {
  period: string;
  kpis: KpiStatus[];
  summary: StatusSummary;
}

/** The fields every kind of KPI fills the same way. */
function shared(kpi: Kpi, commentary: KpiCommentary | undefined) {
  return {
    service: kpi.service,
    level: kpi.level,
    kind: kpi.kind,
    priority: kpi.priority,
    aim: kpi.aim,
    frequency: kpi.frequency,
    confidence: kpi.dataQuality.confidence,
    confidenceScore: kpi.dataQuality.score ?? null,
    commentary: commentary ?? null,
  };
}

const printed = (x: number | null, decimals: number): number | null => (x === null ? null : roundTo(x, decimals));

/**
 * The period a figure is compared with for the "previous" trend: the previous period of the same
 * kind, except that a KPI reporting less often than that (a half-yearly KPI at Q2) is compared
 * with its own previous report (the last H2), since the quarter before has no figure from it.
 */
function previousComparison(kpi: Measure, period: Period, startMonth: number): Period {
  const own = PERIOD_KIND_OF_FREQUENCY[kpi.frequency];
  return MONTHS_IN[own] > MONTHS_IN[period.kind] ? previousPeriod(periodOfKindEndingWith(period, own, startMonth)) : previousPeriod(period);
}

/** The workspace's SPC settings with the KPI's own over them. */
export function spcSettingsFor(kpi: Pick<Measure, 'spc'>, workspace: { config: Pick<Config, 'spc'> }): Required<SpcSettings> {
  const { minimumPoints, shiftLength, trendLength, fixAfter, screenMovingRanges } = workspace.config.spc;
  return {
    minimumPoints: kpi.spc?.minimumPoints ?? minimumPoints,
    shiftLength,
    trendLength,
    fixAfter: kpi.spc?.fixAfter ?? fixAfter,
    screenMovingRanges: kpi.spc?.screenMovingRanges ?? screenMovingRanges,
  };
}

const presentPoints = (series: SeriesPoint[]) => series.filter((p): p is { periodName: string; value: number } => p.value !== null);

/**
 * SPC over the KPI's own series to the period's end, gaps dropped, judged against the target for
 * the latest point's period, with limits starting again at each rebasing process change. None
 * for a cumulative KPI: a year-to-date series restarts every April, which control limits would
 * read as special causes.
 */
export function spcFor(kpi: Measure, series: SeriesPoint[], workspace: Pick<Workspace, 'config'>): { spc: StatusSpc | null; absent: SpcAbsence | null } {
  const none = (reason: SpcAbsence['reason'], message: string) => ({ spc: null, absent: { reason, message } });
  if (kpi.cumulative) return none('cumulative', 'a year-to-date figure restarts every year, which control limits would read as special causes');
  const points = presentPoints(series);
  if (points.length === 0) return none('noData', 'no figures yet');
  const startMonth = workspace.config.financialYearStartMonth;
  const settings = spcSettingsFor(kpi, workspace);
  const placed = placeChanges(kpi, points, startMonth);
  const rebases = rebaseIndexes(placed);
  const last = parsePeriod(points[points.length - 1]!.periodName);
  const target = last.ok ? targetFor(kpi, last.value, startMonth).value : null;
  const result = spc(points, kpi.polarity, target, settings, rebases);
  if (result === null) {
    const since = placed.filter((c) => c.rebase && c.index !== null).at(-1);
    if (since && points.length - since.index! < 2)
      return none('tooFewSinceChange', `the process changed on ${since.date} (${since.change}): limits start again once there are two figures since`);
    return none('tooFewPoints', `${points.length} of the ${settings.minimumPoints} figures control limits need`);
  }
  const startedBy = (from: string) => placed.filter((c) => c.rebase && c.periodName === from).at(-1) ?? null;
  return {
    absent: null,
    spc: {
      variation: result.variation,
      assurance: result.assurance,
      mean: result.mean,
      upperLimit: result.upperLimit,
      lowerLimit: result.lowerLimit,
      // Only the points a reader sees (the recent series); the limits come from every point.
      flagged: result.points.slice(-SERIES_LENGTH).filter((p) => p.specialCause !== null),
      meanMovingRange: result.meanMovingRange,
      upperTwoSigma: result.upperTwoSigma,
      lowerTwoSigma: result.lowerTwoSigma,
      trial: result.trial,
      variationIcon: result.variationIcon,
      assuranceIcon: result.assuranceIcon,
      assuranceBasis: result.assuranceBasis,
      points: result.points,
      segments: result.segments.map((seg, i) => ({ ...seg, startedBy: i === 0 ? null : startedBy(seg.from) })),
      settings,
    },
  };
}

function spcLine(kpi: Measure, series: SeriesPoint[], workspace: Workspace): Pick<KpiStatus, 'spc' | 'spcAbsent' | 'processChanges'> {
  const { spc: reading, absent } = spcFor(kpi, series, workspace);
  return { spc: reading, spcAbsent: absent, processChanges: placeChanges(kpi, series, workspace.config.financialYearStartMonth) };
}

function forecastLine(kpi: Measure, observations: Observation[], period: Period, workspace: Workspace): Pick<KpiStatus, 'forecast' | 'forecastAbsent'> {
  const { forecast, absent } = forecastYearEnd(kpi, observations, period, workspace);
  return { forecast, forecastAbsent: absent };
}

/** A project's or narrative indicator's status for a period, from its owner's commentary. */
function qualitativeAt(kpi: Qualitative, period: Period, workspace: Workspace, commentary: KpiCommentary | undefined) {
  const due = ownPeriodsIn(kpi.frequency, period, workspace.config.financialYearStartMonth).length > 0;
  return qualitativeStatus(commentary, due, formatPeriod(period));
}

function measureLine(kpi: Measure, observations: Observation[], period: Period, workspace: Workspace, commentary: KpiCommentary | undefined): KpiStatus {
  const startMonth = workspace.config.financialYearStartMonth;
  const { outturn, target, status, explanation, signedOff } = measureAt(kpi, observations, period, workspace);
  const previousPeriodOf = previousComparison(kpi, period, startMonth);
  const lastYearPeriodOf = samePeriodLastYear(period);
  const previous = outturnFor(kpi, observations, previousPeriodOf, startMonth).value;
  const lastYear = outturnFor(kpi, observations, lastYearPeriodOf, startMonth).value;
  const series = seriesTo(kpi, observations, period, startMonth);
  return {
    id: kpi.id,
    name: kpi.name,
    committee: kpi.committee,
    value: printed(outturn.value, kpi.decimals),
    target: printed(target.value, kpi.decimals),
    status,
    onTarget: onTarget(status),
    trend: {
      // A running total always grows through the year, so it is only compared with last year.
      previous: kpi.cumulative && kpi.aggregation === 'sum' ? null : directionOfTravel(outturn.value, previous, kpi),
      lastYear: directionOfTravel(outturn.value, lastYear, kpi),
    },
    ...shared(kpi, commentary),
    unit: kpi.unit,
    unitLabel: kpi.unitLabel ?? null,
    decimals: kpi.decimals,
    polarity: kpi.polarity,
    cumulative: kpi.cumulative,
    targetKind: target.kind,
    targetReason: target.reason ?? null,
    explanation,
    outturnState: outturn.state,
    outturnReason: outturn.reason ?? null,
    missingPeriods: outturn.missing,
    benchmark: benchmarkQuartile(outturn.value, kpi, fyOf(period, startMonth)),
    ...spcLine(kpi, series, workspace),
    ...forecastLine(kpi, observations, period, workspace),
    series: series.slice(-SERIES_LENGTH).map((p) => ({ periodName: p.periodName, value: printed(p.value, kpi.decimals) })),
    previousPeriod: formatPeriod(previousPeriodOf),
    previousValue: printed(previous, kpi.decimals),
    lastYearPeriod: formatPeriod(lastYearPeriodOf),
    lastYearValue: printed(lastYear, kpi.decimals),
    needsException: needsException(status, workspace.config.ragg),
    signedOff,
  };
}

function qualitativeLine(kpi: Qualitative, period: Period, workspace: Workspace, commentary: KpiCommentary | undefined): KpiStatus {
  const { status, explanation } = qualitativeAt(kpi, period, workspace, commentary);
  return {
    id: kpi.id,
    name: kpi.name,
    committee: kpi.committee,
    value: null,
    target: null,
    status,
    onTarget: onTarget(status),
    trend: { previous: null, lastYear: null },
    ...shared(kpi, commentary),
    unit: null,
    unitLabel: null,
    decimals: null,
    polarity: null,
    cumulative: null,
    targetKind: null,
    targetReason: null,
    explanation,
    outturnState: null,
    outturnReason: null,
    missingPeriods: [],
    benchmark: null,
    spc: null,
    spcAbsent: { reason: 'notMeasure', message: 'a project or narrative indicator has no figures to chart' },
    processChanges: [],
    forecast: null,
    forecastAbsent: { reason: 'notMeasure', message: 'a project or narrative indicator has no figures to project' },
    series: [],
    previousPeriod: null,
    previousValue: null,
    lastYearPeriod: null,
    lastYearValue: null,
    needsException: needsException(status, workspace.config.ragg),
    signedOff: null,
  };
}

export function summarise(kpis: Array<Pick<KpiStatus, 'status'>>): StatusSummary {
  const count = (s: Status) => kpis.filter((k) => k.status === s).length;
  const summary = { red: count('red'), amber: count('amber'), green: count('green'), grey: count('grey'), missing: count('missing'), na: count('na') };
  return { ...summary, onTarget: summary.amber + summary.grey + summary.green, offTarget: summary.red };
}

/** Ordering by KPI id, as every report lists KPIs. */

/** A KPI's status alone, as computeStatus gives it. */
export type BareStatus = Pick<KpiStatus, 'id' | 'status'>;

/**
 * Every KPI's status alone for `period`, ordered by id: the same statuses computeStatus gives,
 * without the trends, series and SPC it also works out. What comparing with an earlier report needs.
 */
export function statusesAt(workspace: Workspace, period: Period): { period: string; kpis: BareStatus[] } {
  const periodName = formatPeriod(period);
  const commentary = workspace.commentary.get(periodName)?.commentary.kpis ?? {};
  const kpis = [...workspace.kpis].sort(byId).map((k) => ({
    id: k.id,
    status:
      k.kind === 'measure'
        ? measureAt(k, observationsOf(workspace, k.id), period, workspace).status
        : qualitativeAt(k, period, workspace, commentary[k.id]).status,
  }));
  return { period: periodName, kpis };
}

/** Every KPI's status for `period` (optionally one committee's), ordered by id, with the summary. */
export function computeStatus(workspace: Workspace, period: Period, options: { committee?: string } = {}): StatusReport {
  const periodName = formatPeriod(period);
  const commentary = workspace.commentary.get(periodName)?.commentary.kpis ?? {};
  const kpis = workspace.kpis
    .filter((k) => options.committee === undefined || k.committee === options.committee)
    .sort(byId)
    .map((k) =>
      k.kind === 'measure'
        ? measureLine(k, observationsOf(workspace, k.id), period, workspace, commentary[k.id])
        : qualitativeLine(k, period, workspace, commentary[k.id]),
    );
  return { period: periodName, kpis, summary: summarise(kpis) };
}

export interface StatusChange {
  id: string;
  name: string;
  committee: string;
  /** Null when the KPI was not in the earlier report. */
  from: Status | null;
  to: Status;
}

/**
 * What changed between two reports (usually last quarter and this): KPIs newly red, and KPIs
 * that left red for a colour. A red KPI whose figure is now missing has not recovered; it shows
 * in the missing count instead.
 */
export function compareStatuses(previous: { kpis: readonly BareStatus[] }, current: StatusReport): { newReds: StatusChange[]; recoveries: StatusChange[] } {
  const before = new Map(previous.kpis.map((k) => [k.id, k.status]));
  const changes = current.kpis.map((k) => ({ id: k.id, name: k.name, committee: k.committee, from: before.get(k.id) ?? null, to: k.status }));
  return {
    newReds: changes.filter((c) => c.to === 'red' && c.from !== 'red').sort(byId),
    recoveries: changes.filter((c) => c.from === 'red' && c.to !== 'red' && c.to !== 'missing').sort(byId),
  };
}
