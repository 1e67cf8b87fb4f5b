import { parsePeriod } from '../core/periods.js';
import { englandAndWalesBankHolidays } from '../core/working-days.js';
import type { CliIO } from '../cli/io.js';
import { buildReport } from '../report/build-report.js';
import { renderFiles } from '../report/run-report.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../report/templates.js';
import { resolve } from 'node:path';
import type { Workspace } from '../workspace/model.js';
import { sha256, type Manifest } from './manifest.js';

/**
 * The hash each text paper (HTML, Markdown) would have if rendered now from `workspace` with the
 * manifest's settings. Workbooks and PDFs are not byte-reproducible, so they are not compared.
 */
export async function rerender(io: CliIO, root: string, workspace: Workspace, manifest: Manifest): Promise<Map<string, string>> {
  const period = parsePeriod(manifest.period);
  if (!period.ok) return new Map();
  const views = buildReport(workspace, period.value, {
    ...(manifest.committee === null ? {} : { committee: manifest.committee }),
    draft: manifest.draft,
    date: manifest.date,
    isHoliday: englandAndWalesBankHolidays(),
  });
  const formats = (['html', 'md'] as const).filter((f) => manifest.formats.includes(f));
  const templates = loadTemplates([resolve(root, workspace.config.paths.templates), DEFAULT_TEMPLATES_DIR]);
  const rendered = await renderFiles(views, templates, formats, io.env);
  return new Map(rendered.ok ? rendered.files.map((f) => [f.path, sha256(f.data)]) : []);
}
