import type { AnnualReviewView } from '../views/annual-review-view.js';
import { escapeMarkdownDeep } from './markdown-escape.js';
import type { RenderedFile } from './render.js';
import type { TemplateSet } from './templates.js';

/**
 * The annual review's text files, from the templates annual-review.html and annual-review.md: one
 * home for it, so prf verify re-renders a published review exactly as prf report wrote it.
 */
export function reviewTextFiles(view: AnnualReviewView, templates: TemplateSet, formats: ReadonlyArray<'html' | 'md'>): RenderedFile[] {
  const files: RenderedFile[] = [];
  if (formats.includes('html')) files.push({ path: 'annual-review.html', data: templates.render('annual-review.html', view) });
  // Markdown has no escaping of its own: every string is escaped before the template sees it.
  if (formats.includes('md')) files.push({ path: 'annual-review.md', data: templates.render('annual-review.md', escapeMarkdownDeep(view)) });
  return files;
}
