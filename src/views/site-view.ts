import { computeStatus, summarise, type KpiStatus, type StatusSummary } from '../core/status.js';
import type { Status } from '../core/ragg.js';
import { formatPeriod, type Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';
import { controlChart } from './svg.js';
import { figureText, statusText, styleOf, trendText } from './labels.js';

/**
 * The public website's pages as plain data: built from the workspace as it stood when the
 * latest published paper went out, so the site shows only figures a committee has already seen.
 * Every string is ready to print; templates only lay it out.
 */
export interface SitePage {
  /** Path inside the site, e.g. `kpi/HSG01.html`; links are made relative to it. */
  path: string;
  template: string;
  view: Record<string, unknown>;
}

export interface SiteFile {
  path: string;
  data: string;
}

export interface SiteInput {
  workspace: Workspace;
  /** The latest published quarter: the figures shown. */
  period: Period;
  /** Every published quarter, oldest first. */
  published: string[];
  licence: { name: string; url: string };
}

// N/A comes last and is counted apart: a measure that does not apply is neither on nor off target.
const STATUS_ORDER: Status[] = ['red', 'amber', 'green', 'grey', 'missing', 'na'];

function countsRows(s: StatusSummary): Array<{ status: Status; label: string; count: number }> {
  return STATUS_ORDER.map((status) => ({ status, label: statusText(status), count: s[status] }));
}

/** `../` enough times to reach the site's root from `path`. */
function rootOf(path: string): string {
  const depth = path.split('/').length - 1;
  return depth === 0 ? '' : '../'.repeat(depth);
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const safeName = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

export function kpiPagePath(id: string): string {
  return `kpi/${safeName(id)}.html`;
}

function kpiCsvPath(id: string): string {
  return `kpi/${safeName(id)}.csv`;
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

function kpiPage(input: SiteInput, k: KpiStatus, periodTitle: string): { page: SitePage; csv: SiteFile } {
  const workspace = input.workspace;
  const path = kpiPagePath(k.id);
  const root = rootOf(path);
  const entry = workspace.kpis.find((e) => e.id === k.id)!;
  const style = styleOf(k);
  const series = k.series.map((p) => ({ period: p.periodName, value: figureText(p.value, style) }));
  const points = k.series.map((p) => ({ label: p.periodName, value: p.value }));
  const chart =
    k.kind === 'measure'
      ? controlChart(
          {
            title: `${k.name}: figures by period`,
            description: `The line shows ${series.length} periods from ${series[0]?.period ?? ''} to ${series.at(-1)?.period ?? ''}${k.target === null ? '' : `; the dashed line is the target, ${figureText(k.target, style)}`}. The same figures are in the table below.`,
            points,
            target: k.target,
            lines: null,
          },
          (v) => figureText(v, style),
        )
      : '';
  const rows = [['kpi', 'period', 'value', 'unit'], ...k.series.map((p) => [k.id, p.periodName, p.value === null ? '' : String(p.value), k.unit ?? ''])];
  const commentary = k.commentary;
  const priority = workspace.config.priorities.find((p) => p.id === k.priority);
  return {
    page: {
      path,
      template: 'site-kpi.html',
      view: {
        root,
        title: k.name,
        periodTitle,
        kpi: {
          ...kpiLine(k, root),
          definition: entry.definition,
          purpose: entry.purpose,
          // The explanation is written to follow a status word; on the site it starts a sentence.
          explanation: k.explanation.charAt(0).toUpperCase() + k.explanation.slice(1),
          priorityName: priority?.name ?? k.priority,
          priorityHref: `${root}priority/${safeName(k.priority)}.html`,
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
    csv: { path: kpiCsvPath(k.id), data: csv(rows) },
  };
}

/** Every page and CSV of the site, in a fixed order. */
export function buildSite(input: SiteInput): { pages: SitePage[]; files: SiteFile[] } {
  const { workspace, period } = input;
  const periodName = formatPeriod(period);
  const periodTitle = periodName;
  const report = computeStatus(workspace, period);
  // Only committee-level KPIs are published; service and tracking measures stay internal.
  const kpis = report.kpis.filter((k) => k.level === 'kpi');
  const common = { organisation: workspace.config.organisation, periodTitle, licence: input.licence };
  const pages: SitePage[] = [];
  const files: SiteFile[] = [];
  const priorities = workspace.config.priorities.map((p) => {
    const mine = kpis.filter((k) => k.priority === p.id);
    return { id: p.id, name: p.name, path: `priority/${safeName(p.id)}.html`, kpis: mine, counts: summarise(mine) };
  });
  pages.push({
    path: 'index.html',
    template: 'site-home.html',
    view: {
      ...common,
      root: '',
      title: 'How we are performing',
      counts: countsRows(summarise(kpis)),
      total: kpis.length,
      priorities: priorities.map((p) => ({ name: p.name, href: p.path, total: p.kpis.length, counts: countsRows(p.counts) })),
      published: [...input.published].reverse(),
    },
  });
  for (const p of priorities) {
    const root = rootOf(p.path);
    pages.push({
      path: p.path,
      template: 'site-priority.html',
      view: { ...common, root, title: p.name, counts: countsRows(p.counts), kpis: p.kpis.map((k) => kpiLine(k, root)) },
    });
  }
  for (const k of kpis) {
    const { page, csv: data } = kpiPage(input, k, periodTitle);
    pages.push({ ...page, view: { ...common, ...page.view } });
    files.push(data);
  }
  pages.push({
    path: 'how-we-measure.html',
    template: 'site-measure.html',
    view: {
      ...common,
      root: '',
      title: 'How we measure',
      kpis: kpis.map((k) => {
        const e = workspace.kpis.find((x) => x.id === k.id)!;
        return {
          ...kpiLine(k, ''),
          definition: e.definition,
          method: e.kind === 'measure' ? e.formula : null,
          source: e.kind === 'measure' ? e.source.system : null,
          frequency: e.frequency,
        };
      }),
    },
  });
  pages.push({ path: 'accessibility.html', template: 'site-accessibility.html', view: { ...common, root: '', title: 'Accessibility statement' } });
  return { pages, files };
}
