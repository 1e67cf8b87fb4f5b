import { existsSync, readFileSync } from 'node:fs';
import { firstControl } from '../text/controls.js';
import { basename, join, relative, resolve } from 'node:path';
import { planImport } from '../core/import-plan.js';
import { planTsm, tsmEntries, type SourcedRelease, type TsmPlan } from '../core/tsm-plan.js';
import { readTsmRelease } from '../core/tsm-workbook.js';
import { peerMembers } from '../core/tsm-benchmarks.js';
import { formatFixed } from '../core/figures.js';
import { withBenchmarks } from '../formats/kpi-benchmarks-yaml.js';
import { countBySeverity, diagnostic, START, type Diagnostic } from '../diagnostics/diagnostic.js';
import { stylish } from '../render/diagnostics.js';
import { readTsmFiles } from '../load/tsm-file.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { outturnEdits } from '../write/outturn-edits.js';
import { writeFilesAtomically } from '../write/write-files.js';
import type { PeerGroup } from '../model/config.js';
import { dateOption, loadForCommand } from './context.js';
import { colorFor, EXIT, stopIfInterrupted, UsageError, type CliIO, type GlobalOptions } from './io.js';
import { lockedWorkspace } from './locked.js';
import { resolveWorkspaceRoot } from './workspace-root.js';
import { sourceInMemory } from '../load/decode.js';

export interface TsmOptions {
  landlord?: string;
  peers: string[];
  year: string[];
  dryRun?: boolean;
  listPeers?: boolean;
  restate?: boolean;
  reason?: string;
  today?: string;
}

const PEER_EXAMPLE = `benchmarks:
  tsm:
    landlord: 26UC
    peerGroups:
      - id: councils-under-15000
        name: Councils under 15,000 homes
        type: LA
        homes: { under: 15000 }`;

const thousands = (n: number) => n.toLocaleString('en-GB');

function describeGroup(g: PeerGroup): string {
  const parts: string[] = [g.tenure];
  if (g.type) parts.push(g.type === 'LA' ? 'councils' : 'private registered providers');
  if (g.homes?.atLeast !== undefined) parts.push(`at least ${thousands(g.homes.atLeast)} homes`);
  if (g.homes?.under !== undefined) parts.push(`under ${thousands(g.homes.under)} homes`);
  if (g.codes) parts.push(`${g.codes.length} listed codes`);
  return parts.join(', ');
}

const leftOut = (excluded: Record<string, number>) => {
  const e = Object.entries(excluded);
  return e.length === 0 ? '' : `; left out: ${e.map(([k, v]) => `${k} ${v}`).join(', ')}`;
};

/** The release's name: the sheet year and, where the file name gives one, its version (v1.1). */
function releaseName(file: string, publicationYear: number): string {
  const version = /[_ -]v(\d+(?:\.\d+)*)/i.exec(file)?.[1];
  return `Regulator of Social Housing, Tenant Satisfaction Measures ${publicationYear} full data${version ? ` v${version}` : ''}`;
}

export async function runBenchmarksTsm(io: CliIO, globals: GlobalOptions, fileArgs: string[], options: TsmOptions): Promise<number> {
  const reason = options.reason?.trim();
  if (options.restate && !reason) throw new UsageError('--restate needs --reason "why the figures changed": the reason is written into each restated row');
  // Written into each restated row's note: no control characters (the text rule).
  if (reason && firstControl(reason)) throw new UsageError('--reason: give the reason without control characters');
  if (!options.restate && options.reason !== undefined) throw new UsageError('--reason goes with --restate; without it nothing recorded is replaced');
  const today = dateOption('--today', options.today ?? new Date().toISOString().slice(0, 10));
  for (const y of options.year) if (!/^\d{4}-\d{2}$/.test(y)) throw new UsageError(`--year ${y}: give a reporting year such as 2024-25`);
  // Held from reading the dictionary and figures to writing them, so a concurrent writer's changes are kept.
  return lockedWorkspace(io, resolveWorkspaceRoot(io.cwd, globals.workspace), 'benchmarks', () => tsmLocked(io, globals, fileArgs, options, reason, today));
}

