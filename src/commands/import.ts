import { existsSync, readFileSync } from 'node:fs';
import { firstControl } from '../text/controls.js';
import { readInputFile } from '../load/input-file.js';
import { join, relative, resolve } from 'node:path';
import { dictionarySeal } from '../git/dictionary-commit.js';
import { periodWithin, planImport, type ImportPlan } from '../core/import-plan.js';
import { outturnEdits } from '../write/outturn-edits.js';
import { formatPeriod } from '../model/periods.js';
import { countBySeverity, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { stylish } from '../render/diagnostics.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { decodeText, sourceInMemory } from '../load/decode.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { readOutturnCsv } from '../load/outturn-csv.js';
import { implausibleFigure } from '../rules/figure-rules.js';
import { observationsOf } from '../core/observations.js';
import type { Observation } from '../model/workspace.js';
import { dateOption, loadForCommand, resolvePeriodArg } from './context.js';
import { colorFor, EXIT, stopIfInterrupted, UsageError, type CliIO } from './io.js';
import { lockedWorkspace } from './locked.js';
import { resolveWorkspaceRoot } from './workspace-root.js';
import type { GlobalOptions } from './io.js';
import { counted } from '../text/plural.js';
import { toPosix } from '../load/paths.js';
import { applyStrict } from './validate.js';
import { slipDiagnostics } from '../rules/slip-rules.js';
import { byText } from '../text/compare.js';
import { readTable, type TableResult } from '../load/read-table.js';
import { isWideHeader, readWideSheet, type WideSheet } from '../load/wide-sheet.js';
import { normaliseHeader } from '../load/outturn-csv.js';
import { MARKER_SHEET } from '../formats/form-layout.js';

export interface ImportOptions {
  sheet?: string;
  dryRun?: boolean;
  restate?: boolean;
  reason?: string;
  period?: string;
  today?: string;
  strict?: boolean;
}

/**
 * A history sheet, not a prf return form or a long CSV: a workbook without prf's marker sheet,
 * or a CSV with no period column whose header names periods. null for prf's own formats.
 */
async function wideSheetOf(file: string, bytes: Uint8Array, sheet: string | undefined): Promise<TableResult | null> {
  if (/\.xlsx$/i.test(file)) {
    const table = await readTable(file, bytes, sheet);
    if (table.sheets.includes(MARKER_SHEET)) return null;
    if (table.diagnostics.length > 0) return sheet === undefined ? null : table;
    // A workbook with no period headings is neither: the form reader says what prf reads.
    return table.rows.slice(0, 20).some((r) => isWideHeader(r.cells)) ? table : null;
  }
  if (!/\.csv$/i.test(file)) return null;
  const table = await readTable(file, bytes, undefined);
  const first = table.rows.find((r) => r.cells.some((c) => c !== ''));
  if (!first || first.cells.some((c) => normaliseHeader(c) === 'period')) return null;
  return table.rows.slice(0, 20).some((r) => isWideHeader(r.cells)) ? table : null;
}

/** What was recognised in a history sheet, listed before anything is written. */
function listWide(io: CliIO, file: string, sheet: string | null, r: WideSheet): void {
  if (r.periods.length === 0) return;
  const periods = r.periods.map((p) => (p.header === p.period ? p.period : `${p.header} (${p.period})`));
  io.stdout.write(
    `read     ${file}${sheet ? ` (sheet ${sheet})` : ''}: ${r.kpiColumnHolds === 'ids' ? 'KPI ids' : 'KPIs by measure name'} in column "${r.kpiColumn}"; ${counted(periods.length, 'period column')}: ${periods.join(', ')}\n`,
  );
  if (r.ignored.length > 0) io.stdout.write(`         not read: ${r.ignored.join(', ')}\n`);
  if (r.otherFrequency > 0)
    io.stdout.write(`         left out: ${counted(r.otherFrequency, 'cell')} in columns not of its KPI's frequency (a year total beside quarters, say)\n`);
  if (r.noFigure.size > 0) {
    const words = [...r.noFigure].map(([w, n]) => `"${w}" ×${n}`).join(', ');
    io.stdout.write(`         no figure (nothing recorded, still owed): ${words}\n`);
  }
}

const figure = (o: Observation) => (o.value === null ? 'n/a' : String(o.value));

export async function runImport(io: CliIO, globals: GlobalOptions, fileArgs: string[], options: ImportOptions): Promise<number> {
  const reason = options.reason?.trim();
  if (options.restate && !reason)
    throw new UsageError('--restate needs --reason "why the figures changed": the reason is written into each restated row, for audit');
  // Written into each restated row's note: no control characters (the text rule).
  if (reason && firstControl(reason)) throw new UsageError('--reason: give the reason without control characters');
  if (!options.restate && options.reason !== undefined) throw new UsageError('--reason goes with --restate; without it nothing recorded is replaced');
  // The clock is read here, at the edge; --today makes a run reproducible.
  const today = dateOption('--today', options.today ?? new Date().toISOString().slice(0, 10));
  // Held from reading the data to writing it, so a second import reads this one's figures.
  return lockedWorkspace(io, resolveWorkspaceRoot(io.cwd, globals.workspace), 'import', () => importLocked(io, globals, fileArgs, options, reason, today));
}

async function importLocked(
  io: CliIO,
  globals: GlobalOptions,
  fileArgs: string[],
  options: ImportOptions,
  reason: string | undefined,
  today: string,
): Promise<number> {
  const loaded = loadForCommand(io, globals);
  const { root, workspace, displayPath } = loaded;
  const period = options.period === undefined ? null : formatPeriod(resolvePeriodArg(io, workspace, options.period));
  const kpis = new Map(workspace.kpis.map((k) => [k.id, k]));

  const diagnostics: Diagnostic[] = [];
  const incoming: Observation[] = [];
  const unfilled: string[] = [];
  // Forms are checked against the dictionary as it is now: worked out once, and only for forms.
  let seal: ReturnType<typeof dictionarySeal> | null = null;
  for (const arg of fileArgs) {
    const abs = resolve(io.cwd, arg);
    const file = toPosix(relative(root, abs));
    const bytes = readInputFile(abs, arg);
    const wide = await wideSheetOf(file, bytes, options.sheet);
    if (wide !== null) {
      const r = readWideSheet(file, wide.rows, kpis);
      diagnostics.push(...wide.diagnostics, ...r.diagnostics);
      listWide(io, displayPath(file), wide.sheet, r);
      for (const o of r.observations) {
        if (period !== null && !periodWithin(o, period, workspace.config.financialYearStartMonth)) continue;
        incoming.push(o);
      }
    } else if (/\.xlsx$/i.test(abs)) {
      const { readForm } = await import('../load/read-form.js');
      seal ??= dictionarySeal(root, workspace);
      const r = await readForm(file, bytes, { kpis, entries: seal.entries, currentCommit: seal.commit, period });
      diagnostics.push(...r.diagnostics);
      incoming.push(...r.observations);
      unfilled.push(...r.unfilled.map((u) => `${u.kpi} ${u.period}`));
    } else if (/\.csv$/i.test(abs)) {
      const decoded = decodeText(sourceInMemory(file, bytes));
      diagnostics.push(...decoded.diagnostics);
      if (decoded.text !== null) {
        const r = readOutturnCsv(file, decoded.text, kpis);
        diagnostics.push(...r.diagnostics);
        // --period holds a CSV to that period's rows, as it holds a form.
        for (const o of r.observations) {
          if (period !== null && !periodWithin(o, period, workspace.config.financialYearStartMonth)) {
            diagnostics.push(
              diagnostic(
                file,
                { line: o.origin.line, column: 1 },
                'error',
                'import-wrong-period',
                `${o.kpi} ${o.periodName} is not in ${period}: remove the row or import without --period`,
              ),
            );
          } else incoming.push(o);
        }
      }
    } else throw new UsageError(`${arg}: import reads .xlsx return forms and .csv files`);
  }

  // Typing slips are judged for the incoming rows against the figures already recorded.
  const arriving = new Set(incoming);
  for (const kpi of workspace.kpis) {
    if (kpi.kind !== 'measure') continue;
    const theirs = incoming.filter((o) => o.kpi === kpi.id);
    if (theirs.length === 0) continue;
    const periods = new Set(theirs.map((o) => o.periodName));
    const rows = [...observationsOf(workspace, kpi.id).filter((o) => !periods.has(o.periodName)), ...theirs].sort(byText((o) => o.periodName));
    diagnostics.push(...slipDiagnostics(kpi, rows, (o) => arriving.has(o)));
  }

  const plan: ImportPlan = planImport(incoming, workspace.observations, options.restate ? { reason: reason!, today } : null);
  diagnostics.push(...plan.diagnostics);
  // Each new or restated figure against the KPI's figures before it: "check this figure", not an error.
  for (const o of [...plan.additions, ...plan.restatements.map((r) => r.new)]) {
    const kpi = kpis.get(o.kpi);
    if (kpi?.kind !== 'measure') continue;
    const found = implausibleFigure(kpi, observationsOf(workspace, kpi.id), o, workspace.config);
    if (found) diagnostics.push(found);
  }
  if (options.strict) diagnostics.splice(0, diagnostics.length, ...applyStrict(diagnostics, true));
  const color = colorFor(io.stderr, io.env, globals.color);
  if (countBySeverity(diagnostics).errors > 0) {
    io.stderr.write(stylish(diagnostics, { displayPath, color }));
    io.stderr.write('prf: nothing was imported; fix the problems above and import again\n');
    return EXIT.problems;
  }
  if (diagnostics.length > 0) io.stderr.write(stylish(diagnostics, { displayPath, color }));

  const edits = outturnEdits(plan, workspace.config, kpis, (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null));
  if (!edits.ok) {
    io.stderr.write(`prf: ${displayPath(edits.file)}: ${edits.message}; nothing was imported\n`);
    return EXIT.problems;
  }
  // The changed files must still make a valid workspace: checked in memory before anything is written.
  const changed = new Map(edits.files.map((f) => [f.path, Buffer.from(f.text, 'utf8')]));
  const outturns = [...loaded.sources.outturns.filter((s) => !changed.has(s.path)), ...[...changed].map(([path, bytes]) => sourceInMemory(path, bytes))];
  const after = loadWorkspace({ ...loaded.sources, outturns }).diagnostics.filter((d) => d.severity === 'error');
  if (after.length > 0) {
    io.stderr.write(stylish(after, { displayPath, color }));
    io.stderr.write('prf: the workspace would not validate with these figures; nothing was imported\n');
    return EXIT.problems;
  }

  for (const o of plan.additions) io.stdout.write(`add      ${o.kpi} ${o.periodName} ${figure(o)}\n`);
  for (const r of plan.restatements) io.stdout.write(`restate  ${r.new.kpi} ${r.new.periodName} ${figure(r.old)} -> ${figure(r.new)}  (${r.note})\n`);
  for (const o of plan.unchanged) io.stdout.write(`same     ${o.kpi} ${o.periodName} ${figure(o)} (already recorded)\n`);
  for (const u of unfilled) io.stdout.write(`blank    ${u} (left empty on the form; nothing imported)\n`);
  const count = plan.additions.length + plan.restatements.length;
  if (options.dryRun) {
    for (const f of edits.files) io.stdout.write(`would write ${displayPath(f.path)}\n`);
    io.stdout.write(`dry run: ${counted(count, 'figure')} would change; nothing was written\n`);
    return EXIT.ok;
  }
  await stopIfInterrupted(io);
  if (edits.files.length > 0)
    writeFilesAtomically(
      root,
      edits.files.map((f) => ({ path: f.path, data: f.text })),
    );
  for (const f of edits.files) io.stdout.write(`wrote    ${displayPath(f.path)}\n`);
  io.stdout.write(`${counted(count, 'figure')} imported${count > 0 ? '; each awaits sign-off by its data reviewer (reviewed_by), as prf due shows' : ''}\n`);
  return EXIT.ok;
}
