import { parsePeriod } from '../model/periods.js';
import type { CliIO } from './io.js';
import { renderFiles, reportViews } from './report.js';
import { workspaceTemplateDirs } from '../load/template-files.js';
import { loadTemplates } from './load-templates.js';
import type { Workspace } from '../model/workspace.js';
import { sha256, type Manifest } from '../load/manifest.js';
import { reviewTextFiles } from '../render/annual-review-files.js';
import { buildAnnualReview, reviewThrough } from '../views/annual-review-view.js';

/**
 * The hash each text paper (HTML, Markdown) would have if rendered now from `workspace` with the
 * manifest's settings. Workbooks and PDFs are not byte-reproducible, so they are not compared.
 */
export async function rerender(io: CliIO, root: string, workspace: Workspace, manifest: Manifest): Promise<Map<string, string>> {
  const period = parsePeriod(manifest.period);
  if (!period.ok) return new Map();
  const formats = (['html', 'md'] as const).filter((f) => manifest.formats.includes(f));
  const templates = loadTemplates(workspaceTemplateDirs(root, workspace.config));
  if (manifest.kind === 'annual-review' && period.value.kind === 'year') {
    // An annual review: through the quarter it was published through (a figure for a later quarter
    // is news, not a change to it); a manifest without one, through the latest quarter now.
    const recorded = manifest.through === undefined ? null : parsePeriod(manifest.through);
    const through = recorded?.ok && recorded.value.kind === 'quarter' ? recorded.value : reviewThrough(workspace, period.value.fy);
    if (through === null) return new Map();
    const view = buildAnnualReview(workspace, period.value.fy, through, { date: manifest.date, draft: manifest.draft });
    return new Map(reviewTextFiles(view, templates, formats).map((f) => [f.path, sha256(f.data)]));
  }
  const views = reportViews(workspace, period.value, manifest);
  const rendered = await renderFiles(views, templates, formats, io.env);
  return new Map(rendered.ok ? rendered.files.map((f) => [f.path, sha256(f.data)]) : []);
}
