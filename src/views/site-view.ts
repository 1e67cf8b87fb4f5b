import { computeStatus, summarise, type KpiStatus, type StatusSummary } from '../core/status.js';
import type { Status } from '../core/ragg.js';
import { formatPeriod, type Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';
import type { Licence } from '../model/config.js';
import { dataPackage, type DataTable } from './open-data.js';
import { INDICATOR_FIELDS, SERIES_FIELDS, STATUS_FIELDS, indicatorRow, indicatorMeta, statusRow } from './open-data-tables.js';
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

export interface SiteInput {
  workspace: Workspace;
  /** The latest published quarter: the figures shown. */
  period: Period;
  /** Every published quarter, oldest first. */
  published: string[];
  licence: Licence;
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

const safeName = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

export function kpiPagePath(id: string): string {
  return `kpi/${safeName(id)}.html`;
}

function kpiCsvPath(id: string): string {
  return `kpi/${safeName(id)}.csv`;
}

/** A KPI's charted figures, as its CSV and as rows of the package's `figures` table. */
function seriesRows(k: KpiStatus): Array<Array<string | number | null>> {
  return k.series.map((p) => [k.id, p.periodName, p.value, k.unit]);
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

function kpiPage(input: SiteInput, k: KpiStatus, periodTitle: string): { page: SitePage; csv: DataTable } {
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
    csv: {
      name: safeName(k.id).toLowerCase(),
      path: kpiCsvPath(k.id),
      title: `${k.name}: figures by period`,
      description: `The figures charted on the page for ${k.id}.`,
      fields: SERIES_FIELDS,
      primaryKey: ['kpi', 'period'],
      rows: seriesRows(k),
    },
  };
}

export interface Site {
  pages: SitePage[];
  /** Every CSV: one beside each chart, then the package's tables. */
  tables: DataTable[];
  /** The `datapackage.json` descriptor. */
  dataPackage: Record<string, unknown>;
}

export const DATA_PACKAGE_PATH = 'datapackage.json';

/** Every page and CSV of the site, in a fixed order. */
export function buildSite(input: SiteInput): Site {
  const { workspace, period } = input;
  const periodName = formatPeriod(period);
  const periodTitle = periodName;
  const report = computeStatus(workspace, period);
  // Only committee-level KPIs are published; service and tracking measures stay internal.
  const kpis = report.kpis.filter((k) => k.level === 'kpi');
  const common = { organisation: workspace.config.organisation, periodTitle, licence: input.licence };
  const pages: SitePage[] = [];
  const tables: DataTable[] = [];
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
      openData: { dataPackage: DATA_PACKAGE_PATH, indicators: 'data/indicators.csv', figures: 'data/figures.csv', statuses: 'data/statuses.csv' },
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
    tables.push(data);
  }
  const packageTables = openDataTables(input, kpis);
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
  return {
    pages,
    tables: [...tables, ...packageTables],
    dataPackage: dataPackage({
      organisation: workspace.config.organisation,
      period: periodName,
      licence: input.licence,
      tables: packageTables,
      indicators: kpis.map((k) => indicatorMeta(input.workspace, k)),
    }),
  };
}

/** The whole published dataset as three tables: the dictionary, the charted figures, the statuses. */
function openDataTables(input: SiteInput, kpis: KpiStatus[]): DataTable[] {
  const periodName = formatPeriod(input.period);
  return [
    {
      name: 'indicators',
      path: 'data/indicators.csv',
      title: 'The indicator dictionary',
      description: 'What each indicator measures, how, why, who owns it and which Council Plan priority it serves.',
      fields: INDICATOR_FIELDS,
      primaryKey: ['id'],
      rows: kpis.map((k) => indicatorRow(input.workspace, k)),
    },
    {
      name: 'figures',
      path: 'data/figures.csv',
      title: 'Figures by period',
      description: `Each indicator's figures for its recent periods up to ${periodName}, as charted on its page.`,
      fields: SERIES_FIELDS,
      primaryKey: ['kpi', 'period'],
      rows: kpis.flatMap(seriesRows),
    },
    {
      name: 'statuses',
      path: 'data/statuses.csv',
      title: 'Status as published',
      description: 'Each indicator’s figure, target and status in each published quarter, as its committee saw them.',
      fields: STATUS_FIELDS,
      primaryKey: ['period', 'kpi'],
      rows: kpis.map((k) => statusRow(periodName, k)),
    },
  ];
}
