import { relative, resolve } from 'node:path';
import { collectorSlug, planCollection } from '../core/collect-plan.js';
import { dictionarySeal } from '../git/dictionary-commit.js';
import { formatPeriod, periodEndDate } from '../model/periods.js';
import { englandAndWalesBankHolidays } from '../core/working-days.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { lockedFolder } from './locked.js';
import { checkOutputFolder, dateOption, loadForCommand, resolvePeriodArg } from './context.js';
import { EXIT, stopIfInterrupted, UsageError, type CliIO } from './io.js';
import type { GlobalOptions } from './io.js';
import { counted } from '../text/plural.js';

export interface CollectOptions {
  owner?: string;
  out?: string;
  today?: string;
}

export async function runCollect(io: CliIO, globals: GlobalOptions, periodText: string | undefined, options: CollectOptions): Promise<number> {
  // The clock is read here, at the edge; --today makes a run reproducible.
  const today = dateOption('--today', options.today ?? new Date().toISOString().slice(0, 10));
  const loaded = loadForCommand(io, globals);
  const { root, workspace, displayPath } = loaded;
  const period = resolvePeriodArg(io, workspace, periodText, { today });
  const periodName = formatPeriod(period);
  if (periodText === undefined) (await import('./earlier-quarter.js')).noteEarlierQuarter(io, workspace, period, today, 'collect');
  if (options.owner !== undefined) {
    const collectors = [...new Set(workspace.kpis.filter((k) => k.kind === 'measure').map((k) => k.roles.collector.trim()))].sort();
    if (!collectors.some((c) => c.toLowerCase() === options.owner!.trim().toLowerCase())) {
      throw new UsageError(`--owner ${options.owner}: no measure has that data collector; the collectors are ${collectors.join(', ')}`);
    }
  }
  const out = resolve(io.cwd, options.out ?? resolve(root, workspace.config.paths.reports, 'forms', periodName));
  checkOutputFolder(out, root, workspace.config.paths, 'forms', 'reports/forms');

  const plan = planCollection(workspace, period, englandAndWalesBankHolidays(), options.owner === undefined ? {} : { collector: options.owner });
  const already = plan.alreadyRecorded > 0 ? ` (${plan.alreadyRecorded} figure${plan.alreadyRecorded === 1 ? ' is' : 's are'} already recorded)` : '';
  if (plan.forms.length === 0) {
    io.stdout.write(`No figures are owed for ${periodName}${already}; no forms written\n`);
    return EXIT.ok;
  }
  const { buildForm } = await import('../render/form-workbook.js');
  const { entries, commit } = dictionarySeal(root, workspace);
  const day = periodEndDate(period, workspace.config.financialYearStartMonth);
  const used = new Set<string>();
  const files: Array<{ path: string; data: Uint8Array; rows: number }> = [];
  for (const form of plan.forms) {
    // Two roles that spell the same file name (Repairs Analyst, repairs-analyst) get -2, -3.
    let name = `${periodName}-${collectorSlug(form.collector)}`;
    for (let n = 2; used.has(name); n++) name = `${periodName}-${collectorSlug(form.collector)}-${n}`;
    used.add(name);
    if (io.signal?.aborted) break; // stopIfInterrupted below says so; no more forms are built
    files.push({
      path: `${name}.xlsx`,
      data: await buildForm({ organisation: workspace.config.organisation, form, entries, dictionaryCommit: commit, day }),
      rows: form.rows.length,
    });
  }
  await stopIfInterrupted(io);
  // Two runs into one folder at once would move each other's files aside: the second waits.
  await lockedFolder(io, out, 'collect', () => writeFilesAtomically(out, files));
  for (const [i, f] of files.entries()) {
    io.stdout.write(
      `wrote    ${displayPath(relative(root, resolve(out, f.path)))}  ${plan.forms[i]!.collector}: ${counted(f.rows, 'figure')}, due by ${plan.forms[i]!.returnBy}\n`,
    );
  }
  io.stdout.write(`${counted(files.length, 'form')} for ${periodName}${already}. Send each to its collector; bring them back with prf import.\n`);
  return EXIT.ok;
}
