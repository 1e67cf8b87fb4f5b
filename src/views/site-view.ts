import type { KpiStatus } from '../core/status.js';
import { summarise } from '../core/status.js';
import type { Licence } from '../model/config.js';
import { dataPackage, type DataTable } from './open-data.js';
import { INDICATOR_FIELDS, SERIES_FIELDS, STATUS_FIELDS, indicatorMeta, indicatorRow, statusRow } from './open-data-tables.js';
import {
  archiveBase,
  buildEdition,
  countsRows,
  editionName,
  editionWords,
  placeOf,
  publishedKpis,
  seriesRows,
  type Edition,
  type EditionWords,
  type SitePage,
} from './site-edition.js';

export { kpiPagePath, type SitePage, type Edition } from './site-edition.js';

/**
 * The public website as plain data: the latest published quarter at the front, every published
 * quarter at its own stable address under archive/, an archive index, the accessibility
 * statement, and the open data (CSVs and a Frictionless data package). Each quarter is built from
 * the workspace as it stood when its papers went out, so the site shows only figures a committee
 * has already seen, and an archived quarter's pages do not change when a later one is published.
 */
export interface SiteInput {
  /** One per published quarter, oldest first, each with the workspace at its papers' commit. */
  editions: Edition[];
  licence: Licence;
}

export interface Site {
  pages: SitePage[];
  /** Every CSV: one beside each chart, then the package's tables. */
  tables: DataTable[];
  /** The `datapackage.json` descriptor. */
  dataPackage: Record<string, unknown>;
}

export const DATA_PACKAGE_PATH = 'datapackage.json';
export const ARCHIVE_INDEX = 'archive/index.html';

const OPEN_DATA = { dataPackage: DATA_PACKAGE_PATH, indicators: 'data/indicators.csv', figures: 'data/figures.csv', statuses: 'data/statuses.csv' };

/** Every page and CSV of the site, in a fixed order. */
export function buildSite(input: SiteInput): Site {
  const latest = input.editions.at(-1);
  if (latest === undefined) throw new Error('buildSite needs at least one published quarter');
  const organisation = latest.workspace.config.organisation;
  const licence = { title: input.licence.title, path: input.licence.path };
  const built = input.editions.map((edition) => ({ edition, name: editionName(edition), kpis: publishedKpis(edition) }));
  const front = built.at(-1)!;
  const newestFirst = [...built].reverse();
  const pages: SitePage[] = [];
  const tables: DataTable[] = [];
  const every = editionWords(input.editions.map((e) => e.period));
  const frontCommon = { organisation, plan: latest.workspace.config.plan, periodTitle: front.name, licence, every };
  const frontEdition = buildEdition(front.edition, front.kpis, {
    base: '',
    common: frontCommon,
    front: { published: newestFirst.map((b) => ({ name: b.name, href: `${archiveBase(b.name)}index.html` })), openData: OPEN_DATA },
  });
  pages.push(...frontEdition.pages);
  tables.push(...frontEdition.tables);
  for (const b of built) {
    // Each archived quarter names the organisation as it was then, like its papers.
    // ...and words its period as its own, so its bytes stay as published when later editions differ.
    const common = {
      organisation: b.edition.workspace.config.organisation,
      plan: b.edition.workspace.config.plan,
      periodTitle: b.name,
      licence,
      every: editionWords([b.edition.period]),
    };
    const archived = buildEdition(b.edition, b.kpis, { base: archiveBase(b.name), common, front: null });
    pages.push(...archived.pages);
    tables.push(...archived.tables);
  }
  pages.push({
    path: ARCHIVE_INDEX,
    template: 'site-archive.html',
    view: {
      ...frontCommon,
      ...placeOf(ARCHIVE_INDEX, ''),
      archived: false,
      title: `Past ${every.many}`,
      quarters: newestFirst.map((b) => {
        const s = summarise(b.kpis);
        return {
          name: b.name,
          href: `${b.name}/index.html`,
          latest: b === front,
          total: b.kpis.length,
          counts: countsRows(s).filter((c) => c.count > 0),
        };
      }),
    },
  });
  pages.push({
    path: 'accessibility.html',
    template: 'site-accessibility.html',
    view: { ...frontCommon, ...placeOf('accessibility.html', ''), archived: false, title: 'Accessibility statement' },
  });
  const packageTables = openDataTables(front.edition, front.kpis, built, every);
  tables.push(...packageTables);
  return {
    pages,
    tables,
    dataPackage: dataPackage({
      organisation,
      period: front.name,
      licence: input.licence,
      tables: packageTables,
      indicators: front.kpis.map((k) => indicatorMeta(front.edition.workspace, k)),
    }),
  };
}

/**
 * The whole published dataset as three tables: the dictionary and the charted figures as of the
 * latest quarter, and every published quarter's statuses as its committee saw them.
 */
function openDataTables(latest: Edition, kpis: KpiStatus[], all: Array<{ name: string; kpis: KpiStatus[] }>, every: EditionWords): DataTable[] {
  return [
    {
      name: 'indicators',
      path: OPEN_DATA.indicators,
      title: 'The indicator dictionary',
      description: 'What each indicator measures, how, why, who owns it and which Council Plan priority it serves.',
      fields: INDICATOR_FIELDS,
      primaryKey: ['id'],
      rows: kpis.map((k) => indicatorRow(latest.workspace, k)),
    },
    {
      name: 'figures',
      path: OPEN_DATA.figures,
      title: 'Figures by period',
      description: `Each indicator's figures for its recent periods up to ${editionName(latest)}, as charted on its page.`,
      fields: SERIES_FIELDS,
      primaryKey: ['kpi', 'period'],
      rows: kpis.flatMap(seriesRows),
    },
    {
      name: 'statuses',
      path: OPEN_DATA.statuses,
      title: 'Status as published',
      description: `Each indicator’s figure, target and status in each published ${every.one}, as its committee saw them.`,
      fields: STATUS_FIELDS,
      primaryKey: ['period', 'kpi'],
      rows: all.flatMap((b) => b.kpis.map((k) => statusRow(b.name, k))),
    },
  ];
}
