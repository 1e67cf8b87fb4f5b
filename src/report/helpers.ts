import { formatFigure, type FigureStyle } from '../core/figures.js';
import type { Status } from '../core/ragg.js';
import type { KpiStatus } from '../core/status.js';
import type { Direction } from '../core/trend.js';

type Env = typeof import('handlebars');

/** Status in words and a symbol as well as colour, so it survives greyscale print and screen readers. */
export const STATUS_LABEL: Record<Status, { symbol: string; word: string }> = {
  red: { symbol: '✖', word: 'Red' },
  amber: { symbol: '▲', word: 'Amber' },
  green: { symbol: '✔', word: 'Green' },
  grey: { symbol: '●', word: 'Grey' },
  missing: { symbol: '?', word: 'Missing data' },
};

/** Arrows show the direction of performance, not of the number: up is better for either polarity. */
export const TREND_LABEL: Record<Direction, { arrow: string; word: string }> = {
  improving: { arrow: '↑', word: 'improving' },
  declining: { arrow: '↓', word: 'declining' },
  unchanged: { arrow: '→', word: 'unchanged' },
};

export function statusText(status: Status): string {
  const l = STATUS_LABEL[status];
  return `${l.symbol} ${l.word}`;
}

export function trendText(direction: Direction | null): string {
  if (direction === null) return '–';
  const l = TREND_LABEL[direction];
  return `${l.arrow} ${l.word}`;
}

/** How a status line's figures are printed: its unit, unit label and decimal places. */
export function styleOf(k: Pick<KpiStatus, 'unit' | 'unitLabel' | 'decimals'>): FigureStyle {
  return { unit: k.unit ?? 'number', unitLabel: k.unitLabel ?? undefined, decimals: k.decimals ?? 0 };
}

export function figureText(value: number | null, style: FigureStyle): string {
  return value === null ? '–' : formatFigure(value, style);
}

export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The helpers every template may use. Helpers that build HTML escape what they are given and
 * return SafeStrings; their `*Text` twins give plain text for Markdown and spreadsheets.
 */
export function registerHelpers(env: Env): void {
  const esc = env.Utils.escapeExpression;
  env.registerHelper('figure', (value: number | null, style: FigureStyle) => figureText(value, style));
  env.registerHelper('percent', (share: number) => percentText(share));
  env.registerHelper('statusText', (status: Status) => statusText(status));
  env.registerHelper('badge', (status: Status) => {
    const l = STATUS_LABEL[status];
    return new env.SafeString(`<span class="badge badge-${esc(status)}"><span aria-hidden="true">${l.symbol}</span> ${esc(l.word)}</span>`);
  });
  env.registerHelper('trendText', (direction: Direction | null) => trendText(direction));
  env.registerHelper('trend', (direction: Direction | null) => {
    if (direction === null) return new env.SafeString('<span class="trend"><span aria-hidden="true">–</span><span class="visually-hidden">no comparison</span></span>');
    const l = TREND_LABEL[direction];
    return new env.SafeString(`<span class="trend trend-${direction}"><span aria-hidden="true">${l.arrow}</span> ${l.word}</span>`);
  });
  env.registerHelper('present', (value: unknown) => value !== null && value !== undefined);
  env.registerHelper('sum', (...args: unknown[]) => args.slice(0, -1).reduce<number>((a, b) => a + Number(b), 0));
  env.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('plural', (n: number, one: string, many: string) => (n === 1 ? one : many));
}
