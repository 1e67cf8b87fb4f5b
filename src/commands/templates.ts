import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeFilesAtomically } from '../write/write-files.js';
import { assertInside } from '../load/contained.js';
import { lockedWorkspace } from './locked.js';
import { resolveWorkspaceRoot } from './workspace-root.js';
import { DEFAULT_TEMPLATES_DIR, defaultTemplateFiles, workspaceTemplateDirs } from '../load/template-files.js';
import { loadTemplates } from './load-templates.js';
import { loadForCommand } from './context.js';
import { EXIT, stopIfInterrupted, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import { byEntryKey } from '../text/compare.js';
import { counted } from '../text/plural.js';

export async function runTemplatesCopy(io: CliIO, globals: GlobalOptions, names: string[], options: { force?: boolean }): Promise<number> {
  return lockedWorkspace(io, resolveWorkspaceRoot(io.cwd, globals.workspace), 'templates copy', () => copyLocked(io, globals, names, options));
}

async function copyLocked(io: CliIO, globals: GlobalOptions, names: string[], options: { force?: boolean }): Promise<number> {
  const loaded = loadForCommand(io, globals);
  const { root, workspace, displayPath } = loaded;
  const target = resolve(root, workspace.config.paths.templates);
  const available = defaultTemplateFiles();
  const wanted = names.length === 0 ? available : names.map((n) => (n.endsWith('.hbs') ? n : `${n}.hbs`));
  const unknown = wanted.filter((n) => !available.includes(n));
  if (unknown.length > 0)
    throw new UsageError(`no default template ${unknown.join(', ')}; the templates are ${available.map((f) => f.replace(/\.hbs$/, '')).join(', ')}`);
  if (target === DEFAULT_TEMPLATES_DIR) {
    io.stdout.write(`${displayPath(relative(root, target)) || '.'} is prf's own default templates folder; edit the files there\n`);
    return EXIT.ok;
  }
  const files: Array<{ path: string; data: Uint8Array }> = [];
  const lines: string[] = [];
  for (const name of wanted) {
    const to = join(target, name);
    const shown = displayPath(relative(root, to));
    // Never overwrite an officer's edited copy unless asked to.
    if (existsSync(to) && !options.force) {
      lines.push(`kept     ${shown} (already there; --force replaces it)\n`);
      continue;
    }
    files.push({ path: name, data: readFileSync(join(DEFAULT_TEMPLATES_DIR, name)) });
    lines.push(`copied   ${shown}\n`);
  }
  // The link rule: the copies go only inside the workspace, whatever link the folder is.
  assertInside(target, root, displayPath(relative(root, target)) || '.');
  // All the copies or none: an interrupted copy never leaves some templates replaced and others not.
  await stopIfInterrupted(io);
  if (files.length > 0) writeFilesAtomically(target, files);
  const copied = files.length;
  for (const line of lines) io.stdout.write(line);
  io.stdout.write(`${counted(copied, 'template')} copied; prf report now uses the copies in place of the defaults\n`);
  return EXIT.ok;
}

export async function runTemplatesList(io: CliIO, globals: GlobalOptions): Promise<number> {
  const loaded = loadForCommand(io, globals);
  const { root, workspace, displayPath } = loaded;
  const dirs = workspaceTemplateDirs(root, workspace.config);
  const own = dirs[0].folder!;
  const set = loadTemplates(dirs);
  for (const [name, file] of [...set.sources].sort(byEntryKey)) {
    const fromWorkspace = file.startsWith(own) && own !== DEFAULT_TEMPLATES_DIR;
    io.stdout.write(`${name.padEnd(28)} ${fromWorkspace ? displayPath(relative(root, file)) : 'default'}\n`);
  }
  return EXIT.ok;
}
