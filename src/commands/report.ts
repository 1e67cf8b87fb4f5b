import { join, relative, resolve } from 'node:path';
import { formatPeriod, type Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';
import { englandAndWalesBankHolidays } from '../core/working-days.js';
import { commentaryFileOf } from './commentary.js';
import { checkCommittee, checkOutputFolder, dateOption, loadForCommand, resolvePeriodArg } from './context.js';
import { EXIT, exitForSignal, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import type { ReportSource } from './report-at.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { lockedFolder } from './locked.js';
import { buildReport, type ReportViews } from '../views/build-report.js';
import { REPORT_FORMATS, renderText, type RenderedFile, type ReportFormat } from '../render/render.js';
import { workspaceTemplateDirs } from '../load/template-files.js';
import { isInside } from '../load/paths.js';
import { loadTemplates } from './load-templates.js';
import type { TemplateSet } from '../render/templates.js';
import { byPath } from '../text/compare.js';
import { counted } from '../text/plural.js';

export interface ReportOptions {
  committee?: string;
  format: string;
  out?: string;
  draft?: boolean;
  date?: string;
  /** Render the papers as the repository stood at this revision, read from git. */
  at?: string;
  /** Also write manifest.json: the commit and the hashes of every input and output. */
  manifest?: boolean;
  /** For a year: the committee papers for the year, as for a quarter, not the annual review. */
  papers?: boolean;
}

/** `--format`'s default, as registered for the command. */
export const DEFAULT_FORMATS = 'html,md,xlsx';

function parseFormats(text: string): ReportFormat[] {
  const asked = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0) throw new UsageError(`--format ${text}: choose from ${REPORT_FORMATS.join(', ')} (comma-separated)`);
  return REPORT_FORMATS.filter((f) => asked.includes(f));
}

/** Renders the papers in every asked format, in memory; `prf verify` re-renders through this too. */
export async function renderFiles(
  views: ReportViews,
  templates: TemplateSet,
  formats: readonly ReportFormat[],
  env: CliIO['env'],
): Promise<{ ok: true; files: RenderedFile[] } | { ok: false; message: string }> {
  const files: RenderedFile[] = [];
  for (const format of formats) {
    if (format === 'html' || format === 'md') files.push(...renderText(views, templates, format));
  }
  if (formats.includes('xlsx')) {
    const { buildWorkbook } = await import('../render/workbook.js');
    files.push({ path: 'dashboard.xlsx', data: await buildWorkbook(views) });
  }
  if (formats.includes('pdf')) {
    const { printPdfs } = await import('../write/print-pdf.js');
    const html = formats.includes('html') ? files.filter((f) => f.path.endsWith('.html')) : renderText(views, templates, 'html');
    const pdf = await printPdfs(html, env);
    if (!pdf.ok) return { ok: false, message: pdf.message };
    files.push(...pdf.files);
  }
  return { ok: true, files };
}

/**
 * The papers' views as `prf report` builds them from its settings; prf verify rebuilds them the
 * same way, so the two cannot drift apart.
 */
export function reportViews(workspace: Workspace, period: Period, settings: { committee: string | null; draft: boolean; date: string | null }): ReportViews {
  return buildReport(workspace, period, {
    ...(settings.committee === null ? {} : { committee: settings.committee }),
    draft: settings.draft,
    date: settings.date,
    isHoliday: englandAndWalesBankHolidays(),
  });
}

export async function runReport(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: ReportOptions): Promise<number> {
  const formats = parseFormats(options.format);
  const date = options.date === undefined ? null : dateOption('--date', options.date);
  const loaded: ReportSource =
    options.at === undefined ? loadForCommand(io, globals) : await (await import('./report-at.js')).loadForReportAt(io, globals, options.at);
  const { root, workspace, displayPath } = loaded;
  checkCommittee(workspace, options.committee);
  const period = resolvePeriodArg(io, workspace, periodText);
  // A year gives the annual strategic review (src/commands/annual-review.ts); with --papers, the
  // year's committee papers, which a workspace of annual measures (TSM) reports on.
  if (period.kind === 'year' && options.papers !== true) {
    const run = { formats, formatAsked: options.format !== DEFAULT_FORMATS, draft: options.draft ?? false, date, manifest: options.manifest ?? false };
    return (await import('./annual-review.js')).runAnnualReview(io, loaded, period, { ...run, out: options.out, committee: options.committee });
  }
  const paths = workspace.config.paths;
  const outDir = options.out === undefined ? join(root, paths.reports, formatPeriod(period) + (loaded.outSuffix ?? '')) : resolve(io.cwd, options.out);
  checkOutputFolder(outDir, root, paths, 'papers', 'reports/2025-26-Q3');

  const views = reportViews(workspace, period, { committee: options.committee ?? null, draft: options.draft ?? false, date });
  if (views.gaps.length > 0 && !options.draft) {
    io.stderr.write(`prf: the ${formatPeriod(period)} papers would go out incomplete; nothing was written. Each gap and who must act:\n`);
    for (const g of views.gaps) io.stderr.write(`  ${g.kpi.id}  ${g.problem}; to act: ${g.who}\n`);
    if (views.gaps.some((g) => g.commentary)) {
      const file = displayPath(commentaryFileOf(workspace, formatPeriod(period)));
      io.stderr.write(`For the commentary: prf commentary ${formatPeriod(period)} adds a skeleton to ${file} for each KPI that needs one, to fill in.\n`);
    }
    if (views.gaps.some((g) => g.signOff)) io.stderr.write(`For the sign-off: each data reviewer runs prf signoff ${formatPeriod(period)} --by "ROLE".\n`);
    io.stderr.write(`Fix these, or run with --draft to write papers marked DRAFT.\n`);
    return EXIT.problems;
  }

  // --at takes the workspace's templates as they were at that commit (see history/report-at.ts).
  // Template files are named by absolute path; shown relative to the workspace when inside it.
  const templatePath = (abs: string) => (isInside(abs, root) ? displayPath(relative(root, abs)) : abs);
  const templates = loadTemplates(loaded.templateDirs ?? workspaceTemplateDirs(root, workspace.config), templatePath);
  // Everything is rendered before anything is written, so a failure leaves the old papers as they were.
  const rendered = await renderFiles(views, templates, formats, io.env);
  if (!rendered.ok) {
    io.stderr.write(`prf: ${rendered.message}\n`);
    return EXIT.problems;
  }
  const files = rendered.files;
  if (options.manifest) {
    const { manifestFile } = await import('./report-manifest.js');
    files.push(
      manifestFile(
        io,
        loaded,
        { kind: 'papers', period: formatPeriod(period), committee: options.committee ?? null, formats, draft: options.draft ?? false, date },
        templates,
        files,
      ),
    );
  }
  if (io.signal?.aborted) {
    io.stderr.write('prf: interrupted before writing; the previous papers are as they were\n');
    return exitForSignal(io.signal);
  }
  // Two runs into one folder at once would move each other's files aside: the second waits.
  await lockedFolder(io, outDir, 'report', () => writeFilesAtomically(outDir, files));
  io.stdout.write(
    `${views.gaps.length > 0 ? `DRAFT: ${counted(views.gaps.length, 'gap')} remain; ` : ''}wrote ${files.length} files for ${formatPeriod(period)}:\n`,
  );
  // Papers written outside the folder prf was run from are listed by their full path.
  const shown = (f: string) => (relative(io.cwd, join(outDir, f)).startsWith('..') ? join(outDir, f) : displayPath(relative(root, join(outDir, f))));
  for (const f of [...files].sort(byPath)) io.stdout.write(`  ${shown(f.path)}\n`);
  return EXIT.ok;
}
