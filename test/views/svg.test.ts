import { describe, expect, it } from 'vitest';
import { formatFigure, type FigureStyle } from '../../src/core/figures.js';
import { unitTitle } from '../../src/views/labels.js';
import {
  controlChart,
  PAPER_CHART,
  SITE_CHART_NARROW,
  SITE_CHART_WIDE,
  sharedUnitWords,
  spreadLabels,
  type ChartLayout,
  type ControlChartInput,
} from '../../src/views/svg.js';

/*
 * The control chart's value axis, read back from the SVG: its ticks and title, and that no two
 * pieces of text are drawn over each other, in each layout the papers and the site use.
 */

interface Text {
  cls: string;
  x: number;
  y: number;
  anchor: string;
  size: number;
  text: string;
}

function texts(svg: string): Text[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1]!)?.[1];
    return {
      cls: attr('class') ?? '',
      x: Number(attr('x')),
      y: Number(attr('y')),
      anchor: attr('text-anchor') ?? 'start',
      size: Number(attr('font-size')),
      text: m[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"),
    };
  });
}

/** A text's box, as wide as Arial's widest average character allows (0.6 of its size). */
function box(t: Text): { x1: number; x2: number; y1: number; y2: number } {
  const w = t.text.length * t.size * 0.6;
  const x1 = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
  return { x1, x2: x1 + w, y1: t.y - t.size * 0.8, y2: t.y + t.size * 0.2 };
}

const overlaps = (a: Text, b: Text) => {
  const p = box(a);
  const q = box(b);
  return p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;
};

function collisions(svg: string): string[] {
  const all = texts(svg);
  const out: string[] = [];
  all.forEach((a, i) => all.slice(i + 1).forEach((b) => overlaps(a, b) && out.push(`"${a.text}" meets "${b.text}"`)));
  return out;
}

