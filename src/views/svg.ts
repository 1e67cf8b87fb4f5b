/**
 * Charts as inline SVG strings: papers must read offline, with no script, and print. Every chart
 * carries a text title and description so a screen reader gets what the picture shows. Numbers
 * are written with fixed decimals so the same data always gives the same bytes.
 */

import { niceTicks, periodLabels } from './axis.js';

export interface ChartPoint {
  label: string;
  value: number | null;
  /** A special-cause point, drawn with a distinct shape as well as colour. */
  signal?: 'improvement' | 'concern' | 'neither' | null;
}

export interface ControlLines {
  mean: number;
  upperLimit: number;
  lowerLimit: number;
  /** The index of the first point the lines describe (the current process's first); default 0. */
  from?: number;
}

/** A recorded process change, drawn as a vertical line before the point it first applies to. */
export interface ChartChange {
  index: number;
  label: string;
}

const f = (x: number) => x.toFixed(1);

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function scale(values: number[], top: number, bottom: number): (v: number) => number {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) {
    // A flat series sits mid-height rather than dividing by zero.
    hi += 1;
    lo -= 1;
  }
  return (v) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
}

/** Polyline runs between gaps: a missing figure breaks the line rather than being bridged. */
function segments(points: Array<{ x: number; y: number } | null>): string[] {
  const out: string[] = [];
  let run: string[] = [];
  for (const p of points) {
    if (p === null) {
      if (run.length > 1) out.push(run.join(' '));
      run = [];
    } else run.push(`${f(p.x)},${f(p.y)}`);
  }
  if (run.length > 1) out.push(run.join(' '));
  return out;
}

/** A small line of the recent series for dashboard rows. `description` is read out instead. */
export function sparkline(points: ChartPoint[], description: string, width = 96, height = 24): string {
  const present = points.filter((p) => p.value !== null).map((p) => p.value!);
  if (present.length < 2) return '';
  const y = scale(present, 3, height - 3);
  const step = (width - 6) / Math.max(points.length - 1, 1);
  const xy = points.map((p, i) => (p.value === null ? null : { x: 3 + i * step, y: y(p.value) }));
  const last = xy.filter((p) => p !== null).at(-1)!;
  const lines = segments(xy).map((pts) => `<polyline points="${pts}" fill="none" stroke="currentColor" stroke-width="1.5"/>`);
  return (
    `<svg class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(description)}">` +
    `${lines.join('')}<circle cx="${f(last.x)}" cy="${f(last.y)}" r="2.5" fill="currentColor"/></svg>`
  );
}

export interface ControlChartInput {
  title: string;
  description: string;
  points: ChartPoint[];
  target: number | null;
  lines: ControlLines | null;
  changes?: ChartChange[];
  /** The unit in words ("Per cent", "Days"), written above the value axis; null for a bare number. */
  unitLabel: string | null;
  /** The places the figures are printed to: no axis step is finer, so every tick label is exact. */
  decimals: number;
}

type Signal = 'improvement' | 'concern' | 'neither';

/** Making Data Count colours (blue improvement, orange concern, purple neither), each with its own shape. */
export const SIGNAL_SHAPE: Record<Signal, { shape: string; colour: string; words: string }> = {
  improvement: { shape: 'diamond', colour: '#005eb8', words: 'special cause, improvement' },
  concern: { shape: 'square', colour: '#b35900', words: 'special cause, concern' },
  neither: { shape: 'triangle', colour: '#7c2855', words: 'special cause, neither better nor worse' },
};

