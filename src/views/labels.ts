import { formatFigure, type FigureStyle } from '../core/figures.js';
import type { Status } from '../core/ragg.js';
import type { KpiStatus } from '../core/status.js';
import type { Direction } from '../core/trend.js';

/** Status in words and a symbol as well as colour, so it survives greyscale print and screen readers. */
export const STATUS_LABEL: Record<Status, { symbol: string; word: string }> = {
  red: { symbol: '✖', word: 'Red' },
  amber: { symbol: '▲', word: 'Amber' },
  green: { symbol: '✔', word: 'Green' },
  grey: { symbol: '●', word: 'Grey' },
  missing: { symbol: '?', word: 'Missing data' },
  na: { symbol: '⊘', word: 'N/A' },
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
 * The unit in words, written above a chart's value axis (the tick labels carry the symbol too).
 * A bare number with no unit label has nothing to add, so its axis has no title.
 */
export function unitTitle(style: FigureStyle): string | null {
  // A council's own label is written as it gave it: "kg per household" keeps its small k.
  const label = style.unitLabel ?? null;
  switch (style.unit) {
    case 'percentage':
      return 'Per cent (%)';
    case 'currency':
      return 'Pounds (£)';
    case 'days':
      return label ?? 'Days';
    case 'rate':
      return label ? `Rate ${label}` : 'Rate';
    default:
      return label;
  }
}
