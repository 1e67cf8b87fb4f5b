import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MANIFEST_FILE, parseManifest, type Manifest } from '../load/manifest.js';
import { parsePeriod, periodEndKey, formatPeriod, type Period } from '../model/periods.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { readWorkspaceSources } from '../load/read-sources.js';
import { workspaceTemplateDirs } from '../load/template-files.js';
import { buildSite, DATA_PACKAGE_PATH } from '../views/site-view.js';
import { editionWords } from '../views/site-edition.js';
import { dataPackageJson, tableCsv } from '../render/site-files.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { checkOutputFolder } from './context.js';
import { loadAtRevision } from './load-at.js';
import { loadTemplates } from './load-templates.js';
import { formatSiteFileList, parseSiteFileList, SITE_FILE_LIST } from '../formats/site-file-list.js';
import { EXIT, exitForSignal, UsageError, type CliIO, type GlobalOptions } from './io.js';
import { lockedFolder } from './locked.js';
import { displayPathFn, resolveWorkspaceRoot } from './workspace-root.js';
import { compareText } from '../text/compare.js';

export interface SiteOptions {
  out?: string;
  through?: string;
}

/** A folder under the one prf ran from by its relative path, one elsewhere by its full path. */
function shownFolder(cwd: string, dir: string): string {
  const rel = relative(cwd, dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

interface Published {
  folder: string;
  manifest: Manifest;
  period: Period;
}

/**
 * The editions whose papers went out: non-draft manifests of committee papers under the reports
 * folder, a quarter's each; a workspace that publishes only a year's papers (annual measures, such
 * as the Tenant Satisfaction Measures) has years instead. A draft is skipped (it was never
 * published); a published manifest without a clean commit cannot be rebuilt from git, so it stops
 * the site rather than letting unpublished figures through.
 */
function publishedEditions(reportsDir: string, startMonth: number, problems: string[]): Published[] {
  if (!existsSync(reportsDir)) return [];
  const found: Published[] = [];
  for (const folder of readdirSync(reportsDir).sort(compareText)) {
    const file = join(reportsDir, folder, MANIFEST_FILE);
    if (!existsSync(file)) continue;
    const manifest = parseManifest(readFileSync(file, 'utf8'));
    if (typeof manifest === 'string') {
      problems.push(`${folder}/${MANIFEST_FILE}: ${manifest}`);
      continue;
    }
    // A draft was never published; an annual review is a paper of its own, not a quarter's figures.
    if (manifest.draft || manifest.kind !== 'papers') continue;
    const period = parsePeriod(manifest.period);
    if (!period.ok || (period.value.kind !== 'quarter' && period.value.kind !== 'year')) continue;
    if (manifest.commit === null) {
      problems.push(
        `${folder}/${MANIFEST_FILE}: the papers were not made from a git commit, so their figures cannot be read back; republish with prf report ${manifest.period} --manifest in a git repository`,
      );
      continue;
    }
    if (manifest.dirty) {
      problems.push(
        `${folder}/${MANIFEST_FILE}: the papers were made with uncommitted changes (${manifest.dirtyFiles.slice(0, 3).join(', ')}), so the commit does not hold their figures; commit and republish with prf report ${manifest.period} --manifest`,
      );
      continue;
    }
    found.push({ folder, manifest, period: period.value });
  }
  // A council's quarters are its editions, and a year's papers beside them are not another: a year
  // is an edition only where none of its quarters was published (annual measures), and stays one
  // when quarters of later years follow, so its pages keep their address.
  const yearsWithQuarters = new Set(found.flatMap((f) => (f.period.kind === 'quarter' ? [f.period.fy] : [])));
  return found
    .filter((f) => f.period.kind === 'quarter' || (f.period.kind === 'year' && !yearsWithQuarters.has(f.period.fy)))
    .sort((a, b) => periodEndKey(a.period, startMonth) - periodEndKey(b.period, startMonth) || compareText(a.folder, b.folder));
}

/**
 * `prf site`: the public website, built from the published papers only. The figures are those of
 * the workspace as it stood at the latest published manifest's commit, read from git, so a
 * figure committed after the paper went out never reaches the site.
 */
export async function runSite(io: CliIO, globals: GlobalOptions, options: SiteOptions): Promise<number> {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const current = loadWorkspace(readWorkspaceSources(root)).workspace;
  if (current === null) throw new UsageError('prf.yaml cannot be read; prf validate shows why');
  const config = current.config;
  const startMonth = config.financialYearStartMonth;
  const outDir = options.out === undefined ? join(root, 'site') : resolve(io.cwd, options.out);
  checkOutputFolder(outDir, root, config.paths, 'website', 'site');
  let through: number | null = null;
  if (options.through !== undefined) {
    const p = parsePeriod(options.through);
    if (!p.ok) throw new UsageError(`--through ${options.through}: ${p.message}`);
    through = periodEndKey(p.value, startMonth);
  }
  const problems: string[] = [];
  const published = publishedEditions(resolve(root, config.paths.reports), startMonth, problems).filter(
    (p) => through === null || periodEndKey(p.period, startMonth) <= through,
  );
  if (problems.length > 0) {
    io.stderr.write(`prf: some published papers cannot be put on the site; nothing was written:\n`);
    for (const p of problems) io.stderr.write(`  ${config.paths.reports}/${p}\n`);
    return EXIT.problems;
  }
  const latest = published.at(-1);
  if (latest === undefined) {
    // Nothing published yet is the workspace's state, not a wrong call: exit 1, as prf status with no figures.
    io.stderr.write(
      `prf: no published papers under ${config.paths.reports}/${options.through === undefined ? '' : ` up to ${options.through}`}: publish a quarter first (or a year, for annual measures) with prf report PERIOD --manifest (not --draft), committed in git\n`,
    );
    return EXIT.problems;
  }
  const displayPath = displayPathFn(root, io.cwd);
  // One edition per period: where a period has more than one manifest, the last folder's wins.
  const byPeriod = new Map(published.map((p) => [formatPeriod(p.period), p]));
  const editions = [...byPeriod.values()].map((p) => ({
    period: p.period,
    workspace: loadAtRevision(io, root, p.manifest.commit!, displayPath, globals.color).workspace,
  }));
  const every = editionWords(editions.map((e) => e.period));
  const site = buildSite({
    editions,
    // The licence is the one named now: publishing under a new licence relicenses the whole site.
    licence: config.publication.licence,
  });
  const templates = loadTemplates(workspaceTemplateDirs(root, config), displayPath);
  const files = [
    ...site.pages.map((p) => ({ path: p.path, data: templates.render(p.template, p.view) })),
    ...site.tables.map((t) => ({ path: t.path, data: tableCsv(t) })),
    { path: DATA_PACKAGE_PATH, data: dataPackageJson(site.dataPackage) },
  ];
  files.push({ path: SITE_FILE_LIST, data: formatSiteFileList(files.map((f) => f.path)) });
  if (io.signal?.aborted) {
    io.stderr.write('prf: interrupted before writing; the previous site is as it was\n');
    return exitForSignal(io.signal);
  }
  // Two builds into one folder at once would move each other's files aside: the second waits,
  // and reads the list of what the first wrote only once it holds the folder.
  const stale = await lockedFolder(io, outDir, 'site', () => {
    const gone = noLongerPublished(outDir, new Set(files.map((f) => f.path)));
    writeFilesAtomically(outDir, files, undefined, { remove: gone });
    return gone;
  });
  io.stdout.write(
    `wrote ${files.length} files for ${editions.length} published ${editions.length === 1 ? every.one : every.many}, the latest ${formatPeriod(latest.period)} (published from ${latest.manifest.commit!.slice(0, 7)}), to ${shownFolder(io.cwd, outDir)}\n`,
  );
  if (stale.length > 0) {
    io.stdout.write(`removed ${stale.length} ${stale.length === 1 ? 'file' : 'files'} the last build wrote and this one does not:\n`);
    for (const path of stale) io.stdout.write(`  ${path}\n`);
  }
  return EXIT.ok;
}

/**
 * The files the last build wrote (its list, beside them) that this build does not: pages of a
 * KPI no longer published, say. Only plain files are taken; anything else in the folder, and
 * anything put where a listed file was (a folder, a link), is left alone.
 */
function noLongerPublished(outDir: string, writing: Set<string>): string[] {
  let listed: string[];
  try {
    listed = parseSiteFileList(readFileSync(join(outDir, SITE_FILE_LIST), 'utf8'));
  } catch {
    return []; // a new folder, or one a version of prf before the list wrote: nothing is removed
  }
  return listed.filter((path) => !writing.has(path) && lstatSync(join(outDir, path), { throwIfNoEntry: false })?.isFile() === true);
}