async function tsmLocked(
  io: CliIO,
  globals: GlobalOptions,
  fileArgs: string[],
  options: TsmOptions,
  reason: string | undefined,
  today: string,
): Promise<number> {
  const loaded = loadForCommand(io, globals);
  if (typeof loaded === 'number') return loaded;
  const { root, workspace, displayPath } = loaded;
  const settings = workspace.config.benchmarks;
  const method = settings?.method ?? 'QUARTILE.INC';
  const tsm = settings?.tsm;
  const declared = tsm?.peerGroups ?? [];
  if (declared.length === 0) throw new UsageError(`prf.yaml declares no peer groups: add them under benchmarks.tsm.peerGroups, for example\n${PEER_EXAMPLE}`);
  const groups = options.peers.length === 0 ? declared : options.peers.map((p) => declared.find((g) => g.id === p || g.name === p));
  const unknown = options.peers.filter((_, i) => groups[i] === undefined);
  if (unknown.length > 0) throw new UsageError(`--peers ${unknown.join(', ')}: prf.yaml declares ${declared.map((g) => g.id).join(', ')}`);
  const peers = groups as PeerGroup[];
  const landlord = (options.landlord ?? tsm?.landlord)?.trim();
  if (!options.listPeers && !landlord)
    throw new UsageError('give your landlord code with --landlord CODE (or benchmarks.tsm.landlord in prf.yaml); codes are on the Table_Coverage sheet');
  const tenure = tsm?.tenure ?? 'LCRA';

  const diagnostics: Diagnostic[] = [];
  const releases: SourcedRelease[] = [];
  const absolute = fileArgs.map((arg) => resolve(io.cwd, arg));
  const read = await readTsmFiles(absolute.map((path, i) => ({ path, shown: fileArgs[i]! })));
  for (const [i, arg] of fileArgs.entries()) {
    const abs = absolute[i]!;
    const path = relative(root, abs).split('\\').join('/');
    const file = read[i]!;
    const parsed = readTsmRelease(file.sheets);
    if (!parsed.ok) {
      for (const p of parsed.problems)
        diagnostics.push(diagnostic(path, START, 'error', 'tsm-layout-unrecognised', `not a TSM full-data workbook layout prf recognises: ${p}`));
      continue;
    }
    const release = parsed.release;
    if (options.year.length > 0 && !options.year.includes(release.year)) continue;
    const same = releases.find((r) => r.release.year === release.year);
    if (same) throw new UsageError(`${arg} and ${same.path} are both for ${release.year}: give one release per year`);
    if (landlord && !options.listPeers && !release.landlords.has(landlord))
      diagnostics.push(
        diagnostic(
          path,
          START,
          'error',
          'tsm-landlord-unknown',
          `${landlord} is not in this ${release.year} release: check the code on its Table_Coverage sheet (a landlord that merged reports under its new code), or leave this year out with --year`,
        ),
      );
    releases.push({ release, path, source: { release: releaseName(basename(abs), release.publicationYear), file: basename(abs), sha256: file.sha256 } });
  }
  for (const y of options.year)
    if (!diagnostics.length && !releases.some((r) => r.release.year === y)) throw new UsageError(`--year ${y}: none of the files is for ${y}`);
  const color = colorFor(io.stderr, io.env, globals.color);
  if (countBySeverity(diagnostics).errors > 0) {
    io.stderr.write(stylish(diagnostics, { displayPath, color }));
    io.stderr.write('prf: nothing was written\n');
    return EXIT.problems;
  }

  if (options.listPeers) {
    for (const { release, path } of releases) {
      for (const g of peers) {
        const members = peerMembers(release, g);
        io.stdout.write(`${release.year} ${g.id}: ${g.name} (${describeGroup(g)}), n=${members.length}, from ${displayPath(path)}\n`);
        for (const l of members) {
          const homes = l.homes[g.tenure];
          io.stdout.write(
            `  ${l.code.padEnd(7)} ${l.typeLabel.padEnd(4)} ${(homes === null ? '-' : thousands(homes)).padStart(7)}  ${l.name}${l.code === landlord ? '  (you)' : ''}\n`,
          );
        }
      }
    }
    return EXIT.ok;
  }

  if (tsmEntries(workspace.kpis).length === 0)
    throw new UsageError('no dictionary entry has a TSM regulatorCode (TP01, CH01 (part 1), ...): prf init --tsm writes all of them');
  const plan = planTsm(releases, workspace.kpis, { landlord: landlord!, tenure, groups: peers, method, config: workspace.config });
  printPlan(io, plan, method, displayPath);

  // Dictionary edits, one file per entry.
  const files: Array<{ path: string; text: string }> = [];
  const canonical = (b: object) => JSON.stringify(Object.entries(b).sort(([x], [y]) => (x < y ? -1 : 1)));
  for (const [id, benchmarks] of plan.benchmarks) {
    // Already there, word for word (a re-run): the file is not even parsed again.
    const kpi = workspace.kpis.find((k) => k.id === id);
    const recorded = new Set((kpi?.kind === 'measure' ? (kpi.benchmarks ?? []) : []).map(canonical));
    if (benchmarks.every((b) => recorded.has(canonical(b)))) continue;
    const file = workspace.kpiOrigins.get(id)!.file;
    const edit = withBenchmarks(readFileSync(join(root, file), 'utf8'), benchmarks);
    if (!edit.ok) {
      io.stderr.write(`prf: ${displayPath(file)}: ${edit.message}; nothing was written\n`);
      return EXIT.problems;
    }
    if (edit.changed) files.push({ path: file, text: edit.text });
  }

  // The landlord's own figures, through the import rules.
  const importPlan = planImport(plan.observations, workspace.observations, options.restate ? { reason: reason!, today } : null);
  if (importPlan.diagnostics.length > 0) {
    io.stderr.write(stylish(importPlan.diagnostics, { displayPath, color }));
    io.stderr.write('prf: nothing was written; a recorded figure differs from the release (run again with --restate --reason "why" to replace it)\n');
    return EXIT.problems;
  }
  const kpis = new Map(workspace.kpis.map((k) => [k.id, k]));
  const edits = outturnEdits(importPlan, workspace.config, kpis, (p) => (existsSync(join(root, p)) ? readFileSync(join(root, p), 'utf8') : null));
  if (!edits.ok) {
    io.stderr.write(`prf: ${displayPath(edits.file)}: ${edits.message}; nothing was written\n`);
    return EXIT.problems;
  }
  files.push(...edits.files);

  // The edited files must still make a valid workspace: checked in memory before anything is written.
  const changed = new Map(files.map((f) => [f.path, Buffer.from(f.text, 'utf8')]));
  const csvs = edits.files.map((f) => sourceInMemory(f.path, changed.get(f.path)!));
  const outturns = [...loaded.sources.outturns.filter((s) => !changed.has(s.path)), ...csvs];
  const kpiSources = loaded.sources.kpis.map((s) => (changed.has(s.path) ? sourceInMemory(s.path, changed.get(s.path)!) : s));
  const after = loadWorkspace({ ...loaded.sources, kpis: kpiSources, outturns }).diagnostics.filter((d) => d.severity === 'error');
  if (after.length > 0) {
    io.stderr.write(stylish(after, { displayPath, color }));
    io.stderr.write('prf: the workspace would not validate with these changes; nothing was written\n');
    return EXIT.problems;
  }

  for (const o of importPlan.additions) io.stdout.write(`add      ${o.kpi} ${o.periodName} ${o.value === null ? 'n/a' : String(o.value)}\n`);
  for (const r of importPlan.restatements) io.stdout.write(`restate  ${r.new.kpi} ${r.new.periodName} (${r.note})\n`);
  for (const o of importPlan.unchanged) io.stdout.write(`same     ${o.kpi} ${o.periodName} (already recorded)\n`);
  if (options.dryRun) {
    for (const f of files) {
      io.stdout.write(`would write ${displayPath(f.path)}\n`);
      if (f.path.endsWith('.csv')) continue;
      const block = /^benchmarks:[^\n]*\n(?:[ \t#].*\n?)*/m.exec(f.text)?.[0] ?? '';
      io.stdout.write(block.replace(/^/gm, '  | ').replace(/ {2}\| $/, ''));
    }
    io.stdout.write(`dry run: ${files.length} file${files.length === 1 ? '' : 's'} would change; nothing was written\n`);
    return EXIT.ok;
  }
  await stopIfInterrupted(io);
  if (files.length > 0)
    writeFilesAtomically(
      root,
      files.map((f) => ({ path: f.path, data: f.text })),
    );
  for (const f of files) io.stdout.write(`wrote    ${displayPath(f.path)}\n`);
  io.stdout.write(
    files.length === 0
      ? 'nothing changed: the dictionary and outturns already hold these benchmarks and figures\n'
      : `${files.length} file${files.length === 1 ? '' : 's'} changed; see them with git diff, and prf diff once committed\n`,
  );
  return EXIT.ok;
}

function printPlan(io: CliIO, plan: TsmPlan, method: string, displayPath: (f: string) => string): void {
  for (const r of plan.releases) {
    const { release, source, path } = r.sourced;
    const l = r.landlord;
    io.stdout.write(`${release.year}: ${source.release}\n`);
    io.stdout.write(`  file ${displayPath(path)}, sha256 ${source.sha256}\n`);
    io.stdout.write(`  landlord ${l.code} ${l.name} (${l.typeLabel}; ${l.homes.LCRA === null ? 'no' : thousands(l.homes.LCRA)} LCRA homes)\n`);
    io.stdout.write(`  quartiles by Excel ${method}; codes, blank cells and landlords without a row are left out and counted\n`);
    for (const line of r.lines) {
      const d = line.kpi.decimals;
      const own = line.own.value === null ? (line.own.imported ? 'n/a' : 'none') : formatFixed(line.own.value, d);
      const top =
        line.kpi.polarity === 'neutral' ? 'no polarity: no quartile is best' : `top quartile: ${line.kpi.polarity === 'higher' ? 'highest' : 'lowest'}`;
      io.stdout.write(`  ${line.kpi.id} ${line.kpi.name}: ${own}${line.skipped ? ` (${line.skipped})` : ''}; ${top}\n`);
      for (const g of line.groups) {
        const q = g.quartiles;
        const figures = q.quartiles
          ? `lower quartile ${formatFixed(q.quartiles.lower, d)}, median ${formatFixed(q.quartiles.median, d)}, upper quartile ${formatFixed(q.quartiles.upper, d)}`
          : 'too few figures for quartiles';
        const where = g.position ? `; ${l.code} in quartile ${g.position.quartile} (1 = best)` : '';
        io.stdout.write(`    ${q.group.name} (n=${q.n} of ${q.members}${leftOut(q.excluded)}): ${figures}${where}\n`);
      }
    }
  }
}
