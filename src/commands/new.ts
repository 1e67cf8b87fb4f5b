import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { folderForNew } from '../core/kpi-folder.js';
import { blankEntry, entryFrom, entryText } from '../render/kpi-template.js';
import { stylish } from '../render/diagnostics.js';
import { writeFileAtomic } from '../write/atomic-write.js';
import { KPI_ID_PATTERN } from '../model/common.js';
import { kpiIdOfPath } from '../rules/kpi-rules.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { readWorkspaceSources } from '../load/read-sources.js';
import { checkCommittee } from './context.js';
import { colorFor, EXIT, stopIfInterrupted, UsageError, type CliIO } from './io.js';
import { lockedWorkspace } from './locked.js';
import { assertInside } from '../load/contained.js';
import type { GlobalOptions } from './io.js';
import { displayPathFn, resolveWorkspaceRoot } from './workspace-root.js';
import { toPosix } from '../load/paths.js';

export interface NewOptions {
  from?: string;
  committee?: string;
  folder?: string;
}

export async function runNew(io: CliIO, globals: GlobalOptions, id: string, options: NewOptions): Promise<number> {
  if (!KPI_ID_PATTERN.test(id)) throw new UsageError(`${id}: a KPI id is capital letters, digits and hyphens, starting with a letter, e.g. HC-AM-01`);
  // The id names the file (ID.yaml), and a file name is at most 255 bytes on every common disk.
  if (id.length > 240)
    throw new UsageError(`${id.slice(0, 40)}...: a KPI id of ${id.length} characters is too long to name its file; keep it to 240 (most are under 12)`);
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  // Two prf new with the same id at once: the second sees the first's file and refuses.
  return lockedWorkspace(io, root, 'new', () => newLocked(io, globals, root, id, options));
}

async function newLocked(io: CliIO, globals: GlobalOptions, root: string, id: string, options: NewOptions): Promise<number> {
  const displayPath = displayPathFn(root, io.cwd);
  const sources = readWorkspaceSources(root);
  // Unlike other commands, new runs on a dictionary with errors: the last new entry is usually
  // still being filled in, and only prf.yaml must be readable.
  const { workspace, diagnostics } = loadWorkspace(sources);
  if (workspace === null) {
    io.stderr.write(
      stylish(
        diagnostics.filter((d) => d.file === 'prf.yaml' && d.severity === 'error'),
        { displayPath, color: colorFor(io.stderr, io.env, globals.color) },
      ),
    );
    io.stderr.write('prf: prf.yaml has errors; fix them and run again\n');
    return EXIT.problems;
  }
  checkCommittee(workspace, options.committee);
  const taken = new Map<string, string>();
  for (const f of sources.kpis) taken.set(kpiIdOfPath(f.path), f.path);
  for (const [kpi, origin] of workspace.kpiOrigins) taken.set(kpi, origin.file);
  if (taken.has(id))
    throw new UsageError(`${id} already exists (${displayPath(taken.get(id)!)}); choose another id, or use --from ${id} to start a new KPI from it`);

  const dictionary = workspace.config.paths.kpis.replace(/\/+$/, '');
  const source = options.from === undefined ? undefined : workspace.kpis.find((k) => k.id === options.from);
  if (options.from !== undefined && !source) {
    throw new UsageError(
      `--from ${options.from}: ${taken.has(options.from) ? 'that entry has errors; fix them first (prf validate lists them)' : 'no such KPI in the dictionary'}`,
    );
  }
  let folder: string;
  if (options.folder !== undefined) {
    folder = toPosix(relative(root, resolve(io.cwd, options.folder)));
    if (folder !== dictionary && !folder.startsWith(`${dictionary}/`))
      throw new UsageError(`--folder ${options.folder}: must be inside the dictionary folder (${displayPath(dictionary)}), where prf reads KPIs`);
  } else {
    const located = workspace.kpis.map((k) => ({ id: k.id, committee: k.committee, file: workspace.kpiOrigins.get(k.id)!.file }));
    folder = folderForNew(located, { from: options.from, committee: options.committee ?? source?.committee }, dictionary);
  }
  const file = `${folder}/${id}.yaml`;
  assertInside(join(root, file), root, displayPath(file));
  if (existsSync(join(root, file))) throw new UsageError(`${displayPath(file)} already exists; prf new never overwrites a file`);

  const schema = join(root, 'schemas', 'kpi.schema.json');
  const schemaPath = existsSync(schema) ? toPosix(relative(join(root, folder), schema)) : null;
  const entry = source ? entryFrom(source, id, options.committee) : blankEntry(id, workspace.config, options.committee);
  await stopIfInterrupted(io);
  writeFileAtomic(join(root, file), entryText(entry, schemaPath));
  io.stdout.write(`wrote    ${displayPath(file)}\n`);
  io.stdout.write(`Fill in its blanks; prf validate --strict ${displayPath(file)} lists those left.\n`);
  return EXIT.ok;
}
