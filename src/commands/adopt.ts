import { existsSync, readFileSync } from 'node:fs';
import { readInputFile } from '../load/input-file.js';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { findHeader, parseMaps } from '../core/adopt-columns.js';
import { planAdoption } from '../core/adopt-plan.js';
import { blankEntry, blankFields, entryText, withFields } from '../render/kpi-template.js';
import { stylish } from '../render/diagnostics.js';
import { addToConfig } from '../write/config-edits.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { readTable } from '../load/read-table.js';
import { readWorkspaceSources, CONFIG_FILE } from '../load/read-sources.js';
import { toPosix } from '../load/paths.js';
import { fyOfMonth, parsePeriod } from '../model/periods.js';
import { kpiIdOfPath } from '../rules/kpi-rules.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { counted } from '../text/plural.js';
import { dateOption } from './context.js';
import { colorFor, EXIT, stopIfInterrupted, UsageError, type CliIO, type GlobalOptions } from './io.js';
import { lockedWorkspace } from './locked.js';
import { displayPathFn, resolveWorkspaceRoot } from './workspace-root.js';
import { bytesOf, type SourceFile } from '../load/decode.js';

export interface AdoptOptions {
  sheet?: string;
  map: string[];
  dryRun?: boolean;
  firstYear?: string;
  today?: string;
}

/** The name in each dictionary file, read leniently: a draft from an earlier adopt is not yet valid. */
function namesOnDisk(files: readonly SourceFile[]): Array<{ id: string; name: string; service?: string }> {
  return files.map((f) => {
    let name = '';
    let service: string | undefined;
    try {
      const doc = parse(Buffer.from(bytesOf(f)).toString('utf8')) as { name?: unknown; service?: unknown } | null;
      if (typeof doc?.name === 'string') name = doc.name;
      if (typeof doc?.service === 'string') service = doc.service;
    } catch {
      // A file that does not parse still takes its id; validate reports the syntax.
    }
    return { id: kpiIdOfPath(f.path), name, service };
  });
}

export async function runAdoptDictionary(io: CliIO, globals: GlobalOptions, fileArg: string, options: AdoptOptions): Promise<number> {
  const { maps, problems: mapProblems } = parseMaps(options.map);
  if (mapProblems.length > 0) throw new UsageError(mapProblems.join('; '));
  const today = dateOption('--today', options.today ?? new Date().toISOString().slice(0, 10));
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  // Held from reading the dictionary (which ids are taken) to writing the drafts and prf.yaml.
  return lockedWorkspace(io, root, 'adopt', () => adoptLocked(io, globals, fileArg, options, root, maps, today));
}

