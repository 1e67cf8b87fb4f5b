import type { FigureStyle } from '../core/figures.js';
import { bandRangeText, ruleFor, type RaggRule, type RuleStatus } from '../core/rule.js';
import type { Status } from '../core/ragg.js';
import type { Direction } from '../core/trend.js';
import type { Config } from '../model/config.js';
import type { Kpi } from '../model/kpi.js';
import { ASSURANCE_KEY, VARIATION_KEY } from './spc-words.js';
import { STATUS_LABEL, TREND_LABEL } from './labels.js';
import type { KeyView } from './view-types.js';

/** The shortfalls a rule gives one colour, in words; null when no band has it (or only empty ones). */
function colourWords(rule: RaggRule, status: RuleStatus, style?: FigureStyle): string | null {
  const parts = rule.bands.flatMap((b, i) => {
    const from = i === 0 ? null : (rule.bands[i - 1]!.upTo ?? null);
    // The seed's rule with no amber band is written as an amber band of width 0: it takes nothing.
    if (b.status !== status || (from !== null && b.upTo !== null && b.upTo <= from)) return [];
    return [`${b.name === null ? '' : `${b.name}: `}${bandRangeText(rule, i, style)}`];
  });
  return parts.length === 0 ? null : parts.join('; ');
}

/** "Green: on target or better; Amber: ...", without the empty bands colourWords leaves out. */
function ruleWords(rule: RaggRule, style?: FigureStyle): string {
  return RULE_ORDER.flatMap((s) => {
    const w = colourWords(rule, s, style);
    return w === null ? [] : [`${STATUS_LABEL[s].word}: ${w}`];
  }).join('; ');
}

const RULE_ORDER: RuleStatus[] = ['green', 'amber', 'red'];

/**
 * The rule behind each colour in words, from the workspace's rule (core/rule.ts, the same rule the
 * status engine applies); indicators with their own rule are listed apart (ownRulesKey).
 */
export function raggKey(ragg: Config['ragg']): Array<{ status: Status; meaning: string }> {
  const rule = ruleFor({ ragg: undefined }, ragg);
  const green = colourWords(rule, 'green') ?? 'on or better than target';
  const amber = colourWords(rule, 'amber');
  const red = colourWords(rule, 'red') ?? 'worse than target';
  const unit = rule.measure === 'absolute' ? " (in each indicator's own unit: percentage points for a percentage)" : '';
  const meaning: Record<Status, string> = {
    red: `${red}${unit}: under-performing, urgent action required`,
    amber: amber === null ? 'not used: any shortfall is red' : `${amber}${unit}: borderline, on watch`,
    green,
    grey: 'monitoring only (a tracker, no target, or information only this period), or not yet reported (an annual measure before its year end); the reason is printed in the row',
    missing: 'a figure that is due has not been provided: the row says which period',
    na: 'does not apply to this council in this period (for example no lifts, so no lift checks); never counted as on target, and the reason is printed in the row',
  };
  return (Object.keys(STATUS_LABEL) as Status[]).map((s) => ({ status: s, meaning: meaning[s] }));
}

/**
 * The indicators coloured by a rule of their own, grouped by rule in words ("Green: on target or
 * better; Red: worse than target"), so a reader sees them apart from the workspace's rule.
 */
export function ownRulesKey(ragg: Config['ragg'], kpis: readonly Kpi[]): KeyView['ownRules'] {
  const own = new Map<string, string[]>();
  for (const k of kpis) {
    if (k.kind !== 'measure' || k.ragg === undefined) continue;
    const words = ruleWords(ruleFor(k, ragg), { unit: k.unit, unitLabel: k.unitLabel, decimals: k.decimals });
    own.set(words, [...(own.get(words) ?? []), k.id]);
  }
  return [...own.entries()].map(([rule, ids]) => ({ kpis: ids.join(', '), rule }));
}

const TREND_MEANING: Record<Direction, string> = {
  improving: 'performance is better than in the period compared with, whichever way the figure moved',
  declining: 'performance is worse than in the period compared with',
  unchanged: 'no change at the decimal places reported',
};

/**
 * The own rules also as the Amber row's `exceptions`, where they were printed before they had an
 * entry of their own: a workspace template copied then still prints them, rather than dropping
 * them without a word.
 */
function withOwnRulesOnAmber(statuses: Array<{ status: Status; meaning: string }>, own: KeyView['ownRules']): KeyView['statuses'] {
  const text = own.length === 0 ? null : `Indicators with their own rule (the row gives the reason): ${own.map((o) => `${o.kpis}: ${o.rule}`).join('; ')}.`;
  return statuses.map((s) => ({ ...s, exceptions: s.status === 'amber' ? text : null }));
}

/** The key printed once beside the dashboard, instead of repeating jargon in every row. */
export function paperKey(config: Config, kpis: readonly Kpi[], benchmarkGroups: string[]): KeyView {
  const ownRules = ownRulesKey(config.ragg, kpis);
  return {
    statuses: withOwnRulesOnAmber(raggKey(config.ragg), ownRules),
    ownRules,
    trends: (Object.keys(TREND_LABEL) as Direction[]).map((d) => ({ arrow: TREND_LABEL[d].arrow, word: TREND_LABEL[d].word, meaning: TREND_MEANING[d] })),
    variation: VARIATION_KEY,
    assurance: ASSURANCE_KEY,
    benchmarkGroups,
  };
}
