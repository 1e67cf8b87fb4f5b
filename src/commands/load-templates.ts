import { readTemplateLayers } from '../load/template-files.js';
import type { TemplateLayer } from '../formats/template-layer.js';
import { compileTemplates, type TemplateSet } from '../render/templates.js';

/**
 * The templates a paper is rendered with: `dirs` (folders, or layers already in memory) read and
 * compiled, earlier ones overriding later ones file by file, so a workspace copies only the
 * templates it wants to change.
 */
export function loadTemplates(dirs: ReadonlyArray<string | TemplateLayer>, displayPath: (abs: string) => string = (p) => p): TemplateSet {
  return compileTemplates(readTemplateLayers(dirs), displayPath);
}