async function adoptLocked(
  io: CliIO,
  globals: GlobalOptions,
  fileArg: string,
  options: AdoptOptions,
  root: string,
  maps: ReturnType<typeof parseMaps>['maps'],
  today: string,
): Promise<number> {
  const displayPath = displayPathFn(root, io.cwd);
  const color = colorFor(io.stderr, io.env, globals.color);
  const sources = readWorkspaceSources(root);
  const { workspace, diagnostics } = loadWorkspace(sources);
  if (workspace === null) {
    io.stderr.write(
      stylish(
        diagnostics.filter((d) => d.file === CONFIG_FILE && d.severity === 'error'),
        { displayPath, color },
      ),
    );
    io.stderr.write(`prf: ${CONFIG_FILE} has errors; fix them and run again\n`);
    return EXIT.problems;
  }
  const config = workspace.config;
  let firstFy: number;
  if (options.firstYear !== undefined) {
    const p = parsePeriod(options.firstYear);
    if (!p.ok || p.value.kind !== 'year') throw new UsageError(`--first-year ${options.firstYear}: give a financial year, e.g. 2024-25`);
    firstFy = p.value.fy;
  } else firstFy = fyOfMonth({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }, config.financialYearStartMonth);

  const abs = resolve(io.cwd, fileArg);
  if (!/\.(csv|xlsx)$/i.test(abs)) throw new UsageError(`${fileArg}: adopt reads a KPI list saved as .xlsx or .csv`);
  const bytes = readInputFile(abs, fileArg);
  const file = toPosix(relative(io.cwd, abs));
  const table = await readTable(file, bytes, options.sheet);
  if (table.diagnostics.length > 0) {
    io.stderr.write(stylish(table.diagnostics, { displayPath: (f) => f, color }));
    return EXIT.problems;
  }
  const at = findHeader(table.rows, maps);
  if (at < 0) {
    const first = table.rows[0]?.cells.filter(Boolean).join(', ') ?? 'nothing';
    io.stderr.write(`prf: ${file}: no row has a column prf reads as the measure's name (the first row has ${first}); add --map "YOUR HEADER=name"\n`);
    return EXIT.problems;
  }
  const header = table.rows[at]!;
  const existing = [...namesOnDisk(sources.kpis), ...workspace.kpis.map((k) => ({ id: k.id, name: k.name, service: k.service }))];
  const plan = planAdoption(header.cells, table.rows.slice(at + 1), maps, {
    config,
    existing,
    fileExists: (p) => existsSync(join(root, p)),
    firstFy,
  });
  const where = (line: number) => (line === 0 ? file : `${file}:${line}`);
  if (plan.problems.length > 0) {
    for (const p of plan.problems) io.stderr.write(`${where(p.line)}: ${p.message}\n`);
    io.stderr.write('prf: nothing was written; fix the sheet or the --map options and run again\n');
    return EXIT.problems;
  }

  const read = plan.columns.filter((c) => c.field !== null).map((c) => `${c.header} -> ${c.field}`);
  const ignored = plan.columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header);
  io.stdout.write(`read     ${file}${table.sheet ? ` (sheet ${table.sheet})` : ''}: header on row ${header.line}; ${read.join(', ')}\n`);
  if (ignored.length > 0) io.stdout.write(`ignored  columns ${ignored.join(', ')} (use --map "COLUMN=field" to read one)\n`);
  for (const c of plan.newCommittees) io.stdout.write(`add      committee ${c.id} (${c.name}) to ${CONFIG_FILE}\n`);
  for (const s of plan.newServices) io.stdout.write(`add      service ${s} to ${CONFIG_FILE}\n`);
  for (const p of plan.newPriorities)
    io.stdout.write(`add      priority ${p.id} (${p.name})${p.aims.length > 0 ? ` with aims ${p.aims.map((a) => a.id).join(', ')}` : ''} to ${CONFIG_FILE}\n`);
  for (const a of plan.newAims) io.stdout.write(`add      aim ${a.aim.id} (${a.aim.name}) under priority ${a.priority} to ${CONFIG_FILE}\n`);
  for (const s of plan.skipped) io.stdout.write(`skip     ${where(s.line)}: ${s.reason}\n`);

  const blankCount = new Map<string, number>();
  const files: Array<{ path: string; data: string }> = [];
  for (const e of plan.entries) {
    // The template fills in prf.yaml's only priority; once the sheet adds others it is no longer the only one.
    const withPriorities = { ...config, priorities: [...config.priorities, ...plan.newPriorities] };
    const entry = withFields(blankEntry(e.id, withPriorities, e.committee || undefined), e.fields);
    for (const b of blankFields(entry)) blankCount.set(b, (blankCount.get(b) ?? 0) + 1);
    const schema = join(root, 'schemas', 'kpi.schema.json');
    const folder = e.file.split('/').slice(0, -1).join('/');
    const schemaPath = existsSync(schema) ? toPosix(relative(join(root, folder), schema)) : null;
    files.push({ path: e.file, data: entryText(entry, schemaPath) });
    io.stdout.write(`write    ${displayPath(e.file)}  ${String(e.fields.name)}\n`);
    for (const n of e.notes) io.stdout.write(`           ${n}\n`);
  }
  if (plan.newCommittees.length > 0 || plan.newServices.length > 0 || plan.newPriorities.length > 0 || plan.newAims.length > 0) {
    files.push({
      path: CONFIG_FILE,
      data: addToConfig(readFileSync(join(root, CONFIG_FILE), 'utf8'), {
        committees: plan.newCommittees,
        services: plan.newServices,
        priorities: plan.newPriorities,
        aims: plan.newAims,
      }),
    });
  }
  if (blankCount.size > 0) {
    const all = [...blankCount].filter(([, n]) => n === plan.entries.length).map(([f]) => f);
    const some = [...blankCount].filter(([, n]) => n < plan.entries.length).map(([f, n]) => `${f} (${n})`);
    io.stdout.write(`\nLeft blank for you to fill${all.length > 0 ? `, in every entry: ${all.join(', ')}` : ''}\n`);
    if (some.length > 0) io.stdout.write(`  in some entries: ${some.join(', ')}\n`);
  }
  const added = [
    plan.newCommittees.length > 0 ? counted(plan.newCommittees.length, 'new committee') : '',
    plan.newServices.length > 0 ? counted(plan.newServices.length, 'new service') : '',
    plan.newPriorities.length > 0 ? counted(plan.newPriorities.length, 'new priority', 'new priorities') : '',
    plan.newAims.length > 0 ? counted(plan.newAims.length, 'new aim') : '',
  ].filter(Boolean);
  const summary = [counted(plan.entries.length, 'draft entry', 'draft entries'), ...added].join(', ');
  if (options.dryRun) {
    io.stdout.write(`dry run: ${summary} would be written; nothing was written\n`);
    return EXIT.ok;
  }
  await stopIfInterrupted(io);
  if (files.length > 0) writeFilesAtomically(root, files);
  io.stdout.write(`${summary} written. Fill the blanks; prf validate --strict names each one left.\n`);
  return EXIT.ok;
}
