import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { realPathOf } from '../load/contained.js';
import { isInside } from '../load/paths.js';
import { latestFyWithQuarterData, latestQuarterWithData, resolvePeriodQuery, type Quarter, type QuarterPeriod } from '../core/period-query.js';
import { formatPeriod, inPeriodYears, PERIOD_YEARS_TEXT, quarterOfMonth, type Period } from '../model/periods.js';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { stylish } from '../render/diagnostics.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import type { WorkspaceSources } from '../load/sources.js';
import type { Config } from '../model/config.js';
import type { Workspace } from '../model/workspace.js';
import { readWorkspaceSources } from '../load/read-sources.js';
import { colorFor, ProblemsReported, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import { displayPathFn, resolveWorkspaceRoot } from './workspace-root.js';
import { counted } from '../text/plural.js';
import { isIsoDate } from '../model/dates.js';

export interface LoadedWorkspace {
  root: string;
  workspace: Workspace;
  /** The files the workspace was read from (their bytes are read again when asked for). */
  sources: WorkspaceSources;
  displayPath: (file: string) => string;
}

/**
 * Reads the workspace for a command that reports on it. Errors stop the command (exit 1) with
 * the same diagnostics `prf validate` gives, since figures from a broken dictionary would be
 * wrong; warnings do not, but are counted so nobody forgets them.
 */
export function loadForCommand(io: CliIO, globals: GlobalOptions): LoadedWorkspace {
  const root = resolveWorkspaceRoot(io.cwd, globals.workspace);
  const sources = readWorkspaceSources(root);
  const { workspace, diagnostics } = loadWorkspace(sources);
  const displayPath = displayPathFn(root, io.cwd);
  const { errors, warnings } = countBySeverity(diagnostics);
  if (errors > 0 || workspace === null) {
    const shown = diagnostics.filter((d) => d.severity === 'error');
    io.stderr.write(stylish(shown, { displayPath, color: colorFor(io.stderr, io.env, globals.color) }));
    io.stderr.write('prf: the workspace has errors; fix them (prf validate lists them) and run again\n');
    throw new ProblemsReported();
  }
  if (warnings > 0) io.stderr.write(`prf: ${counted(warnings, 'warning')} in the workspace (run prf validate to see ${warnings === 1 ? 'it' : 'them'})\n`);
  return { root, workspace, sources, displayPath };
}

/**
 * The period a command reports on: as typed, or the latest quarter with figures when none is
 * given. When the year was not typed, says on stderr which it chose, so nobody reports last
 * year's Q3 by mistake. Commands about the work in hand (due, collect) pass `today`: with no
 * period typed they take the quarter in progress on that day, which a fresh workspace has too.
 */
export function resolvePeriodArg(io: CliIO, workspace: Workspace, text: string | undefined, options: { today?: string } = {}): Period {
  const startMonth = workspace.config.financialYearStartMonth;
  if (text === undefined && options.today !== undefined) {
    const [year, month] = options.today.split('-').map(Number) as [number, number];
    const current = quarterOfMonth({ year, month }, startMonth);
    io.stderr.write(`prf: ${formatPeriod(current)}, the quarter in progress on ${options.today} (name a period for another)\n`);
    return current;
  }
  if (text === undefined) {
    const latest = latestQuarterWithData(workspace);
    if (!latest) {
      // An empty workspace is not a mistake in how prf was called: say what to do next (exit 1).
      io.stderr.write(
        'prf: there are no figures yet, so there is no latest quarter. Next: prf collect (return forms for the quarter in progress) or prf import FILE (figures you already have); or name a period, e.g. 2025-26-Q3\n',
      );
      throw new ProblemsReported();
    }
    io.stderr.write(`prf: reporting ${formatPeriod(latest)}, the latest quarter with figures\n`);
    return latest;
  }
  const r = resolvePeriodQuery(text, { startMonth, latestFyWithQuarter: latestFyWithQuarterData(workspace) });
  if (!r.ok) throw new UsageError(r.whole ? r.message : `${text}: ${r.message}`);
  if (r.chosenYear) {
    // For the work in hand, a later quarter of that name may have begun with no figures yet.
    const chosen = r.period;
    const begun = options.today !== undefined && chosen.kind === 'quarter' ? latestBegunQuarter(chosen.quarter, options.today, startMonth) : null;
    const newer =
      begun !== null && chosen.kind === 'quarter' && begun.fy > chosen.fy ? `; ${formatPeriod(begun)}, this year's, has none yet: name it to use it` : '';
    io.stderr.write(`prf: ${text} is ${formatPeriod(r.period)}, the latest financial year with figures for that quarter${newer}\n`);
  }
  return r.period;
}

/** The latest quarter numbered `quarter` to have begun by `today` (YYYY-MM-DD). */
function latestBegunQuarter(quarter: Quarter, today: string, startMonth: number): QuarterPeriod {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const current = quarterOfMonth({ year, month }, startMonth);
  return { kind: 'quarter', fy: quarter <= current.quarter ? current.fy : current.fy - 1, quarter };
}

/** A committee given with --committee must exist; the message lists the ids that do. */
export function checkCommittee(workspace: Workspace, id: string | undefined): void {
  if (id === undefined) return;
  const ids = workspace.config.committees.map((c) => c.id);
  if (!ids.includes(id)) throw new UsageError(`--committee ${id}: no such committee in prf.yaml; the committees are ${ids.join(', ')}`);
}

/** A date given on the command line (`--date`, `--today`): a real day written YYYY-MM-DD. */
export function dateOption(flag: string, text: string): string {
  if (!isIsoDate(text)) {
    throw new UsageError(`${flag} ${text}: give a real date as YYYY-MM-DD, e.g. 2026-03-12`);
  }
  // The day picks the period in progress, which must be one prf can name.
  if (!inPeriodYears({ kind: 'month', year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) }))
    throw new UsageError(`${flag} ${text}: prf reads periods in ${PERIOD_YEARS_TEXT}; give a day in one of those months`);
  return text;
}

