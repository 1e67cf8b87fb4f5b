import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { TemplateLayer } from '../formats/template-layer.js';

/** The default templates shipped with prf: the package's own `templates/` folder. */
export const DEFAULT_TEMPLATES_DIR = join(import.meta.dirname, '..', '..', 'templates');

/** A workspace's template layers: its own templates folder over prf's defaults. */
export function workspaceTemplateDirs(root: string, config: { paths: { templates: string } }): string[] {
  return [resolve(root, config.paths.templates), DEFAULT_TEMPLATES_DIR];
}

function listHbs(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.hbs'))
        .sort()
    : [];
}

/** A templates folder's `.hbs` files and its `partials/`, read into memory. */
export function readTemplateDir(dir: string): TemplateLayer {
  const files = new Map<string, string>();
  for (const f of listHbs(dir)) files.set(f, readFileSync(join(dir, f), 'utf8'));
  for (const f of listHbs(join(dir, 'partials'))) files.set(`partials/${f}`, readFileSync(join(dir, 'partials', f), 'utf8'));
  return { label: dir, files, folder: dir };
}

/** Template folders read into layers (those already in memory kept as they are), in order. */
export function readTemplateLayers(dirs: ReadonlyArray<string | TemplateLayer>): TemplateLayer[] {
  return dirs.map((d) => (typeof d === 'string' ? readTemplateDir(d) : d));
}

/** The template files a workspace can copy to override, relative to the defaults folder. */
export function defaultTemplateFiles(): string[] {
  const top = listHbs(DEFAULT_TEMPLATES_DIR);
  const partials = listHbs(join(DEFAULT_TEMPLATES_DIR, 'partials')).map((f) => `partials/${f}`);
  return [...top, ...partials].map((f) => relative(DEFAULT_TEMPLATES_DIR, join(DEFAULT_TEMPLATES_DIR, f))).sort();
}
