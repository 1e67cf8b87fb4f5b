/**
 * The figures: one row per measure and period, from the plan (plan.ts) and a seeded PRNG. Pure.
 *
 * Each KPI draws from its own stream (the seed mixed with a hash of its id), so changing one
 * KPI's plan never reshuffles another's figures. Only arithmetic is used on the random draws
 * (no Math.log or Math.cos), so the output is the same on every platform.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { formatFixed, roundTo, tidy } from '../../core/figures.js';
import { ratioScale } from '../../core/rollup.js';
import { formatPeriod, fyOf, monthIndexInFy, monthsOf, nthMonthOfFy, previousPeriod, type Period } from '../../model/periods.js';
import { periodStartDate } from '../../core/process-changes.js';
import { targetFor } from '../../core/targets.js';
import type { Measure } from '../../model/kpi.js';
import {
  AWAITING_SIGN_OFF,
  AWAITING_SIGN_OFF_PERIOD,
  DEMO_FIRST_FY,
  DEMO_LAST_FY,
  MISSING_RETURN,
  NOT_AVAILABLE,
  NOTES,
  PLANS,
  RESTATED,
  SEASONS,
  type KpiPlan,
} from './plan.js';

/** One CSV row, as text cells. */
export interface DemoRow {
  kpi: string;
  period: Period;
  periodName: string;
  value: string;
  numerator: string;
  denominator: string;
  reviewedBy: string;
  note: string;
}

type Rng = () => number;

/** FNV-1a: a stable 32-bit hash of a KPI id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function streamFor(seed: number, id: string): Rng {
  const rng = xoroshiro128plus((seed ^ hash(id)) | 0);
  return () => uniformFloat64(rng);
}

/** Approximately standard normal: Irwin-Hall with six uniforms (mean 3, variance 1/2). */
function normal(u: Rng): number {
  let s = 0;
  for (let i = 0; i < 6; i++) s += u();
  return (s - 3) * Math.SQRT2;
}

/** The periods a KPI reports, from its first year to the end of the demo (annual: 2024-25; a year is reported after it ends). */
export function demoPeriods(kpi: Measure, firstFy: number, startMonth: number): Period[] {
  const out: Period[] = [];
  for (let fy = firstFy; fy <= DEMO_LAST_FY; fy++) {
    switch (kpi.frequency) {
      case 'monthly':
        for (let i = 0; i < (fy === DEMO_LAST_FY ? 9 : 12); i++) out.push({ kind: 'month', ...nthMonthOfFy(fy, i, startMonth) });
        break;
      case 'quarterly':
        for (let qn = 1; qn <= (fy === DEMO_LAST_FY ? 3 : 4); qn++) out.push({ kind: 'quarter', fy, quarter: qn as 1 | 2 | 3 | 4 });
        break;
      case 'biannual':
        for (let h = 1; h <= (fy === DEMO_LAST_FY ? 1 : 2); h++) out.push({ kind: 'half', fy, half: h as 1 | 2 });
        break;
      case 'annual':
        if (fy < DEMO_LAST_FY) out.push({ kind: 'year', fy });
        break;
    }
  }
  return out;
}

const polaritySign = (kpi: Measure): 1 | -1 => (kpi.polarity === 'lower' ? -1 : 1);

/** The KPI's natural scale: its 2025-26 Q3 target, else its baseline, else 1. */
function scaleOf(kpi: Measure, startMonth: number): number {
  const t = targetFor(kpi, { kind: 'quarter', fy: DEMO_LAST_FY, quarter: 3 }, startMonth).value;
  if (t !== null && t !== 0) return Math.abs(t);
  const b = kpi.baseline?.value;
  if (b !== null && b !== undefined && b !== 0) return Math.abs(b);
  return 1;
}