const SIGNAL_MARK: Record<Signal, (x: number, y: number) => string> = {
  improvement: (x, y) =>
    `<path d="M${f(x)} ${f(y - 6)} L${f(x + 6)} ${f(y)} L${f(x)} ${f(y + 6)} L${f(x - 6)} ${f(y)} Z" fill="${SIGNAL_SHAPE.improvement.colour}"/>`,
  concern: (x, y) => `<rect x="${f(x - 4.5)}" y="${f(y - 4.5)}" width="9" height="9" fill="${SIGNAL_SHAPE.concern.colour}"/>`,
  neither: (x, y) => `<path d="M${f(x)} ${f(y - 6)} L${f(x + 6)} ${f(y + 5)} L${f(x - 6)} ${f(y + 5)} Z" fill="${SIGNAL_SHAPE.neither.colour}"/>`,
};

const NORMAL_MARK = (x: number, y: number) => `<circle cx="${f(x)}" cy="${f(y)}" r="2.5" fill="#0b0c0c"/>`;

/**
 * The chart's key, drawn in the picture so it prints with it: only what the chart shows. Items
 * run left to right from `left` and wrap before `right`; returns the drawing and its row count.
 */
function legend(input: ControlChartInput, y: number, left: number, right: number, font: number): { svg: string; rows: number } {
  const items: Array<{ mark: (x: number, y: number) => string; label: string }> = [{ mark: NORMAL_MARK, label: 'figure' }];
  const line = (dash: string, stroke: string) => (x: number, yy: number) =>
    `<line x1="${f(x - 8)}" x2="${f(x + 8)}" y1="${f(yy)}" y2="${f(yy)}" stroke="${stroke}" stroke-width="1.5" stroke-dasharray="${dash}"/>`;
  if (input.target !== null) items.push({ mark: line('8 4', '#d4351c'), label: 'target' });
  if (input.lines) items.push({ mark: line('0', '#505a5f'), label: 'mean' }, { mark: line('2 3', '#505a5f'), label: 'process limits' });
  if ((input.changes ?? []).length > 0)
    items.push({
      mark: (x, yy) => `<line x1="${f(x)}" x2="${f(x)}" y1="${f(yy - 7)}" y2="${f(yy + 7)}" stroke="#4c2c92" stroke-dasharray="4 2"/>`,
      label: 'process change',
    });
  for (const signal of ['improvement', 'concern', 'neither'] as const) {
    if (input.points.some((p) => p.signal === signal)) items.push({ mark: SIGNAL_MARK[signal], label: SIGNAL_SHAPE[signal].words });
  }
  const rowHeight = font + 8;
  let x = left;
  let row = 0;
  const svg = items
    .map((it) => {
      const w = 20 + it.label.length * font * 0.56;
      if (x > left && x + w > right) {
        x = left;
        row++;
      }
      const yy = y + row * rowHeight;
      const out = `${it.mark(x + 8, yy - font * 0.4)}<text class="key" x="${f(x + 20)}" y="${f(yy)}" font-size="${font}">${escapeXml(it.label)}</text>`;
      // A clear gap before the next item's mark, so a mark never reads as part of the word before it.
      x += w + 14;
      return out;
    })
    .join('');
  return { svg, rows: row + 1 };
}

/** A chart's size: its width in the picture's own units, and the height of its text in them. */
export interface ChartLayout {
  width: number;
  font: number;
  /** Added to the chart's ids, so two layouts of one chart can share a page. */
  idSuffix: string;
}

/** The papers' chart, as it always was: 640 wide, 10-unit text. */
export const PAPER_CHART: ChartLayout = { width: 640, font: 10, idSuffix: '' };

/**
 * The public site's charts: the wide one for screens and print, the narrow one for phones, each
 * with text a little larger than the papers', so that at its size on the page the text reads at
 * about the size of a table's small print (13 units on a 340-wide chart is 11 px on a 320 px phone).
 */
export const SITE_CHART_WIDE: ChartLayout = { width: 640, font: 12, idSuffix: '' };
export const SITE_CHART_NARROW: ChartLayout = { width: 340, font: 13, idSuffix: '-narrow' };

/** Text width per character in Arial, generously: a label's box is never underestimated. */
const CHAR_PER_FONT = 0.6;

