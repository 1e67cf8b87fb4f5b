/**
 * The ticks of a chart's value axis: round numbers a reader can read a point's value against.
 * Steps are 1, 2, 2.5 or 5 times a power of ten, and the axis runs from the last tick at or below
 * the lowest value to the first at or above the highest, so the gridlines frame every point.
 *
 * A line chart shows change, so its axis spans the figures rather than starting at zero; the
 * labelled ticks say where it starts, which is what keeps the picture honest.
 */

const MANTISSAS = [1, 2, 2.5, 5] as const;
const MIN_TICKS = 3;
const MAX_TICKS = 6;

interface Step {
  size: number;
  /** Decimal places the step's multiples need: 2.5 needs one more than its power of ten. */
  decimals: number;
}

function stepsFrom(exponent: number): Step[] {
  return MANTISSAS.map((m) => ({
    size: m * 10 ** exponent,
    decimals: Math.max(0, -exponent + (m === 2.5 ? 1 : 0)),
  }));
}

/** k × step, rounded to the step's own decimals so 0.1 × 3 is 0.3, not 0.30000000000000004. */
function multiple(k: number, step: Step): number {
  const v = Number((k * step.size).toFixed(step.decimals));
  return Object.is(v, -0) ? 0 : v;
}

/**
 * A flat series (or a single figure) has no spread to frame, so its axis runs a tenth of its
 * order of magnitude beyond it, towards zero (a flat 100% at one place gets 90% to 100%, never a 110% tick),
 * or both ways for a flat zero.
 */
function spread(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  const size = Math.abs(lo);
  if (size === 0) return [-1, 1];
  const pad = 10 ** Math.floor(Math.log10(size)) / 10;
  return lo > 0 ? [lo - pad, hi] : [lo, hi + pad];
}

/**
 * The ticks for figures from `lo` to `hi`, printed to `decimals` places. No step is finer than
 * the figures are printed, so every tick label is exact in the KPI's own format (a step of 2.5
 * needs one decimal place). Where even the finest such step leaves fewer than three ticks, ticks
 * are added on the side with less room, never below zero for figures that are all at or above it.
 */
export function niceTicks(lo: number, hi: number, decimals: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) throw new RangeError(`no axis for ${lo} to ${hi}`);
  const [a, b] = spread(lo, hi);
  const start = Math.floor(Math.log10((b - a) / MAX_TICKS)) - 1;
  let chosen: { step: Step; from: number; to: number } | null = null;
  for (let e = start; chosen === null; e++) {
    for (const step of stepsFrom(e)) {
      if (step.decimals > decimals) continue;
      // A hair of tolerance, so a figure that is a multiple of the step is its own tick.
      const from = Math.floor(a / step.size + 1e-9);
      const to = Math.ceil(b / step.size - 1e-9);
      if (to - from + 1 <= MAX_TICKS) {
        chosen = { step, from, to };
        break;
      }
    }
  }
  let { from, to } = chosen;
  const { step } = chosen;
  while (to - from + 1 < MIN_TICKS) {
    const roomBelow = a - from * step.size;
    const roomAbove = to * step.size - b;
    const mayGoBelow = lo < 0 || multiple(from - 1, step) >= 0;
    if (mayGoBelow && roomBelow <= roomAbove) from -= 1;
    else to += 1;
  }
  const ticks: number[] = [];
  for (let k = from; k <= to; k++) ticks.push(multiple(k, step));
  return ticks;
}

export interface PeriodLabel {
  index: number;
  /** The label's centre: under its point, or moved in just enough to stay inside the picture. */
  x: number;
}

/**
 * Which periods are named under the chart, and where: always the first and the last, and between
 * them every k-th period, for the smallest k whose labels clear each other and the last by a gap.
 * `xs` are the points' positions; every label is taken to be `labelWidth` wide and is kept between
 * `minX` and `maxX`, so an end label moves in from the edge rather than being cut off.
 */
export function periodLabels(xs: number[], labelWidth: number, minX: number, maxX: number, gap = 8): PeriodLabel[] {
  const half = labelWidth / 2;
  const centre = (index: number): PeriodLabel => ({ index, x: Math.min(Math.max(xs[index]!, minX + half), maxX - half) });
  if (xs.length <= 1) return xs.length === 1 ? [centre(0)] : [];
  const first = centre(0);
  const last = centre(xs.length - 1);
  const clear = (a: PeriodLabel, b: PeriodLabel) => b.x - a.x >= labelWidth + gap;
  for (let k = 1; k < xs.length - 1; k++) {
    const between: PeriodLabel[] = [];
    for (let i = k; i < xs.length - 1; i += k) between.push(centre(i));
    const spaced = [first, ...between].every((l, j, all) => j === 0 || clear(all[j - 1]!, l));
    if (!spaced) continue;
    return [first, ...between.filter((l) => clear(l, last)), last];
  }
  // Only the two ends, and the last only where it clears the first.
  return clear(first, last) ? [first, last] : [first];
}