/** Relative shortfall against target per financial year (positive = worse), 2022-23 first. */
function yearlyGaps(kpi: Measure, plan: KpiPlan, u: Rng, startMonth: number): number[] {
  const hasTarget = targetFor(kpi, { kind: 'quarter', fy: DEMO_LAST_FY, quarter: 3 }, startMonth).value !== null;
  const status = hasTarget ? plan.q3 : 'G';
  const g2025 = plan.g ?? (status === 'G' ? -(0.03 + 0.02 * u()) : status === 'A' ? 0.024 + 0.008 * u() : 0.11 + 0.04 * u());
  const d = plan.d ?? 0.025;
  const scale = scaleOf(kpi, startMonth);
  let g2024 = plan.yoy === '+' ? g2025 + d : plan.yoy === '-' ? g2025 - d : g2025;
  // A 100% target met in 2025-26 improved on a year that fell short of it.
  if (plan.yoy === '+' && kpi.unit === 'percentage' && scale === 100) g2024 = Math.max(g2024, 0.025);
  const sign = polaritySign(kpi);
  const b = kpi.baseline;
  const by = b?.period ? Number(b.period.slice(0, 4)) : null;
  const gb = b && b.value !== null && b.value !== undefined ? sign * (1 - b.value / scale) : null;
  // Earlier years sit near 2025-26's level (the dictionary's baseline pulls them only a little),
  // so the latest months are not all on one side of the long-run mean: SPC then flags only the
  // KPIs whose plan gives them a real run (plan.ts), not every KPI whose target moved.
  const clamp = (x: number) => Math.max(-0.02, Math.min(0.02, x));
  let g2022 = g2025 + 0.012 * (u() - 0.5);
  let g2023 = g2025 + 0.3 * (g2024 - g2025) + 0.012 * (u() - 0.5);
  if (gb !== null && by === 2022) g2022 = g2025 + clamp(gb - g2025);
  if (gb !== null && by === 2023) g2023 = g2025 + clamp(gb - g2025);
  if (plan.yoy === '=') {
    g2023 = g2024;
    g2022 = g2024;
  }
  return [g2022, g2023, g2024, g2025];
}

