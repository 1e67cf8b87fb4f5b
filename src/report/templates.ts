import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { registerHelpers } from './helpers.js';
import { TemplateError } from './template-error.js';

/** The default templates shipped with prf: the package's own `templates/` folder. */
export const DEFAULT_TEMPLATES_DIR = join(import.meta.dirname, '..', '..', 'templates');

/** A workspace's template layers: its own templates folder over prf's defaults. */
export function workspaceTemplateDirs(root: string, config: { paths: { templates: string } }): string[] {
  return [resolve(root, config.paths.templates), DEFAULT_TEMPLATES_DIR];
}


/**
 * Template files held in memory rather than in a folder (`prf report --at` reads them from git):
 * paths relative to a templates folder ('paper.html.hbs', 'partials/styles.hbs'); `label` names
 * where they came from in messages.
 */
export interface TemplateLayer {
  label: string;
  files: ReadonlyMap<string, string>;
}

export interface TemplateSet {
  render(name: string, view: unknown): string;
  /** Where each template and partial came from, for messages and `prf templates copy`. */
  sources: Map<string, string>;
}

function listHbs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort() : [];
}

/**
 * Loads templates from `dirs` (folders, or layers in memory), earlier ones overriding later ones file by file, so a
 * workspace copies only the templates it wants to change. Partials come only from each folder's
 * `partials/`: Handlebars has no file include, so a template can reach no file outside these
 * folders.
 */
export function loadTemplates(dirs: Array<string | TemplateLayer>, displayPath: (abs: string) => string = (p) => p): TemplateSet {
  const env = Handlebars.create();
  registerHelpers(env);
  const sources = new Map<string, string>();
  const pick = (sub: string) => {
    const chosen = new Map<string, { file: string; text: () => string }>();
    for (const dir of [...dirs].reverse()) {
      if (typeof dir === 'string') {
        for (const f of listHbs(join(dir, sub))) chosen.set(f.slice(0, -'.hbs'.length), { file: join(dir, sub, f), text: () => readFileSync(join(dir, sub, f), 'utf8') });
        continue;
      }
      for (const [rel, text] of dir.files) {
        const slash = rel.lastIndexOf('/');
        if ((slash === -1 ? '.' : rel.slice(0, slash)) === sub && rel.endsWith('.hbs')) chosen.set(rel.slice(slash + 1, -'.hbs'.length), { file: `${dir.label}/${rel}`, text: () => text });
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
      if (!template || !file) throw new TemplateError(name, `no template "${name}.hbs" in ${dirs.map((d) => (typeof d === 'string' ? displayPath(d) : d.label)).join(' or ')}`);
      try {
        return template(view);
      } catch (e) {
        const message = (e as Error).message.split('\n')[0]!;
        const partial = /partial (\S+) could not be found/.exec(message);
        const advice = partial ? `: add partials/${partial[1]}.hbs to the templates folder, or remove the {{> ${partial[1]}}} call` : '';
        throw new TemplateError(file, `${displayPath(file)}: ${message}${advice}`);
      }
    },
  };
}

/** The template files a workspace can copy to override, relative to the defaults folder. */
export function defaultTemplateFiles(): string[] {
  const top = listHbs(DEFAULT_TEMPLATES_DIR);
  const partials = listHbs(join(DEFAULT_TEMPLATES_DIR, 'partials')).map((f) => `partials/${f}`);
  return [...top, ...partials].map((f) => relative(DEFAULT_TEMPLATES_DIR, join(DEFAULT_TEMPLATES_DIR, f))).sort();
}
