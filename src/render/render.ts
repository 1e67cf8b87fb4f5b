import { escapeMarkdownDeep } from './markdown-escape.js';
import { paperFileNames } from '../views/paper-view.js';
import type { TemplateSet } from './templates.js';
import type { ReportViews } from '../views/build-report.js';

export const REPORT_FORMATS = ['html', 'md', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedFile {
  /** Relative to the output folder. */
  path: string;
  data: string | Uint8Array;
}

/** The views with each paper's links pointing at its siblings in `ext`. */
function withLinks(views: ReportViews, ext: string): ReportViews {
  const papers = views.papers.map((p) => ({ ...p, files: paperFileNames(p.committee.id, ext) }));
  return {
    ...views,
    papers,
    index: {
      ...views.index,
      committees: views.index.committees.map((c, i) => ({ ...c, paper: papers[i]!.files.paper, exceptions: papers[i]!.files.exceptions })),
    },
  };
}

/** The text formats, through the templates: per committee a paper and an exception report, and an index. */
export function renderText(views: ReportViews, templates: TemplateSet, format: 'html' | 'md'): RenderedFile[] {
  const linked = withLinks(views, format);
  // Markdown has no escaping of its own: every string is escaped before a template sees it.
  const v = format === 'md' ? escapeMarkdownDeep(linked) : linked;
  const out: RenderedFile[] = [];
  for (const paper of v.papers) {
    const files = linked.papers.find((p) => p.committee.id === paper.committee.id)!.files;
    out.push({ path: files.paper, data: templates.render(`paper.${format}`, paper) });
    out.push({ path: files.exceptions, data: templates.render(`exceptions.${format}`, paper) });
  }
  out.push({ path: `index.${format}`, data: templates.render(`index.${format}`, v.index) });
  return out;
}
