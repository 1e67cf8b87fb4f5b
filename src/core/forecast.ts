/**
 * The likely year-end outturn of a measure, with a range and the odds of meeting the annual
 * target (docs/guide/forecast.md states the method for officers). In short:
 * - The year's own figures so far (a cumulative KPI's are turned back into each period's own
 *   figure from its running totals or counts) give the level of the current process.
 * - Where at least two earlier complete years exist, their seasonal pattern (each period's
 *   average difference from its year's mean, the last three years at most) is taken out of the
 *   figures so far and put back into the periods still to come.
 * - The process variation is the SPC one: the mean moving range of the seasonally adjusted
 *   figures since the last rebasing process change (the latest 24 at most, large ranges
 *   screened as the KPI's SPC settings say), divided by 1.128 to give a standard deviation.
 * - Each period still to come is the level plus its season, with that variation and the
 *   uncertainty of the level itself (sigma / sqrt(points in the level)); the year-end outturn
 *   rolls them up with the known figures as the KPI's aggregation does. The spread is taken as
 *   normal: the range is the central 80%, the probability is that of meeting the target.
 * Pure: no clock, no files. `likelyOutturn` is the call for a commentary's likely outturn.
 */
import type { Measure } from '../model/kpi.js';
import type { Observation, Workspace } from '../model/workspace.js';
import { formatPeriod, fyName, fyOf, PERIOD_KIND_OF_FREQUENCY, periodEndKey, type Period } from '../model/periods.js';
import { observationsByPeriod, observationsOf } from './observations.js';
import { outturnFor, ratioScale } from './rollup.js';
import { periodsForSpan } from './spans.js';
import { targetFor } from './targets.js';
import { controlLimits } from './spc.js';
import { periodStartDate } from './process-changes.js';
import { roundTo, tidy } from './figures.js';

/** The share of outcomes the stated range is meant to hold. */
export const FORECAST_RANGE = 0.8;
/** The normal quantile for the central 80%: 1.2816 standard deviations either side. */
const Z_RANGE = 1.2815515655446004;
/** d2 for moving ranges of two: sigma = mean moving range / 1.128. */
const D2 = 1.128;
/** How many of the latest seasonally adjusted figures the variation is read from. */
const VARIATION_POINTS = 24;
/** Earlier complete years whose pattern is averaged; at least two are needed. */
const SEASON_YEARS = 3;

export interface YearEndForecast {
  /** The financial year, e.g. 2025-26. */
  year: string;
  /** The last period whose figures the forecast uses. */
  through: string;
  /** The projected year-end outturn, and the central 80% range, rounded as the KPI prints. */
  outturn: number;
  low: number;
  high: number;
  range: number;
  /** The annual target and the chance the year-end outturn meets it (null without one, or neutral polarity). */
  target: number | null;
  probabilityOfMeetingTarget: number | null;
  /** The previous full year's outturn and the chance this year ends worse (null without one). */
  previousYear: number | null;
  probabilityOfDecline: number | null;
  /** How many of the year's periods are known and still to come. */
  periodsKnown: number;
  periodsRemaining: number;
  /** The earlier years whose seasonal pattern is used (empty: fewer than two, so none). */
  seasonalYears: string[];
  /** The per-period standard deviation used, in the KPI's unit. */
  sigma: number;
  /** The method in one sentence, for papers. */
  method: string;
}

export interface ForecastAbsence {
  reason: 'notMeasure' | 'annual' | 'noFiguresThisYear' | 'tooFewFigures' | 'cumulativeWithoutCounts' | 'yearNotStarted';
  message: string;
}

export type ForecastResult = { forecast: YearEndForecast; absent: null } | { forecast: null; absent: ForecastAbsence };

interface Slot {
  periodName: string;
  start: string;
  value: number | null;
  /** The period's own denominator (ratio KPIs), or null. */
  weight: number | null;
}

/** Standard normal cumulative distribution (Abramowitz and Stegun 7.1.26, error under 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The KPI's own periods of year `fy`, each with its own figure: a cumulative KPI's running
 * totals (or running counts, for a ratio) become each period's own; null where unknown.
 */
