import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { commentarySkeletons } from '../core/commentary-skeleton.js';
import { ownPeriodsIn } from '../core/spans.js';
import { computeStatus } from '../core/status.js';
import { formatPeriod } from '../model/periods.js';
import { commentaryText } from '../render/commentary-text.js';
import { writeFileAtomic } from '../write/atomic-write.js';
import { toPosix } from '../load/paths.js';
import { counted } from '../text/plural.js';
import { dateOption, loadForCommand, resolvePeriodArg } from './context.js';
import { EXIT, stopIfInterrupted, type CliIO, type GlobalOptions } from './io.js';
import { lockedWorkspace } from './locked.js';
import { resolveWorkspaceRoot } from './workspace-root.js';

export interface CommentaryOptions {
  dryRun?: boolean;
  today?: string;
}

/** Where a period's commentary lives: the file that already holds it, else `<commentary>/<period>.yaml`. */
export function commentaryFileOf(
  workspace: { config: { paths: { commentary: string } }; commentary: ReadonlyMap<string, { origin: { file: string } }> },
  period: string,
): string {
  return workspace.commentary.get(period)?.origin.file ?? `${workspace.config.paths.commentary.replace(/\/+$/, '')}/${period}.yaml`;
}

export async function runCommentary(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: CommentaryOptions): Promise<number> {
  const today = dateOption('--today', options.today ?? new Date().toISOString().slice(0, 10));
  // Held from reading the commentary file to replacing it, so an edit made meanwhile by another prf is not lost.
  return lockedWorkspace(io, resolveWorkspaceRoot(io.cwd, globals.workspace), 'commentary', () => commentaryLocked(io, globals, periodText, options, today));
}

async function commentaryLocked(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: CommentaryOptions, today: string): Promise<number> {
  const { root, workspace, displayPath } = loadForCommand(io, globals);
  const period = resolvePeriodArg(io, workspace, periodText, periodText === undefined && workspace.observations.length === 0 ? { today } : {});
  const name = formatPeriod(period);
  const file = commentaryFileOf(workspace, name);
  const written = new Set(Object.keys(workspace.commentary.get(name)?.commentary.kpis ?? {}));
  const startMonth = workspace.config.financialYearStartMonth;
  const skeletons = commentarySkeletons(
    computeStatus(workspace, period).kpis,
    new Map(workspace.kpis.map((k) => [k.id, k])),
    written,
    (kpi) => ownPeriodsIn(kpi.frequency, period, startMonth).length > 0,
  );
  for (const s of skeletons) io.stdout.write(`add      ${s.context[0]}\n`);
  for (const id of [...written].sort()) io.stdout.write(`kept     ${id} (already written)\n`);
  if (skeletons.length === 0) {
    io.stdout.write(`Nothing to add: ${displayPath(file)} has every KPI that needs commentary for ${name}\n`);
    return EXIT.ok;
  }
  if (options.dryRun) {
    io.stdout.write(`dry run: ${counted(skeletons.length, 'entry', 'entries')} would be added to ${displayPath(file)}; nothing was written\n`);
    return EXIT.ok;
  }
  const abs = join(root, file);
  const existing = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  const schema = join(root, 'schemas', 'commentary.schema.json');
  const schemaPath = existsSync(schema) ? toPosix(relative(join(abs, '..'), schema)) : null;
  const text = commentaryText(existing, name, skeletons, schemaPath);
  await stopIfInterrupted(io);
  writeFileAtomic(abs, text);
  io.stdout.write(
    `wrote    ${displayPath(file)}: ${counted(skeletons.length, 'entry', 'entries')} to fill (each blank '' or null); prf validate names those left, prf report ${name} then writes the papers\n`,
  );
  return EXIT.ok;
}