function viewBoxWidth(svg: string): number {
  return Number(/viewBox="0 0 (\d+) /.exec(svg)![1]);
}

const pct: FigureStyle = { unit: 'percentage', decimals: 1 };
const quarters = [
  '2022-23-Q3',
  '2022-23-Q4',
  '2023-24-Q1',
  '2023-24-Q2',
  '2023-24-Q3',
  '2023-24-Q4',
  '2024-25-Q1',
  '2024-25-Q2',
  '2024-25-Q3',
  '2024-25-Q4',
  '2025-26-Q1',
  '2025-26-Q2',
  '2025-26-Q3',
];

/** Target and limits each within a hair of a tick (90, 92, 94...), and the mean close to the target. */
const crowded: ControlChartInput = {
  title: 'HC-01 Rent collected: recent figures',
  description: 'Figures by quarter.',
  points: quarters.map((label, i) => ({ label, value: 91 + (i % 4) * 0.7 })),
  target: 92.1,
  lines: { mean: 92.0, upperLimit: 94.05, lowerLimit: 89.95 },
  unitLabel: unitTitle(pct),
  decimals: 1,
};

const chart = (input: ControlChartInput, style: FigureStyle, layout?: ChartLayout) => controlChart(input, (v) => formatFigure(v, style), layout);

describe('controlChart value axis', () => {
  it('labels round-number ticks in the KPI format, with gridlines, and names the unit above the axis', () => {
    const svg = chart(crowded, pct);
    const ticks = texts(svg).filter((t) => t.cls === 'tick');
    expect(ticks.map((t) => t.text)).toEqual(['88.0%', '90.0%', '92.0%', '94.0%', '96.0%']);
    expect((svg.match(/<line class="grid"/g) ?? []).length).toBe(ticks.length);
    // Higher values are higher on the page, evenly spaced.
    const ys = ticks.map((t) => t.y);
    ys.slice(1).forEach((y, i) => expect(ys[i]! - y).toBeCloseTo(ys[0]! - ys[1]!, 0));
    expect(texts(svg).find((t) => t.cls === 'axis-title')?.text).toBe('Per cent (%)');
    expect(
      texts(svg)
        .filter((t) => t.cls === 'line-label')
        .map((t) => t.text),
    ).toEqual(['UPL 94.1%', 'LPL 90.0%', 'mean 92.0%', 'target 92.1%']);
  });

  it('draws no two labels over each other, in the left gutter or anywhere, in every layout', () => {
    for (const layout of [PAPER_CHART, SITE_CHART_WIDE, SITE_CHART_NARROW]) {
      const svg = chart(crowded, pct, layout);
      expect(collisions(svg), `${layout.width} wide`).toEqual([]);
      const all = texts(svg);
      const left = Math.min(...all.filter((t) => t.cls === 'tick').map((t) => t.x));
      // Beside the plot, that is, leaving out the title above it and the periods and key below.
      const gutter = all.filter((t) => box(t).x1 < left && !['period', 'axis-title', 'key'].includes(t.cls));
      expect(gutter.every((t) => t.cls === 'tick')).toBe(true);
      const sorted = gutter.map((t) => t.y).sort((a, b) => a - b);
      sorted.slice(1).forEach((y, i) => expect(y - sorted[i]!, `${layout.width} wide`).toBeGreaterThanOrEqual(layout.font));
      // Nothing is cut off at either side of the picture.
      for (const t of all) {
        expect(box(t).x1, `${t.text} in ${layout.width}`).toBeGreaterThanOrEqual(0);
        expect(box(t).x2, `${t.text} in ${layout.width}`).toBeLessThanOrEqual(viewBoxWidth(svg));
      }
    }
  });

  it('keeps the line labels apart, in order, when the target sits on the mean', () => {
    const svg = chart({ ...crowded, target: 92.0 }, pct);
    const labels = texts(svg).filter((t) => t.cls === 'line-label');
    const byY = [...labels].sort((a, b) => a.y - b.y).map((t) => t.text.split(' ')[0]);
    expect(byY[0]).toBe('UPL');
    expect(byY.at(-1)).toBe('LPL');
    expect(collisions(svg)).toEqual([]);
  });

  it('gives a chart with no target and no limits numbers on its vertical', () => {
    const money: FigureStyle = { unit: 'currency', decimals: 0 };
    const svg = chart(
      {
        ...crowded,
        points: quarters.map((label, i) => ({ label, value: 1_020_000 + i * 31_000 })),
        target: null,
        lines: null,
        unitLabel: unitTitle(money),
        decimals: 0,
      },
      money,
    );
    expect(
      texts(svg)
        .filter((t) => t.cls === 'tick')
        .map((t) => t.text),
    ).toEqual(['£1,000,000', '£1,100,000', '£1,200,000', '£1,300,000', '£1,400,000']);
    expect(texts(svg).find((t) => t.cls === 'axis-title')?.text).toBe('Pounds (£)');
    expect(svg).not.toContain('line-label');
    expect(collisions(svg)).toEqual([]);
  });

  it('drops a long unit from the labels where it would squeeze the plot, and only then, as the title names it', () => {
    const fte: FigureStyle = { unit: 'days', decimals: 2, unitLabel: 'days per FTE' };
    const input: ControlChartInput = {
      ...crowded,
      points: quarters.map((label, i) => ({ label, value: 2.7 + (i % 5) * 0.15 })),
      target: 2.89,
      lines: null,
      unitLabel: unitTitle(fte),
      decimals: 2,
    };
    const narrow = chart(input, fte, SITE_CHART_NARROW);
    expect(texts(narrow).find((t) => t.cls === 'axis-title')?.text).toBe('days per FTE');
    expect(texts(narrow).filter((t) => t.cls === 'tick')[0]?.text).toBe('2.60');
    expect(texts(narrow).find((t) => t.cls === 'line-label')?.text).toBe('target 2.89');
    expect(collisions(narrow)).toEqual([]);
    const wide = chart(input, fte, PAPER_CHART);
    expect(texts(wide).filter((t) => t.cls === 'tick')[0]?.text).toBe('2.60 days per FTE');
    expect(texts(wide).find((t) => t.cls === 'line-label')?.text).toBe('target 2.89 days per FTE');
    // With no title to name the unit, the labels keep it, squeezed or not.
    expect(texts(chart({ ...input, unitLabel: null }, fte, SITE_CHART_NARROW)).filter((t) => t.cls === 'tick')[0]?.text).toBe('2.60 days per FTE');
  });

  it('names the first and last periods always, and others only where they fit', () => {
    const periods = (layout: ChartLayout) =>
      texts(chart(crowded, pct, layout))
        .filter((t) => t.cls === 'period')
        .map((t) => t.text);
    for (const layout of [PAPER_CHART, SITE_CHART_NARROW]) {
      const named = periods(layout);
      expect(named[0]).toBe(quarters[0]);
      expect(named.at(-1)).toBe(quarters.at(-1));
    }
    expect(periods(PAPER_CHART).length).toBeGreaterThan(periods(SITE_CHART_NARROW).length);
  });

  it('has no title where a bare number has no unit, and a flat series still gets an axis around it', () => {
    const plain: FigureStyle = { unit: 'number', decimals: 0 };
    const svg = chart(
      { ...crowded, points: quarters.map((label) => ({ label, value: 5 })), target: null, lines: null, unitLabel: unitTitle(plain), decimals: 0 },
      plain,
    );
    expect(svg).not.toContain('axis-title');
    expect(
      texts(svg)
        .filter((t) => t.cls === 'tick')
        .map((t) => t.text),
    ).toEqual(['4', '5', '6']);
  });

  it('gives each layout of one chart its own ids, so both can share a page', () => {
    const ids = [SITE_CHART_WIDE, SITE_CHART_NARROW].flatMap((l) => [...chart(crowded, pct, l).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is the same bytes for the same figures', () => {
    expect(chart(crowded, pct)).toBe(chart(structuredClone(crowded), pct));
  });
});

describe('unitTitle', () => {
  it.each([
    [{ unit: 'percentage', decimals: 1 }, 'Per cent (%)'],
    [{ unit: 'currency', decimals: 0, unitLabel: '£' }, 'Pounds (£)'],
    [{ unit: 'days', decimals: 1 }, 'Days'],
    [{ unit: 'days', decimals: 1, unitLabel: 'days per FTE' }, 'days per FTE'],
    [{ unit: 'rate', decimals: 2, unitLabel: 'per 1,000 homes' }, 'Rate per 1,000 homes'],
    [{ unit: 'number', decimals: 0, unitLabel: 'kg per household' }, 'kg per household'],
    [{ unit: 'number', decimals: 0 }, null],
  ] as Array<[FigureStyle, string | null]>)('%o → %s', (style, title) => {
    expect(unitTitle(style)).toBe(title);
  });
});

describe('spreadLabels', () => {
  it('leaves labels that are apart where they are, and pushes close ones apart in order, inside the bounds', () => {
    expect(spreadLabels([50, 100, 150], 11, 0, 200)).toEqual([50, 100, 150]);
    expect(spreadLabels([100, 95, 100], 11, 0, 200)).toEqual([106, 95, 117]);
    expect(spreadLabels([198, 199, 200], 11, 0, 200)).toEqual([178, 189, 200]);
  });
});

describe('sharedUnitWords', () => {
  it.each([
    [['2.80 days per FTE', '3.00 days per FTE'], ' days per FTE'],
    [['1.5 per 1,000 homes', '2.0 per 1,000 homes'], ' per 1,000 homes'],
    [['-1.0 days', '0.0 days'], ' days'],
    [['90.0%', '95.0%'], ''],
    [['£1,000,000', '£2,000,000'], ''],
    [['1', '2'], ''],
    [['1 day', '2 days'], ''],
  ])('%o → "%s"', (labels, words) => {
    expect(sharedUnitWords(labels)).toBe(words);
  });
});
