import { computeStatus, summarise, type KpiStatus, type StatusSummary } from '../core/status.js';
import type { Status } from '../core/ragg.js';
import { formatPeriod, type Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';
import type { DataTable } from './open-data.js';
import { SERIES_FIELDS } from './open-data-tables.js';
import type { FigureStyle } from '../core/figures.js';
import { controlChart, SITE_CHART_NARROW, SITE_CHART_WIDE, type ControlChartInput } from './svg.js';
import { figureText, statusText, styleOf, trendText, unitTitle } from './labels.js';

/**
 * One published quarter's pages (an edition): home, a page per priority, a page per KPI with its
 * CSV, and how we measure, all from the workspace as it stood when that quarter's papers went
 * out. The latest edition is the site's front; every edition also lives under archive/QUARTER/.
 * Every string is ready to print; templates only lay it out.
 */
export interface SitePage {
  /** Path inside the site, e.g. `kpi/HSG01.html`; links are made relative to it. */
  path: string;
  template: string;
  view: Record<string, unknown>;
}

export interface Edition {
  workspace: Workspace;
  period: Period;
}

/** What every page's layout needs, apart from where the page is. */
export interface PageCommon {
  organisation: string;
  /** What the organisation calls its plan (prf.yaml plan:), e.g. "Council Plan". */
  plan: string;
  periodTitle: string;
  licence: { title: string; path: string };
  /** What one edition is, in words: a quarter, or a year for a workspace of annual measures. */
  every: EditionWords;
}

export interface EditionWords {
  one: string;
  many: string;
  One: string;
}

/**
 * Editions are quarters, or years where only a year's papers are published (annual measures);
 * a site with both (annual measures first, quarterly papers later) calls them periods.
 */
export function editionWords(periods: readonly Period[]): EditionWords {
  if (periods.every((p) => p.kind === 'year')) return { one: 'year', many: 'years', One: 'Year' };
  if (periods.every((p) => p.kind === 'quarter')) return { one: 'quarter', many: 'quarters', One: 'Quarter' };
  return { one: 'period', many: 'periods', One: 'Period' };
}

// N/A comes last and is counted apart: a measure that does not apply is neither on nor off target.
const STATUS_ORDER: Status[] = ['red', 'amber', 'green', 'grey', 'missing', 'na'];

export function countsRows(s: StatusSummary): Array<{ status: Status; label: string; count: number }> {
  return STATUS_ORDER.map((status) => ({ status, label: statusText(status), count: s[status] }));
}

/** `../` enough times to reach the site's root from `path`. */
export function rootOf(path: string): string {
  const depth = path.split('/').length - 1;
  return depth === 0 ? '' : '../'.repeat(depth);
}

/**
 * Where a page is: `root` leads to its edition's root (the site's, or archive/QUARTER/), and
 * `siteRoot` to the site's, for the pages every edition shares (home, archive, accessibility).
 */
export function placeOf(path: string, base: string): { root: string; siteRoot: string } {
  const siteRoot = rootOf(path);
  return { root: `${siteRoot}${base}`, siteRoot };
}

const safeName = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

export function kpiPagePath(id: string): string {
  return `kpi/${safeName(id)}.html`;
}

/** A quarter's address in the archive, e.g. `archive/2025-26-Q3/`. */
export function archiveBase(periodName: string): string {
  return `archive/${periodName}/`;
}

/** A KPI's charted figures, as its CSV and as rows of the package's `figures` table. */
export function seriesRows(k: KpiStatus): Array<Array<string | number | null>> {
  return k.series.map((p) => [k.id, p.periodName, p.value, k.unit]);
}

/** Only committee-level KPIs are published; service and tracking measures stay internal. */
export function publishedKpis(edition: Edition): KpiStatus[] {
  return computeStatus(edition.workspace, edition.period).kpis.filter((k) => k.level === 'kpi');
}

/** A status explanation, written to follow a status word, as a sentence of its own. */
function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function kpiLine(k: KpiStatus, root: string) {
  const style = styleOf(k);
  return {
    id: k.id,
    name: k.name,
    href: `${root}${kpiPagePath(k.id)}`,
    status: k.status,
    statusLabel: statusText(k.status),
    // A measure that does not apply has no figure to print: say so rather than show a dash.
    value: k.status === 'na' ? 'N/A' : figureText(k.value, style),
    target: figureText(k.target, style),
    trend: trendText(k.trend.previous),
  };
}

/** What the line covers: a single period is named with its figure, not counted as "1 periods". */
function seriesText(series: Array<{ period: string; value: string }>): string {
  if (series.length === 1) return `The chart shows one period, ${series[0]!.period}: ${series[0]!.value}`;
  return `The line shows ${series.length} periods from ${series[0]?.period ?? ''} to ${series.at(-1)?.period ?? ''}`;
}

/** ", ranging from the lowest figure to the highest", or nothing where there is no spread to tell. */
function rangeText(k: KpiStatus, style: FigureStyle): string {
  const present = k.series.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (present.length < 2) return '';
  const lo = figureText(Math.min(...present), style);
  const hi = figureText(Math.max(...present), style);
  return lo === hi ? `, each at ${lo}` : `, ranging from ${lo} to ${hi}`;
}

/**
 * The chart twice: laid out for a wide page and for a phone, the stylesheet showing one. A chart
 * shrunk to a phone's width would have text too small to read; the narrow layout names fewer
 * periods and keeps its text readable. The one not shown is display: none, so it is not read out.
 */
function siteChart(input: ControlChartInput, format: (v: number) => string): string {
  return `<div class="chart-wide">${controlChart(input, format, SITE_CHART_WIDE)}</div><div class="chart-narrow">${controlChart(input, format, SITE_CHART_NARROW)}</div>`;
}

function kpiPage(workspace: Workspace, k: KpiStatus, base: string, common: Record<string, unknown>): { page: SitePage; csv: DataTable } {
  const path = `${base}${kpiPagePath(k.id)}`;
  const place = placeOf(path, base);
  const entry = workspace.kpis.find((e) => e.id === k.id)!;
  const style = styleOf(k);
  const series = k.series.map((p) => ({ period: p.periodName, value: figureText(p.value, style) }));
  const points = k.series.map((p) => ({ label: p.periodName, value: p.value }));
  const chart =
    k.kind === 'measure'
      ? siteChart(
          {
            title: `${k.name}: figures by period`,
            description: `${seriesText(series)}${rangeText(k, style)}${k.target === null ? '' : `; the dashed line is the target, ${figureText(k.target, style)}`}. The same figures are in the table below.`,
            points,
            target: k.target,
            lines: null,
            unitLabel: unitTitle(style),
            decimals: style.decimals,
          },
          (v) => figureText(v, style),
        )
      : '';
  const commentary = k.commentary;
  const priority = workspace.config.priorities.find((p) => p.id === k.priority);
  return {
    page: {
      path,
      template: 'site-kpi.html',
      view: {
        ...common,
        ...place,
        title: k.name,
        kpi: {
          ...kpiLine(k, place.root),
          definition: entry.definition,
          purpose: entry.purpose,
          // The explanation is written to follow a status word; on the site it starts a sentence.
          explanation: sentence(k.explanation),
          priorityName: priority?.name ?? k.priority,
          priorityHref: `${place.root}priority/${safeName(k.priority)}.html`,
          benchmark: k.benchmark === null ? null : `Quartile ${k.benchmark.quartile} of ${k.benchmark.group} (${k.benchmark.year}); quartile 1 is the best.`,
          lastYear: trendText(k.trend.lastYear),
          targetReason: k.targetReason,
        },
        chart,
        series,
        csv: `${safeName(k.id)}.csv`,
        commentary: commentary?.overview ?? commentary?.narrative ?? null,
      },
    },
    csv: {
      name: safeName(k.id).toLowerCase(),
      path: `${base}kpi/${safeName(k.id)}.csv`,
      title: `${k.name}: figures by period`,
      description: `The figures charted on the page for ${k.id}.`,
      fields: SERIES_FIELDS,
      primaryKey: ['kpi', 'period'],
      rows: seriesRows(k),
    },
  };
}

export interface EditionOptions {
  /** '' for the site's front, `archive/QUARTER/` for the archived copy. */
  base: string;
  common: PageCommon;
  /** For the front only: the home page's list of quarters and open data links. */
  front: { published: Array<{ name: string; href: string }>; openData: Record<string, string> } | null;
}

/** One quarter's pages and chart CSVs, in a fixed order. */
export function buildEdition(edition: Edition, kpis: KpiStatus[], options: EditionOptions): { pages: SitePage[]; tables: DataTable[] } {
  const { workspace } = edition;
  const { base, front } = options;
  // An archived page says so and points at the latest figures; the front's pages need not.
  const common = { ...options.common, archived: base !== '' };
  const pages: SitePage[] = [];
  const tables: DataTable[] = [];
  const priorities = workspace.config.priorities.map((p) => {
    const mine = kpis.filter((k) => k.priority === p.id);
    return { id: p.id, name: p.name, path: `priority/${safeName(p.id)}.html`, kpis: mine, counts: summarise(mine) };
  });
  const home = `${base}index.html`;
  pages.push({
    path: home,
    template: 'site-home.html',
    view: {
      ...common,
      ...placeOf(home, base),
      title: 'How we are performing',
      counts: countsRows(summarise(kpis)),
      total: kpis.length,
      // Per priority only the statuses that occur, on one line: six tables of six rows buried the priorities.
      priorities: priorities.map((p) => ({ name: p.name, href: p.path, total: p.kpis.length, counts: countsRows(p.counts).filter((c) => c.count > 0) })),
      published: front?.published ?? null,
      openData: front?.openData ?? null,
    },
  });
  for (const p of priorities) {
    const path = `${base}${p.path}`;
    const place = placeOf(path, base);
    pages.push({
      path,
      template: 'site-priority.html',
      view: { ...common, ...place, title: p.name, counts: countsRows(p.counts), kpis: p.kpis.map((k) => kpiLine(k, place.root)) },
    });
  }
  for (const k of kpis) {
    const { page, csv } = kpiPage(workspace, k, base, common);
    pages.push(page);
    tables.push(csv);
  }
  const measure = `${base}how-we-measure.html`;
  pages.push({
    path: measure,
    template: 'site-measure.html',
    view: {
      ...common,
      ...placeOf(measure, base),
      title: 'How we measure',
      kpis: kpis.map((k) => {
        const e = workspace.kpis.find((x) => x.id === k.id)!;
        return {
          ...kpiLine(k, placeOf(measure, base).root),
          definition: e.definition,
          method: e.kind === 'measure' ? e.formula : null,
          source: e.kind === 'measure' ? e.source.system : null,
          frequency: e.frequency,
        };
      }),
    },
  });
  return { pages, tables };
}

export function editionName(edition: Edition): string {
  return formatPeriod(edition.period);
}
