import { join, relative, resolve } from 'node:path';
import { isInside } from '../load/paths.js';
import { workspaceTemplateDirs } from '../load/template-files.js';
import { formatPeriod, fyName, type Period } from '../model/periods.js';
import { reviewTextFiles } from '../render/annual-review-files.js';
import { byPath } from '../text/compare.js';
import { buildAnnualReview, reviewThrough } from '../views/annual-review-view.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { checkOutputFolder } from './context.js';
import { EXIT, exitForSignal, UsageError, type CliIO } from './io.js';
import { loadTemplates } from './load-templates.js';
import { lockedFolder } from './locked.js';
import type { ReportSource } from './report-at.js';

export interface AnnualReviewRun {
  formats: readonly string[];
  /** True when --format was given: then a format the review has not is said, not dropped silently. */
  formatAsked: boolean;
  out?: string;
  committee?: string;
  draft: boolean;
  date: string | null;
  manifest: boolean;
}

/** The review's files, by format; the PDF is printed from the HTML. */
const REVIEW_FORMATS = ['html', 'md', 'pdf'] as const;

/**
 * `prf report 2025-26`: the annual strategic review, written to <reports>/2025-26-annual-review/ as
 * annual-review.html, .md and .pdf from the templates annual-review.html and annual-review.md
 * (a workspace may override either). Before the year ends it reviews the year so far and says so.
 */
export async function runAnnualReview(io: CliIO, loaded: ReportSource, year: Period & { kind: 'year' }, run: AnnualReviewRun): Promise<number> {
  const { root, workspace, displayPath } = loaded;
  const name = fyName(year.fy);
  if (run.committee !== undefined)
    throw new UsageError(`--committee: the annual review ${name} covers every committee; leave --committee out, or name a quarter for one committee's paper`);
  const formats = REVIEW_FORMATS.filter((f) => run.formats.includes(f));
  const other = run.formats.filter((f) => !(REVIEW_FORMATS as readonly string[]).includes(f));
  if (run.formatAsked && other.length > 0) io.stderr.write(`prf: the annual review is written as html, md and pdf; ${other.join(', ')} left out\n`);
  if (formats.length === 0) throw new UsageError(`--format: the annual review is written as html, md or pdf`);
  const through = reviewThrough(workspace, year.fy);
  if (through === null) {
    io.stderr.write(`prf: there are no figures for ${name} yet, so there is nothing to review. Import the year's figures first, or name another year\n`);
    return EXIT.problems;
  }
  const paths = workspace.config.paths;
  // A folder of its own: the year's committee papers (--papers) go to reports/<year>/, and the
  // review must not take their place or their manifest.
  const outDir = run.out === undefined ? join(root, paths.reports, `${name}-annual-review${loaded.outSuffix ?? ''}`) : resolve(io.cwd, run.out);
  checkOutputFolder(outDir, root, paths, 'annual review', `reports/${name}-annual-review`);
  const view = buildAnnualReview(workspace, year.fy, through, { date: run.date, draft: run.draft });
  const templatePath = (abs: string) => (isInside(abs, root) ? displayPath(relative(root, abs)) : abs);
  const templates = loadTemplates(loaded.templateDirs ?? workspaceTemplateDirs(root, workspace.config), templatePath);
  const files = reviewTextFiles(
    view,
    templates,
    formats.filter((f) => f !== 'pdf'),
  );
  if (formats.includes('pdf')) {
    const { printPdfs } = await import('../write/print-pdf.js');
    // The PDF is printed from the HTML: the one already made, or made for it when HTML is not asked for.
    const html = files.find((f) => f.path === 'annual-review.html') ?? reviewTextFiles(view, templates, ['html'])[0]!;
    const pdf = await printPdfs([html], io.env);
    if (!pdf.ok) {
      io.stderr.write(`prf: ${pdf.message}\n`);
      return EXIT.problems;
    }
    files.push(...pdf.files);
  }
  if (run.manifest) {
    // prf verify reads it back: the review is re-rendered from the workspace and compared.
    const { manifestFile } = await import('./report-manifest.js');
    files.push(
      manifestFile(
        io,
        loaded,
        { kind: 'annual-review', period: name, committee: null, formats: [...formats], draft: run.draft, date: run.date, through: formatPeriod(through) },
        templates,
        files,
      ),
    );
  }
  if (io.signal?.aborted) {
    io.stderr.write('prf: interrupted before writing; the previous review is as it was\n');
    return exitForSignal(io.signal);
  }
  // Two runs into one folder at once would move each other's files aside: the second waits.
  await lockedFolder(io, outDir, 'report', () => writeFilesAtomically(outDir, files));
  io.stdout.write(`wrote the annual review ${name}${view.complete ? '' : ` (the year so far, through ${view.through})`}:\n`);
  const shown = (f: string) => (relative(io.cwd, join(outDir, f)).startsWith('..') ? join(outDir, f) : displayPath(relative(root, join(outDir, f))));
  for (const f of [...files].sort(byPath)) io.stdout.write(`  ${shown(f.path)}\n`);
  return EXIT.ok;
}
