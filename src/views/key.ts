import { formatFixed } from '../core/figures.js';
import type { Status } from '../core/ragg.js';
import type { Direction } from '../core/trend.js';
import type { Config } from '../model/config.js';
import type { Kpi } from '../model/kpi.js';
import { ASSURANCE_KEY, VARIATION_KEY } from './spc-words.js';
import { STATUS_LABEL, TREND_LABEL } from './labels.js';
import type { KeyView } from './view-types.js';

type Band = { band: number; bandType: 'relative' | 'absolute' };

/** A band in words, as the key prints it: "5% of the target" or "0.5 in the indicator's own unit". */
function bandWords(b: Band): string {
  if (b.band === 0) return 'no amber band: any shortfall at all is red';
  return b.bandType === 'relative' ? `${tidy(b.band * 100)}% of the target` : `${tidy(b.band)} in the indicator's own unit`;
}

const tidy = (x: number): string => formatFixed(x, 2).replace(/\.?0+$/, '');

/**
 * The rule behind each colour in words, from the workspace's band and any KPI that sets its own.
 * The one place the papers word the RAGG rule, so it can follow the rules the status engine
 * states when those become data.
 */
export function raggKey(ragg: Config['ragg'], kpis: readonly Kpi[]): KeyView['statuses'] {
  const band = bandWords(ragg);
  const amberWords = ragg.band === 0 ? 'not used: any shortfall is red' : `worse than target by no more than ${band}: borderline, on watch`;
  const meaning: Record<Status, string> = {
    red: ragg.band === 0 ? 'worse than target: urgent action required' : `worse than target by more than ${band}: under-performing, urgent action required`,
    amber: amberWords,
    green: 'on or better than target',
    grey: 'monitoring only (a tracker or no target), or not yet reported (an annual measure before its year end); the reason is printed in the row',
    missing: 'a figure that is due has not been provided: the row says which period',
  };
  const own = new Map<string, string[]>();
  for (const k of kpis) {
    if (k.kind !== 'measure' || !k.ragg) continue;
    const words = bandWords(k.ragg);
    own.set(words, [...(own.get(words) ?? []), k.id]);
  }
  const exceptions = [...own.entries()].map(([words, ids]) => `${ids.join(', ')}: ${words}`);
  return (Object.keys(STATUS_LABEL) as Status[]).map((s) => ({
    status: s,
    meaning: meaning[s],
    exceptions: s === 'amber' && exceptions.length > 0 ? `Indicators with their own amber band (the row gives the reason): ${exceptions.join('; ')}.` : null,
  }));
}

const TREND_MEANING: Record<Direction, string> = {
  improving: 'performance is better than in the period compared with, whichever way the figure moved',
  declining: 'performance is worse than in the period compared with',
  unchanged: 'no change at the decimal places reported',
};

/** The key printed once beside the dashboard, instead of repeating jargon in every row. */
export function paperKey(config: Config, kpis: readonly Kpi[], benchmarkGroups: string[]): KeyView {
  return {
    statuses: raggKey(config.ragg, kpis),
    trends: (Object.keys(TREND_LABEL) as Direction[]).map((d) => ({ arrow: TREND_LABEL[d].arrow, word: TREND_LABEL[d].word, meaning: TREND_MEANING[d] })),
    variation: VARIATION_KEY,
    assurance: ASSURANCE_KEY,
    benchmarkGroups,
  };
}