/**
 * Where the labels of the target, mean and limit lines go: `ys` are their lines' heights; labels
 * closer than a line of text are pushed apart, keeping their order, and kept between `min` and `max`.
 */
export function spreadLabels(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const at = order.map((o) => o.y);
  for (let k = 0; k < at.length; k++) at[k] = Math.max(at[k]!, k === 0 ? min : at[k - 1]! + gap);
  for (let k = at.length - 1; k >= 0; k--) at[k] = Math.min(at[k]!, k === at.length - 1 ? max : at[k + 1]! - gap);
  const out: number[] = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = at[k]!));
  return out;
}

/**
 * The series with its target and, where SPC applies, the mean and process limits, for an
 * exception page. The value axis on the left has round-number ticks with faint gridlines,
 * labelled in the KPI's own format, and the unit above it; the periods run along the bottom.
 *
 * The labels of the target, mean and limit lines stand in a gutter on the right, at the end of
 * their lines, beside the latest figure, which is the one a reader compares with them. So the
 * left gutter belongs to the axis alone: its tick labels keep their regular spacing, and no tick
 * is dropped because a target happens to sit near it.
 */
/**
 * The words after the leading number that every label ends with (" days per FTE", " per 1,000
 * homes"), or "" where they differ or there are none (a "%" or "£" is not words: it stays).
 */
export function sharedUnitWords(labels: string[]): string {
  const words = /^-?£?[\d,]+(?:\.\d+)?( .+)$/.exec(labels[0] ?? '')?.[1] ?? '';
  return words !== '' && labels.every((l) => l.endsWith(words)) ? words : '';
}