interface Draft {
  period: Period;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** The figures for one measure (before sign-off and notes), oldest first. */
export function draftSeries(kpi: Measure, plan: KpiPlan, seed: number, startMonth: number): Draft[] {
  const u = streamFor(seed, kpi.id);
  const first = Math.max(plan.start ?? DEMO_FIRST_FY, DEMO_FIRST_FY);
  const periods = demoPeriods(kpi, first, startMonth);
  const sign = polaritySign(kpi);
  const scale = scaleOf(kpi, startMonth);
  const gaps = plan.levels ? null : yearlyGaps(kpi, plan, u, startMonth);
  const isPct = kpi.unit === 'percentage';
  const allowNegative = plan.levels?.some((v) => v < 0) ?? false;
  const season = plan.season ? SEASONS[plan.season] : null;
  const seasonQ3 = season ? (season[9]! + season[10]! + season[11]!) / 3 : 0;
  const defaultNoise = kpi.frequency === 'monthly' ? 0.025 : 0.012;
  const noiseSd = plan.levels ? (plan.noise ?? defaultNoise * scale) : (plan.noise ?? defaultNoise) * scale;

  const levelAt = (p: Period): number => {
    const fy = fyOf(p, startMonth);
    const months = monthsOf(p, startMonth);
    const i = monthIndexInFy(months[months.length - 1]!, startMonth);
    const w = kpi.frequency === 'monthly' ? Math.min(1, (i + 1) / 3) : 1;
    const k = fy - DEMO_FIRST_FY;
    const prevK = Math.max(k - 1, first - DEMO_FIRST_FY);
    if (plan.levels) return plan.levels[prevK]! + w * (plan.levels[k]! - plan.levels[prevK]!);
    const g = gaps![prevK]! + w * (gaps![k]! - gaps![prevK]!);
    const t = targetFor(kpi, p, startMonth).value;
    const reference = t !== null && t !== 0 ? Math.abs(t) : scale;
    return reference * (1 - sign * g);
  };

  let cumNum = 0;
  let cumDen = 0;
  let cumSum = 0;
  let fyNow = -1;
  const out: Draft[] = [];
  for (const p of periods) {
    const name = formatPeriod(p);
    const fy = fyOf(p, startMonth);
    if (fy !== fyNow) {
      fyNow = fy;
      cumNum = 0;
      cumDen = 0;
      cumSum = 0;
    }
    const onPath = plan.path?.[name] !== undefined;
    let v = onPath ? plan.path![name]! : levelAt(p);
    const perfect = isPct && kpi.polarity === 'higher' && v >= 100 && !onPath;
    if (perfect) v = 100;
    else {
      if (season && kpi.frequency !== 'annual') {
        const month = monthsOf(p, startMonth).at(-1)!.month;
        v -= sign * (plan.amp ?? 0.02) * scale * (season[month - 1]! - seasonQ3);
      }
      v += (onPath ? 0.2 : 1) * noiseSd * normal(u);
      if (isPct) v = Math.min(v, 100);
      if (!allowNegative) v = Math.max(v, 0);
    }

    if (kpi.aggregation === 'ratio') {
      const counts = plan.counts?.[name];
      let num: number;
      let den: number;
      if (counts) {
        [num, den] = counts as [number, number];
      } else {
        const vol = plan.vol ?? 100;
        const wobble = 1 + 0.06 * normal(u);
        den = Number.isInteger(vol) ? Math.max(1, Math.round(vol * wobble)) : roundTo(vol * (1 + 0.004 * normal(u)), 3);
        if (perfect) num = den;
        else if (isPct) num = Math.min(den, Math.max(0, Math.round((v / 100) * den)));
        else num = Math.max(0, Math.round(v * den));
      }
      if (kpi.cumulative) {
        cumNum += num;
        cumDen = tidy(cumDen + den);
        out.push({ period: p, value: (cumNum / cumDen) * ratioScale(kpi.unit), numerator: cumNum, denominator: cumDen });
      } else {
        out.push({ period: p, value: (num / den) * ratioScale(kpi.unit), numerator: num, denominator: den });
      }
    } else if (kpi.aggregation === 'sum') {
      const x = roundTo(v, kpi.decimals);
      if (kpi.cumulative) {
        cumSum = tidy(cumSum + x);
        out.push({ period: p, value: cumSum });
      } else out.push({ period: p, value: x });
    } else if (isPct && plan.vol !== undefined) {
      // A compliance snapshot: a whole number of homes (or blocks) short of 100%.
      const short = perfect ? 0 : Math.max(1, Math.round(((100 - v) / 100) * plan.vol));
      out.push({ period: p, value: ((plan.vol - short) / plan.vol) * 100 });
    } else {
      out.push({ period: p, value: roundTo(v, kpi.decimals) });
    }
  }
  return out;
}

function denominatorText(x: number): string {
  return Number.isInteger(x) ? String(x) : String(tidy(x));
}

/** The note on the row for the first period a recorded process change applies to, as an officer would write it. */
function processChangeNote(kpi: Measure, period: Period, startMonth: number): string {
  const start = periodStartDate(period, startMonth);
  const previousStart = periodStartDate(previousPeriod(period), startMonth);
  const change = kpi.processChanges.find((c) => c.date > previousStart && c.date <= start);
  return change ? `process change from ${change.date}: ${change.change}` : '';
}

/** Every measure's rows, with sign-off, the missing return, the n/a, the restatement and notes applied. */
export function buildRows(measures: Measure[], seed: number, startMonth: number): DemoRow[] {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const drafts = new Map<string, Draft[]>();
  for (const kpi of measures) {
    const plan = PLANS[kpi.id];
    if (!plan) throw new Error(`demo-data: no plan for ${kpi.id}: add it to src/tools/demo-data/plan.ts`);
    if (plan.mirror) continue;
    drafts.set(kpi.id, draftSeries(kpi, plan, seed, startMonth));
  }
  const rows: DemoRow[] = [];
  for (const kpi of measures) {
    const plan = PLANS[kpi.id]!;
    let series = drafts.get(kpi.id);
    if (plan.mirror) {
      const source = byId.get(plan.mirror);
      series = drafts.get(plan.mirror);
      if (!source || !series || source.frequency !== kpi.frequency)
        throw new Error(`demo-data: ${kpi.id} mirrors ${plan.mirror}, which is not a measure of the same frequency`);
    }
    for (const d of series!) {
      const periodName = formatPeriod(d.period);
      if (kpi.id === MISSING_RETURN.kpi && periodName === MISSING_RETURN.period) continue;
      const row: DemoRow = {
        kpi: kpi.id,
        period: d.period,
        periodName,
        value: d.value === null ? 'n/a' : formatFixed(d.value, kpi.decimals),
        numerator: d.numerator === undefined ? '' : String(d.numerator),
        denominator: d.denominator === undefined ? '' : denominatorText(d.denominator),
        reviewedBy: kpi.roles.reviewer,
        note: NOTES[kpi.id]?.[periodName] ?? processChangeNote(kpi, d.period, startMonth),
      };
      if (periodName === AWAITING_SIGN_OFF_PERIOD && (AWAITING_SIGN_OFF as readonly string[]).includes(kpi.id)) row.reviewedBy = '';
      if (kpi.id === NOT_AVAILABLE.kpi && periodName === NOT_AVAILABLE.period) {
        row.value = 'n/a';
        row.numerator = '';
        row.denominator = '';
        row.note = NOT_AVAILABLE.note;
      }
      if (kpi.id === RESTATED.kpi && periodName === RESTATED.period) {
        if (d.numerator === undefined || d.denominator === undefined) throw new Error(`demo-data: the restated KPI ${kpi.id} needs counts`);
        const was = ((d.numerator - RESTATED.addedJobs) / (d.denominator - RESTATED.addedJobs)) * ratioScale(kpi.unit);
        row.note = `restated ${RESTATED.date}: was ${formatFixed(was, kpi.decimals)} (${RESTATED.reason})`;
      }
      rows.push(row);
    }
  }
  rows.sort((a, b) => (a.kpi !== b.kpi ? (a.kpi < b.kpi ? -1 : 1) : a.periodName < b.periodName ? -1 : a.periodName > b.periodName ? 1 : 0));
  return rows;
}
