import { join, relative, resolve, sep } from 'node:path';
import { formatPeriod } from '../core/periods.js';
import { englandAndWalesBankHolidays } from '../core/working-days.js';
import { checkCommittee, loadForCommand, resolvePeriodArg } from '../cli/command-context.js';
import { EXIT, UsageError, type CliIO } from '../cli/io.js';
import type { GlobalOptions } from '../cli/main.js';
import { writeFilesAtomically } from '../io/write-files.js';
import { buildReport } from './build-report.js';
import { REPORT_FORMATS, renderText, type RenderedFile, type ReportFormat } from './render.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from './templates.js';

export interface ReportOptions {
  committee?: string;
  format: string;
  out?: string;
  draft?: boolean;
  date?: string;
}

function parseFormats(text: string): ReportFormat[] {
  const asked = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0) throw new UsageError(`--format ${text}: choose from ${REPORT_FORMATS.join(', ')} (comma-separated)`);
  return REPORT_FORMATS.filter((f) => asked.includes(f));
}

function parseDate(text: string | undefined): string | null {
  if (text === undefined) return null;
  const d = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
    throw new UsageError(`--date ${text}: give a real date as YYYY-MM-DD, e.g. 2026-03-12`);
  }
  return text;
}

const inside = (dir: string, parent: string) => dir === parent || dir.startsWith(parent + sep);

/** Papers never go where they could overwrite the dictionary, the data or the templates. */
function checkOutDir(out: string, root: string, paths: Record<string, string>): void {
  if (out === root) throw new UsageError(`--out ${out}: that is the workspace itself; give a folder for the papers, e.g. reports/2025-26-Q3`);
  for (const key of ['kpis', 'outturns', 'commentary', 'templates'] as const) {
    const protectedDir = resolve(root, paths[key]!);
    if (inside(out, protectedDir) || inside(protectedDir, out)) {
      throw new UsageError(`--out ${out}: papers may not be written into or over the ${key} folder (${relative(root, protectedDir)}); choose another folder`);
    }
  }
}

export async function runReport(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: ReportOptions): Promise<number> {
  const formats = parseFormats(options.format);
  const date = parseDate(options.date);
  const loaded = loadForCommand(io, globals);
  if (typeof loaded === 'number') return loaded;
  const { root, workspace, displayPath } = loaded;
  checkCommittee(workspace, options.committee);
  const period = resolvePeriodArg(io, workspace, periodText);
  const paths = workspace.config.paths;
  const outDir = options.out === undefined ? join(root, paths.reports, formatPeriod(period)) : resolve(io.cwd, options.out);
  checkOutDir(outDir, root, paths);

  const views = buildReport(workspace, period, {
    ...(options.committee === undefined ? {} : { committee: options.committee }),
    draft: options.draft ?? false,
    date,
    isHoliday: englandAndWalesBankHolidays(),
  });
  if (views.gaps.length > 0 && !options.draft) {
    io.stderr.write(`prf: the ${formatPeriod(period)} papers would go out incomplete; nothing was written. Each gap and who must act:\n`);
    for (const g of views.gaps) io.stderr.write(`  ${g.kpi.id}  ${g.problem}; to act: ${g.who}\n`);
    io.stderr.write(`Fix these, or run with --draft to write papers marked DRAFT.\n`);
    return EXIT.problems;
  }

  const templates = loadTemplates([resolve(root, paths.templates), DEFAULT_TEMPLATES_DIR], displayPath);
  // Everything is rendered before anything is written, so a failure leaves the old papers as they were.
  const files: RenderedFile[] = [];
  for (const format of formats) {
    if (format === 'html' || format === 'md') files.push(...renderText(views, templates, format));
  }
  if (formats.includes('xlsx')) {
    const { buildWorkbook } = await import('./workbook.js');
    files.push({ path: 'dashboard.xlsx', data: await buildWorkbook(views) });
  }
  if (formats.includes('pdf')) {
    const { printPdfs } = await import('./pdf.js');
    const html = files.length > 0 && formats.includes('html') ? files.filter((f) => f.path.endsWith('.html')) : renderText(views, templates, 'html');
    const pdf = await printPdfs(html, io.env);
    if (!pdf.ok) {
      io.stderr.write(`prf: ${pdf.message}\n`);
      return EXIT.problems;
    }
    files.push(...pdf.files);
  }
  writeFilesAtomically(outDir, files);
  io.stdout.write(`${views.gaps.length > 0 ? `DRAFT: ${views.gaps.length} gap${views.gaps.length === 1 ? '' : 's'} remain; ` : ''}wrote ${files.length} files for ${formatPeriod(period)}:\n`);
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) io.stdout.write(`  ${displayPath(relative(root, join(outDir, f.path)))}\n`);
  return EXIT.ok;
}