function yearSlots(kpi: Measure, byName: Map<string, Observation>, fy: number, startMonth: number): Slot[] | 'noCounts' {
  const kind = PERIOD_KIND_OF_FREQUENCY[kpi.frequency];
  const periods = periodsForSpan({ fy, from: 0, to: 11 }, kind, startMonth);
  const rows = periods.map((p) => byName.get(formatPeriod(p)) ?? null);
  const scale = ratioScale(kpi.unit);
  if (!kpi.cumulative) {
    return periods.map((p, i) => ({
      periodName: formatPeriod(p),
      start: periodStartDate(p, startMonth),
      value: rows[i]?.value ?? null,
      weight: kpi.aggregation === 'ratio' ? (rows[i]?.denominator ?? null) : null,
    }));
  }
  if (kpi.aggregation === 'mean' || (kpi.aggregation === 'ratio' && rows.some((r) => r?.value != null && (r.numerator === null || r.denominator === null))))
    return 'noCounts';
  return periods.map((p, i) => {
    const row = rows[i];
    const before = i === 0 ? null : rows[i - 1];
    const slot = { periodName: formatPeriod(p), start: periodStartDate(p, startMonth), value: null as number | null, weight: null as number | null };
    if (row?.value == null || (i > 0 && before?.value == null)) return slot;
    if (kpi.aggregation === 'ratio') {
      const num = row.numerator! - (before?.numerator ?? 0);
      const den = row.denominator! - (before?.denominator ?? 0);
      if (den <= 0) return slot;
      return { ...slot, value: (num / den) * scale, weight: den };
    }
    if (kpi.aggregation === 'last') return { ...slot, value: row.value };
    return { ...slot, value: row.value - (before?.value ?? 0) };
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Each period's average difference from its year's mean over the earlier complete years (zeros when fewer than two). */
function seasonalPattern(years: Slot[][]): { pattern: number[] | null; used: number[] } {
  const complete = years.map((slots, i) => ({ slots, i })).filter(({ slots }) => slots.length > 1 && slots.every((s) => s.value !== null));
  const used = complete.slice(-SEASON_YEARS);
  if (used.length < 2) return { pattern: null, used: [] };
  const n = used[0]!.slots.length;
  const pattern = Array.from({ length: n }, (_, j) => mean(used.map(({ slots }) => slots[j]!.value! - mean(slots.map((s) => s.value!)))));
  return { pattern, used: used.map((u) => u.i) };
}

/** The year-end forecast for `kpi` from its figures through `through` (a period of the year forecast). */
export function forecastYearEnd(kpi: Measure, observations: Observation[], through: Period, workspace: Pick<Workspace, 'config'>): ForecastResult {
  const startMonth = workspace.config.financialYearStartMonth;
  const none = (reason: ForecastAbsence['reason'], message: string): ForecastResult => ({ forecast: null, absent: { reason, message } });
  if (kpi.frequency === 'annual') return none('annual', 'an annual measure has one figure a year, so there is nothing to project from within the year');
  const fy = fyOf(through, startMonth);
  const byName = observationsByPeriod(observations);
  const endKey = periodEndKey(through, startMonth);
  const own = observations.filter((o) => o.period.kind === PERIOD_KIND_OF_FREQUENCY[kpi.frequency]);
  if (own.length === 0) return none('noFiguresThisYear', 'no figures yet');
  const firstFy = Math.min(...own.map((o) => fyOf(o.period, startMonth)));

  const years: Slot[][] = [];
  for (let y = firstFy; y <= fy; y++) {
    const slots = yearSlots(kpi, byName, y, startMonth);
    if (slots === 'noCounts') return none('cumulativeWithoutCounts', 'a cumulative average or ratio without its running counts cannot be split into periods');
    years.push(slots);
  }
  if (years.length === 0) return none('yearNotStarted', `no figures for ${fyName(fy)} yet`);
  // This year's periods after `through` are not known yet, whatever the rows say.
  const kind = PERIOD_KIND_OF_FREQUENCY[kpi.frequency];
  const thisYear = years.at(-1)!.map((s, i) => {
    const period = periodsForSpan({ fy, from: 0, to: 11 }, kind, startMonth)[i]!;
    return periodEndKey(period, startMonth) <= endKey ? s : { ...s, value: null };
  });
  const known = thisYear.map((s, i) => ({ s, i })).filter(({ s }) => s.value !== null);
  if (known.length === 0) return none('noFiguresThisYear', `no figures for ${fyName(fy)} through ${formatPeriod(through)} yet`);

  const { pattern, used } = seasonalPattern(years.slice(0, -1));
  const season = (j: number) => (pattern ? pattern[j]! : 0);
  const rebase = [...kpi.processChanges]
    .filter((c) => c.rebase)
    .map((c) => c.date)
    .sort()
    .at(-1);
  const current = (s: Slot) => rebase === undefined || s.start >= rebase;

  // The variation of the current process: seasonally adjusted figures since the last rebase.
  // Until the new process has two figures, its variation is taken from before the change.
  const all = [...years.slice(0, -1), thisYear].flatMap((slots) => slots.map((s, j) => ({ s, j }))).filter(({ s }) => s.value !== null);
  const since = all.filter(({ s }) => current(s));
  const history = since.length >= 2 ? since : all;
  const adjusted = history.slice(-VARIATION_POINTS).map(({ s, j }) => s.value! - season(j));
  const settings = { ...workspace.config.spc, ...kpi.spc };
  if (adjusted.length < 2) return none('tooFewFigures', 'the variation of the current process needs at least two figures');
  const sigma = tidy(controlLimits(adjusted, settings.screenMovingRanges ?? true).meanMovingRange / D2);

  const levelFrom = known.some(({ s }) => current(s)) ? known.filter(({ s }) => current(s)) : known;
  const level = mean(levelFrom.map(({ s, i }) => s.value! - season(i)));
  const remaining = thisYear.map((s, i) => ({ s, i })).filter(({ s }) => s.value === null);
  const predicted = remaining.map(({ i }) => ({ i, value: level + season(i) }));

  const n = levelFrom.length;
  let outturn: number;
  let variance: number;
  if (remaining.length === 0) {
    outturn = outturnFor(kpi, observations, { kind: 'year', fy }, startMonth).value ?? NaN;
    variance = 0;
  } else if (kpi.aggregation === 'last') {
    const last = thisYear.length - 1;
    const lastKnown = thisYear[last]!.value;
    outturn = lastKnown ?? level + season(last);
    variance = lastKnown === null ? sigma ** 2 * (1 + 1 / n) : 0;
  } else {
    // A weighted mean (ratio: denominators; mean: equal) or a total (sum).
    const knownWeights = known.map(({ s }) => s.weight);
    const useWeights = kpi.aggregation === 'ratio' && knownWeights.every((w) => w !== null && w > 0);
    const futureWeight = useWeights ? mean(knownWeights as number[]) : 1;
    const w = (s: Slot) => (useWeights ? s.weight! : 1);
    const knownSum = known.reduce((a, { s }) => a + w(s) * s.value!, 0);
    const futureSum = predicted.reduce((a, p) => a + futureWeight * p.value, 0);
    const futureW = futureWeight * remaining.length;
    const totalW = known.reduce((a, { s }) => a + w(s), 0) + futureW;
    const spread = remaining.length * futureWeight ** 2 * sigma ** 2 + (futureW ** 2 * sigma ** 2) / n;
    if (kpi.aggregation === 'sum') {
      outturn = knownSum + futureSum;
      variance = spread;
    } else {
      outturn = (knownSum + futureSum) / totalW;
      variance = spread / totalW ** 2;
    }
  }
  if (!Number.isFinite(outturn)) return none('tooFewFigures', 'the year-end outturn cannot be worked out from these figures');

  const sd = Math.sqrt(variance);
  const target = targetFor(kpi, { kind: 'year', fy }, startMonth).value;
  const previousYear = outturnFor(kpi, observations, { kind: 'year', fy: fy - 1 }, startMonth).value;
  /** The chance the year-end outturn is at or better than `x` (higher or lower is better). */
  const chanceAtLeastAsGood = (x: number): number => {
    const better = kpi.polarity === 'higher' ? outturn - x : x - outturn;
    if (sd === 0) return better >= 0 ? 1 : 0;
    return normalCdf(better / sd);
  };
  const decimals = kpi.decimals;
  const probability = (p: number) => roundTo(p, 2);
  const seasonalYears = used.map((i) => fyName(firstFy + i));
  return {
    absent: null,
    forecast: {
      year: fyName(fy),
      through: formatPeriod(through),
      outturn: roundTo(outturn, decimals),
      low: roundTo(outturn - Z_RANGE * sd, decimals),
      high: roundTo(outturn + Z_RANGE * sd, decimals),
      range: FORECAST_RANGE,
      target,
      probabilityOfMeetingTarget: target === null || kpi.polarity === 'neutral' ? null : probability(chanceAtLeastAsGood(target)),
      previousYear: previousYear === null ? null : roundTo(previousYear, decimals),
      // Declining is ending strictly worse than last year: one minus the chance of doing at least as well.
      probabilityOfDecline: previousYear === null || kpi.polarity === 'neutral' ? null : probability(1 - chanceAtLeastAsGood(previousYear)),
      periodsKnown: known.length,
      periodsRemaining: remaining.length,
      seasonalYears,
      sigma: roundTo(sigma, decimals + 2),
      method:
        remaining.length === 0
          ? 'the year is complete: the outturn is the reported one'
          : `${known.length} of ${thisYear.length} figures known; the rest at the current level${seasonalYears.length > 0 ? ` with the seasonal pattern of ${seasonalYears.join(', ')}` : ' (no seasonal pattern: fewer than two earlier complete years)'}, varying as the process has (80% range)`,
    },
  };
}

/**
 * The likely year-end outturn of one KPI as at `period`, for a commentary's "likely outturn":
 * null (with the reason) for a KPI that is not a measure or cannot be projected.
 */
export function likelyOutturn(workspace: Workspace, kpiId: string, period: Period): ForecastResult {
  const kpi = workspace.kpis.find((k) => k.id === kpiId);
  if (!kpi || kpi.kind !== 'measure') return { forecast: null, absent: { reason: 'notMeasure', message: `${kpiId} is not a measure in the dictionary` } };
  return forecastYearEnd(kpi, observationsOf(workspace, kpi.id), period, workspace);
}