export function controlChart(input: ControlChartInput, format: (v: number) => string, layout: ChartLayout = PAPER_CHART): string {
  const values = input.points.filter((p) => p.value !== null).map((p) => p.value!);
  if (values.length === 0) return '';
  const extents = [...values];
  if (input.target !== null) extents.push(input.target);
  if (input.lines) extents.push(input.lines.upperLimit, input.lines.lowerLimit);
  const ticks = niceTicks(Math.min(...extents), Math.max(...extents), input.decimals);
  let tickText = ticks.map(format);
  const lineLabels: Array<{ value: number; cls: string; text: string; dash: string; stroke: string; from: number }> = [];
  if (input.lines) {
    const from = input.lines.from ?? 0;
    lineLabels.push(
      { value: input.lines.upperLimit, cls: 'limit', text: `UPL ${format(input.lines.upperLimit)}`, dash: '2 3', stroke: '#505a5f', from },
      { value: input.lines.lowerLimit, cls: 'limit', text: `LPL ${format(input.lines.lowerLimit)}`, dash: '2 3', stroke: '#505a5f', from },
      { value: input.lines.mean, cls: 'mean', text: `mean ${format(input.lines.mean)}`, dash: '0', stroke: '#505a5f', from },
    );
  }
  if (input.target !== null)
    lineLabels.push({ value: input.target, cls: 'target', text: `target ${format(input.target)}`, dash: '8 4', stroke: '#d4351c', from: 0 });

  const { width, font } = layout;
  const widest = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length * font * CHAR_PER_FONT));
  const top = 2 * font + 8;
  const bottom = top + 190;
  const gutters = () => ({
    left: 8 + widest(tickText) + 6,
    right: width - (lineLabels.length > 0 ? 8 + widest(lineLabels.map((l) => l.text)) + 6 : 16),
  });
  // A unit in words ("2.89 days per FTE") on every label can leave the plot a sliver on a narrow
  // chart. Then, and only where the title above the axis names the unit, the labels drop it.
  const words = sharedUnitWords(tickText);
  const squeezed = (g: { left: number; right: number }) => g.right - g.left < width / 2;
  if (input.unitLabel && words !== '' && squeezed(gutters())) {
    tickText = tickText.map((t) => t.slice(0, -words.length));
    for (const l of lineLabels) if (l.text.endsWith(words)) l.text = l.text.slice(0, -words.length);
  }
  const { left, right } = gutters();
  const lo = ticks[0]!;
  const hi = ticks.at(-1)!;
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const step = (right - left) / Math.max(input.points.length - 1, 1);
  const xy = input.points.map((p, i) => (p.value === null ? null : { x: left + i * step, y: y(p.value) }));
  const baseline = font * 0.35;

  const parts: string[] = [];
  if (input.unitLabel) parts.push(`<text class="axis-title" x="8" y="${font + 4}" font-size="${font}" font-weight="bold">${escapeXml(input.unitLabel)}</text>`);
  ticks.forEach((t, i) => {
    parts.push(
      `<line class="grid" x1="${f(left)}" x2="${f(right)}" y1="${f(y(t))}" y2="${f(y(t))}" stroke="#dfe1e2"/>`,
      `<text class="tick" x="${f(left - 6)}" y="${f(y(t) + baseline)}" text-anchor="end" font-size="${font}" fill="#505a5f">${escapeXml(tickText[i]!)}</text>`,
    );
  });
  for (const c of input.changes ?? []) {
    // Half a step before the point, so the line sits between the old process and the new.
    const x = Math.max(left, left + (c.index - 0.5) * step);
    parts.push(
      `<line class="change" x1="${f(x)}" x2="${f(x)}" y1="${top}" y2="${bottom}" stroke="#4c2c92" stroke-dasharray="4 2"><title>${escapeXml(`Process change ${c.label}`)}</title></line>`,
      `<text x="${f(x + 3)}" y="${top + font - 2}" font-size="${font}" fill="#4c2c92">change</text>`,
    );
  }
  const labelYs = spreadLabels(
    lineLabels.map((l) => y(l.value)),
    font + 1,
    top,
    bottom,
  );
  lineLabels.forEach((l, i) => {
    parts.push(
      `<line class="${l.cls}" x1="${f(left + l.from * step)}" x2="${f(right)}" y1="${f(y(l.value))}" y2="${f(y(l.value))}" stroke="${l.stroke}" stroke-dasharray="${l.dash}"/>`,
      `<text class="line-label" x="${f(right + 6)}" y="${f(labelYs[i]! + baseline)}" font-size="${font}">${escapeXml(l.text)}</text>`,
    );
  });
  parts.push(...segments(xy).map((pts) => `<polyline points="${pts}" fill="none" stroke="#0b0c0c" stroke-width="2"/>`));
  input.points.forEach((p, i) => {
    const at = xy[i];
    if (!at) return;
    parts.push(p.signal ? SIGNAL_MARK[p.signal](at.x, at.y) : NORMAL_MARK(at.x, at.y));
  });
  // A short mark under every period, so a point can be matched to its period even where unnamed.
  parts.push(`<path class="period-ticks" d="${input.points.map((_, i) => `M${f(left + i * step)} ${bottom}v4`).join('')}" stroke="#505a5f"/>`);
  const periodY = bottom + font + 8;
  const named = periodLabels(
    input.points.map((_, i) => left + i * step),
    widest(input.points.map((p) => p.label)),
    8,
    width - 8,
  );
  for (const l of named) {
    parts.push(`<text class="period" x="${f(l.x)}" y="${periodY}" font-size="${font}" text-anchor="middle">${escapeXml(input.points[l.index]!.label)}</text>`);
  }
  const key = legend(input, periodY + font + 14, 8, width - 8, font);
  parts.push(key.svg);
  const height = periodY + font + 14 + (key.rows - 1) * (font + 8) + 8;
  const id = `${chartId(input.title)}${layout.idSuffix}`;
  return (
    `<svg class="chart" width="100%" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeXml(input.title)}</title><desc id="${id}-d">${escapeXml(input.description)}</desc>` +
    `${parts.join('')}</svg>`
  );
}

function chartId(title: string): string {
  return `c-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
