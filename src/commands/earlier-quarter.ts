/**
 * With no period typed, due and collect take the quarter in progress, whose figures are not yet
 * owed; the quarter before is usually the one still being chased. Says on stderr what that
 * quarter still lacks and the command that shows it, so it is not missed.
 */
import { computeDue } from '../core/due.js';
import { englandAndWalesBankHolidays } from '../core/working-days.js';
import { formatPeriod, previousPeriod, type Period } from '../model/periods.js';
import type { Workspace } from '../model/workspace.js';
import { counted } from '../text/plural.js';
import type { CliIO } from './io.js';

export function noteEarlierQuarter(io: CliIO, workspace: Workspace, period: Period, today: string, command: 'due' | 'collect'): void {
  if (period.kind !== 'quarter') return;
  const before = previousPeriod(period);
  const name = formatPeriod(before);
  const { summary } = computeDue(workspace, before, today, englandAndWalesBankHolidays());
  if (command === 'collect') {
    if (summary.overdue > 0)
      io.stderr.write(
        `prf: ${name}, the quarter before, still has ${counted(summary.overdue, 'KPI')} with figures overdue: prf collect ${name} makes its forms\n`,
      );
    return;
  }
  const parts = [
    summary.overdue > 0 ? `${counted(summary.overdue, 'KPI')} with figures overdue` : '',
    summary.awaitingSignOff > 0 ? `${summary.awaitingSignOff} awaiting sign-off` : '',
    summary.needsCommentary > 0 ? `${summary.needsCommentary} needing commentary` : '',
  ].filter(Boolean);
  if (parts.length > 0) io.stderr.write(`prf: ${name}, the quarter before, is not finished: ${parts.join(', ')}; prf due ${name} lists them\n`);
}
