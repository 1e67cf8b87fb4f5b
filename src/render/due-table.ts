import type { ChalkInstance } from 'chalk';
import type { DueProblemCode, DueReport, DueState } from '../core/due.js';
import { csvLine } from '../formats/spreadsheet-text.js';
import type { TableFormat } from './status-table.js';

const STATE_WORDS: Record<DueState, string> = {
  overdue: 'OVERDUE',
  awaitingSignOff: 'awaiting sign-off',
  needsCommentary: 'needs commentary',
  dueLater: 'due',
  complete: 'complete',
  notDue: 'not due',
};

/** `prf due`: deadlines and what each KPI still owes, worst first in the summary line. */
export function formatDue(report: DueReport, format: TableFormat, color: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') {
    return (
      csvLine(['id', 'name', 'committee', 'deadline', 'state', 'problem', 'who', 'holder']) +
      report.kpis
        .flatMap((k) =>
          k.problems.length === 0
            ? [[k.id, k.name, k.committee, k.deadline, k.state, null, null, null]]
            : k.problems.map((p) => [k.id, k.name, k.committee, k.deadline, k.state, p.message, p.who, p.holder]),
        )
        .map((cells) => csvLine(cells))
        .join('')
    );
  }
  const paint = (s: DueState, t: string) =>
    s === 'overdue' ? color.red(t) : s === 'complete' ? color.green(t) : s === 'notDue' ? color.gray(t) : color.yellow(t);
  const idWidth = Math.max(3, ...report.kpis.map((k) => k.id.length));
  const lines = report.kpis.map((k) => {
    const word = STATE_WORDS[k.state];
    const head = `${k.id.padEnd(idWidth)}  ${(k.deadline ?? '–').padEnd(10)}  ${paint(k.state, word)}${' '.repeat(Math.max(0, 17 - word.length))}`;
    const problems = k.problems.map((p) => `\n${' '.repeat(idWidth + 2)}- ${p.message} (${p.holder})`).join('');
    return `${head.trimEnd()}${problems}\n`;
  });
  const s = report.summary;
  // A KPI's state is its most urgent problem, so an overdue KPI may also lack sign-off or
  // commentary: the line counts each KPI under everything it owes, as the list above shows it.
  const owing = (...codes: DueProblemCode[]) => report.kpis.filter((k) => k.problems.some((p) => codes.includes(p.code))).length;
  return (
    `${report.period}, as at ${report.today}\n\n${'KPI'.padEnd(idWidth)}  ${'Deadline'.padEnd(10)}  State\n${lines.join('')}\n` +
    `${s.overdue} overdue, ${owing('signOffMissing')} awaiting sign-off, ${owing('commentaryMissing', 'statusMissing')} needing commentary, ${s.dueLater} due later, ${s.complete} complete, ${s.notDue} not due\n`
  );
}
