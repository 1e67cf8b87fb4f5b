import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { TemplateLayer } from '../formats/template-layer.js';
import { assertInside, LinkError } from './contained.js';
import { MAX_FILE_BYTES, tooLargeMessage } from './decode.js';
import { kindOf } from './file-kind.js';
import { toPosix } from './paths.js';

/** The default templates shipped with prf: the package's own `templates/` folder. */
export const DEFAULT_TEMPLATES_DIR = join(import.meta.dirname, '..', '..', 'templates');

/**
 * A workspace's template layers: its own templates folder (read now, every file held to the link
 * rule: inside the workspace on its real path) over prf's defaults.
 */
export function workspaceTemplateDirs(root: string, config: { paths: { templates: string } }): [TemplateLayer, string] {
  return [readTemplateDir(resolve(root, config.paths.templates), root), DEFAULT_TEMPLATES_DIR];
}

function listHbs(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.hbs'))
        .sort()
    : [];
}

/**
 * A templates folder's `.hbs` files and its `partials/`, read into memory. With `within` (the
 * workspace), the folder and each file must really lie inside it, links resolved, so a link in
 * the templates cannot pull an outside file into a published paper; and each must be a regular
 * file of a sane size.
 */
export function readTemplateDir(dir: string, within?: string): TemplateLayer {
  const files = new Map<string, string>();
  const read = (abs: string) => {
    if (within !== undefined) assertInside(abs, within, toPosix(relative(within, abs)));
    const st = statSync(abs);
    if (!st.isFile()) throw new LinkError(`${abs}: this is ${kindOf(st)}, not a file: a template must be a regular file`);
    if (st.size > MAX_FILE_BYTES) throw new LinkError(`${abs}: ${tooLargeMessage(st.size)}`);
    return readFileSync(abs, 'utf8');
  };
  if (within !== undefined && existsSync(dir)) assertInside(dir, within, toPosix(relative(within, dir)) || '.');
  for (const f of listHbs(dir)) files.set(f, read(join(dir, f)));
  for (const f of listHbs(join(dir, 'partials'))) files.set(`partials/${f}`, read(join(dir, 'partials', f)));
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
