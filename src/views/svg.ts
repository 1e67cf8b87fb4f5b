/**
 * Charts as inline SVG strings: papers must read offline, with no script, and print. Every chart
 * carries a text title and description so a screen reader gets what the picture shows. Numbers
 * are written with fixed decimals so the same data always gives the same bytes.
 */

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

/** The chart's key, drawn in the picture so it prints with it: only what the chart shows. */
function legend(input: ControlChartInput, y: number, left: number): string {
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
  let x = left;
  return items
    .map((it) => {
      const out = `${it.mark(x + 8, y - 4)}<text x="${f(x + 20)}" y="${f(y)}" font-size="10">${escapeXml(it.label)}</text>`;
      x += 28 + it.label.length * 5.6;
      return out;
    })
    .join('');
}

/**
 * The series with its target and, where SPC applies, the mean and process limits, for an
 * exception page. Axis labels are the first and last periods and the value range.
 */
export function controlChart(input: ControlChartInput, format: (v: number) => string): string {
  const width = 640;
  const height = 262;
  const left = 112;
  const right = width - 16;
  const top = 16;
  const bottom = height - 54;
  const values = input.points.filter((p) => p.value !== null).map((p) => p.value!);
  if (values.length === 0) return '';
  const extents = [...values];
  if (input.target !== null) extents.push(input.target);
  if (input.lines) extents.push(input.lines.upperLimit, input.lines.lowerLimit);
  const y = scale(extents, top, bottom);
  const step = (right - left) / Math.max(input.points.length - 1, 1);
  const xy = input.points.map((p, i) => (p.value === null ? null : { x: left + i * step, y: y(p.value) }));
  const hLine = (v: number, cls: string, label: string, dash: string, stroke = '#505a5f', x1: number = left) =>
    `<line class="${cls}" x1="${x1 === left ? left : f(x1)}" x2="${right}" y1="${f(y(v))}" y2="${f(y(v))}" stroke="${stroke}" stroke-dasharray="${dash}"/>` +
    `<text x="${left - 4}" y="${f(y(v) + 4)}" text-anchor="end" font-size="10">${escapeXml(label)}</text>`;
  const parts: string[] = [];
  for (const c of input.changes ?? []) {
    // Half a step before the point, so the line sits between the old process and the new.
    const x = Math.max(left, left + (c.index - 0.5) * step);
    parts.push(
      `<line class="change" x1="${f(x)}" x2="${f(x)}" y1="${top}" y2="${bottom}" stroke="#4c2c92" stroke-dasharray="4 2"><title>${escapeXml(`Process change ${c.label}`)}</title></line>`,
      `<text x="${f(x + 3)}" y="${top + 8}" font-size="10" fill="#4c2c92">change</text>`,
    );
  }
  if (input.lines) {
    const x1 = left + (input.lines.from ?? 0) * step;
    parts.push(
      hLine(input.lines.upperLimit, 'limit', `UPL ${format(input.lines.upperLimit)}`, '2 3', undefined, x1),
      hLine(input.lines.lowerLimit, 'limit', `LPL ${format(input.lines.lowerLimit)}`, '2 3', undefined, x1),
      hLine(input.lines.mean, 'mean', `mean ${format(input.lines.mean)}`, '0', undefined, x1),
    );
  }
  if (input.target !== null) parts.push(hLine(input.target, 'target', `target ${format(input.target)}`, '8 4', '#d4351c'));
  parts.push(...segments(xy).map((pts) => `<polyline points="${pts}" fill="none" stroke="#0b0c0c" stroke-width="2"/>`));
  input.points.forEach((p, i) => {
    const at = xy[i];
    if (!at) return;
    parts.push(p.signal ? SIGNAL_MARK[p.signal](at.x, at.y) : NORMAL_MARK(at.x, at.y));
  });
  const first = input.points[0]!.label;
  const last = input.points.at(-1)!.label;
  parts.push(
    `<text x="${left}" y="${bottom + 18}" font-size="10">${escapeXml(first)}</text>`,
    `<text x="${right}" y="${bottom + 18}" font-size="10" text-anchor="end">${escapeXml(last)}</text>`,
    legend(input, height - 8, 8),
  );
  return (
    `<svg class="chart" width="100%" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${chartId(input.title)}-t ${chartId(input.title)}-d">` +
    `<title id="${chartId(input.title)}-t">${escapeXml(input.title)}</title><desc id="${chartId(input.title)}-d">${escapeXml(input.description)}</desc>` +
    `${parts.join('')}</svg>`
  );
}

function chartId(title: string): string {
  return `c-${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