/**
 * Output (papers, forms) never goes where it could overwrite the dictionary, the data or the
 * templates. `what` names the output in the message, `example` a good folder. Judged on real
 * paths (the link rule, src/load/contained.ts), so a link to kpis/ is refused as kpis/ is.
 */
export function checkOutputFolder(out: string, root: string, paths: Config['paths'], what: string, example: string): void {
  let outReal: string;
  try {
    outReal = realPathOf(out);
  } catch (e) {
    throw new UsageError(`--out ${out}: ${(e as Error).message.replace(/^.*?: /, '')}`);
  }
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out}: that is a file; give a folder for the ${what}, e.g. ${example}`);
  const rootReal = realPathOf(root);
  const via = outReal === resolve(out) ? '' : ` (through a link, it is ${outReal})`;
  if (outReal === rootReal) throw new UsageError(`--out ${out}: that is the workspace itself${via}; give a folder for the ${what}, e.g. ${example}`);
  // Files written among git's own would corrupt the repository that holds the audit trail.
  // Any case: on Windows and macOS, .GIT is the same folder.
  if (outReal.split(/[\\/]/).some((part) => part.toLowerCase() === '.git'))
    throw new UsageError(
      `--out ${out}: that is inside git's own folder (.git)${via}, where files would damage the repository; give a folder for the ${what}, e.g. ${example}`,
    );
  for (const key of ['kpis', 'outturns', 'commentary', 'templates'] as const) {
    const kept = realPathOf(resolve(root, paths[key]));
    if (isInside(outReal, kept) || isInside(kept, outReal)) {
      throw new UsageError(
        `--out ${out}: ${what} may not be written into or over the ${key} folder (${relative(rootReal, kept) || '.'})${via}; choose another folder`,
      );
    }
  }
}
