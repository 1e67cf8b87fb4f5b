import Handlebars from 'handlebars';
import { join } from 'node:path';
import { registerHelpers } from './helpers.js';
import { TemplateError } from './template-error.js';
import { isolateBidi } from '../text/controls.js';
import type { TemplateLayer } from '../formats/template-layer.js';

export interface TemplateSet {
  render(name: string, view: unknown): string;
  /** Where each template and partial came from, for messages and `prf templates copy`. */
  sources: Map<string, string>;
}

/**
 * The view with every string holding a direction control isolated (src/text/controls.ts), so a
 * right-to-left override in a name cannot reverse the reference printed beside it, in any
 * format. Objects without such strings are passed through as they are, not copied.
 */
function isolated(v: unknown): unknown {
  if (typeof v === 'string') return isolateBidi(v);
  if (Array.isArray(v)) {
    const mapped = v.map(isolated);
    return mapped.some((x, i) => x !== v[i]) ? mapped : v;
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = isolated(x);
      if (out[k] !== x) changed = true;
    }
    return changed ? out : v;
  }
  return v;
}

/**
 * Compiles template layers, earlier ones overriding later ones file by file. Partials come only
 * from each layer's `partials/`: Handlebars has no file include, so a template can reach no file
 * outside these layers.
 */
export function compileTemplates(dirs: readonly TemplateLayer[], displayPath: (abs: string) => string = (p) => p): TemplateSet {
  const env = Handlebars.create();
  registerHelpers(env);
  const sources = new Map<string, string>();
  const pick = (sub: string) => {
    const chosen = new Map<string, { file: string; text: () => string }>();
    for (const dir of [...dirs].reverse()) {
      for (const [rel, text] of dir.files) {
        const slash = rel.lastIndexOf('/');
        const file = dir.folder === undefined ? `${dir.label}/${rel}` : join(dir.folder, rel);
        if ((slash === -1 ? '.' : rel.slice(0, slash)) === sub && rel.endsWith('.hbs'))
          chosen.set(rel.slice(slash + 1, -'.hbs'.length), { file, text: () => text });
      }
    }
    return chosen;
  };
  for (const [name, { file, text }] of pick('partials')) {
    sources.set(`partials/${name}`, file);
    env.registerPartial(name, text());
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, { file, text }] of pick('.')) {
    sources.set(name, file);
    // strict: a misspelt field is an error naming the template, not a silently empty cell.
    compiled.set(name, env.compile(text(), { strict: true, noEscape: name.endsWith('.md') }));
  }
  return {
    sources,
    render(name, view) {
      const template = compiled.get(name);
      const file = sources.get(name);
      if (!template || !file)
        throw new TemplateError(
          name,
          `no template "${name}.hbs" in ${dirs.map((d) => (d.folder === undefined ? d.label : displayPath(d.folder))).join(' or ')}`,
        );
      try {
        return template(isolated(view));
      } catch (e) {
        const message = (e as Error).message.split('\n')[0]!.replace(' in [object Object]', '');
        const partial = /partial (\S+) could not be found/.exec(message);
        const advice = partial ? `: add partials/${partial[1]}.hbs to the templates folder, or remove the {{> ${partial[1]}}} call` : '';
        throw new TemplateError(file, `${displayPath(file)}: ${message}${advice}`);
      }
    },
  };
}
