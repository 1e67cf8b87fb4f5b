import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planSignoff, reviewersOwing } from '../core/signoff-plan.js';
import { formatPeriod, type Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';
import { outturnEdits } from '../write/outturn-edits.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { counted } from '../text/plural.js';
import { firstControl } from '../text/controls.js';
import { dateOption, loadForCommand, resolvePeriodArg } from './context.js';
import { EXIT, stopIfInterrupted, UsageError, type CliIO, type GlobalOptions } from './io.js';
import { lockedWorkspace } from './locked.js';
import { resolveWorkspaceRoot } from './workspace-root.js';

export interface SignoffOptions {
  kpi: string[];
  by?: string;
  dryRun?: boolean;
  today?: string;
}

/** Without --by: who has figures of the period to sign off, each with the command to run. */
function missingBy(workspace: Workspace, period: Period): string {
  const name = formatPeriod(period);
  const owing = reviewersOwing(workspace, period);
  if (owing.length === 0) return `--by names the data reviewer signing off; no figure of ${name} awaits sign-off`;
  const lines = owing.map((o) => `  ${counted(o.count, 'figure')}: prf signoff ${name} --by "${o.role}"`);
  return `--by names the data reviewer signing off; figures of ${name} awaiting sign-off, by reviewer:\n${lines.join('\n')}`;
}

export async function runSignoff(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: SignoffOptions): Promise<number> {
  const today = dateOption('--today', options.today ?? new Date().toISOString().slice(0, 10));
  if (options.by === undefined) {
    // Nothing is written, so no lock: the answer is the list of reviewers and their commands.
    const { workspace } = loadForCommand(io, globals);
    throw new UsageError(missingBy(workspace, resolvePeriodArg(io, workspace, periodText, { today })));
  }
  const role = options.by.trim();
  if (role === '') throw new UsageError('--by needs the reviewer\'s role, as roles.reviewer names it, e.g. --by "Repairs Manager"');
  // Written into reviewed_by: one line of text, as the text rule asks of the data.
  if (/[\t\n]/.test(role) || firstControl(role)) throw new UsageError('--by: give the role as one line of text, without line breaks or control characters');
  // Held from reading the figures to writing them, so a concurrent import's figures are kept.
  return lockedWorkspace(io, resolveWorkspaceRoot(io.cwd, globals.workspace), 'signoff', () => signoffLocked(io, globals, periodText, options, role, today));
}

async function signoffLocked(
  io: CliIO,
  globals: GlobalOptions,
  periodText: string | undefined,
  options: SignoffOptions,
  role: string,
  today: string,
): Promise<number> {
  const { root, workspace, displayPath } = loadForCommand(io, globals);
  const period = resolvePeriodArg(io, workspace, periodText, { today });
  const ids = options.kpi.length > 0 ? options.kpi : null;
  for (const id of ids ?? []) if (!workspace.kpis.some((k) => k.id === id)) throw new UsageError(`--kpi ${id}: no such KPI in the dictionary`);
  const plan = planSignoff(workspace, period, role, ids);
  if (ids === null && plan.sign.length + plan.already.length + plan.nothing.length + plan.refused.length === 0) {
    const reviewers = [...new Set(workspace.kpis.filter((k) => k.kind === 'measure').map((k) => k.roles.reviewer.trim()))].sort();
    throw new UsageError(`--by ${role}: no measure has that data reviewer; the reviewers are ${reviewers.join(', ')} (or name the KPIs with --kpi)`);
  }
  if (plan.refused.length > 0) {
    for (const r of plan.refused) io.stderr.write(`prf: ${r.message}\n`);
    io.stderr.write('prf: nothing was signed off\n');
    return EXIT.problems;
  }
  const kpis = new Map(workspace.kpis.map((k) => [k.id, k]));
  const edits = outturnEdits(
    {
      additions: [],
      unchanged: [],
      diagnostics: [],
      restatements: plan.sign.map((o) => ({ old: o, new: { ...o, periodName: o.periodName, period: o.period, reviewedBy: role }, note: o.note ?? '' })),
    },
    workspace.config,
    kpis,
    (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null),
  );
  if (!edits.ok) {
    io.stderr.write(`prf: ${displayPath(edits.file)}: ${edits.message}; nothing was signed off\n`);
    return EXIT.problems;
  }
  for (const o of plan.sign) io.stdout.write(`sign     ${o.kpi} ${o.periodName}\n`);
  for (const o of plan.already) io.stdout.write(`already  ${o.kpi} ${o.periodName} (signed off by ${o.reviewedBy})\n`);
  for (const id of plan.nothing) io.stdout.write(`nothing  ${id} (no figure recorded for ${formatPeriod(period)} yet)\n`);
  if (options.dryRun) {
    io.stdout.write(`dry run: ${counted(plan.sign.length, 'figure')} would be signed off by ${role}; nothing was written\n`);
    return EXIT.ok;
  }
  await stopIfInterrupted(io);
  if (edits.files.length > 0)
    writeFilesAtomically(
      root,
      edits.files.map((f) => ({ path: f.path, data: f.text })),
    );
  for (const f of edits.files) io.stdout.write(`wrote    ${displayPath(f.path)}\n`);
  io.stdout.write(`${counted(plan.sign.length, 'figure')} signed off by ${role} (reviewed_by)\n`);
  return EXIT.ok;
}
