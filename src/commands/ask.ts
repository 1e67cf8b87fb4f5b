import { createInterface } from 'node:readline';
import type { OutputStream } from './io.js';
import { INIT_DEFAULTS, parseIdName, parseMonth, type InitAnswers, type Parsed } from '../core/init-answers.js';

/** Reads answers a line at a time; the end of input reads as a blank line, so defaults apply. */
export interface LineSource {
  next(): Promise<string>;
  close(): void;
}

export function lineSource(input: NodeJS.ReadableStream): LineSource {
  // terminal: false leaves echo and editing to the terminal, and works on a pipe in tests.
  const rl = createInterface({ input, terminal: false });
  const iterator = rl[Symbol.asyncIterator]();
  return {
    next: async () => {
      const r = await iterator.next();
      return r.done ? '' : r.value;
    },
    close: () => rl.close(),
  };
}

async function ask<T>(lines: LineSource, out: OutputStream, question: string, fallback: string, parse: (s: string) => Parsed<T>): Promise<T> {
  for (;;) {
    out.write(`${question} [${fallback}]: `);
    const answer = (await lines.next()).trim();
    const r = parse(answer === '' ? fallback : answer);
    if (r.ok) return r.value;
    out.write(`  ${r.message}\n`);
  }
}

/** A list of id=Name answers ended by a blank line; the defaults when none is given. */
async function askList(
  lines: LineSource,
  out: OutputStream,
  question: string,
  fallback: Array<{ id: string; name: string }>,
): Promise<Array<{ id: string; name: string }>> {
  const items: Array<{ id: string; name: string }> = [];
  out.write(
    `${question}\n  one per line as id=Name, a blank line to finish${fallback.length > 0 ? ` (none: ${fallback.map((f) => `${f.id}=${f.name}`).join(', ')})` : ''}\n`,
  );
  for (;;) {
    out.write('  > ');
    const answer = (await lines.next()).trim();
    if (answer === '') return items.length > 0 ? items : fallback;
    const r = parseIdName(answer);
    if (r.ok) items.push(r.value);
    else out.write(`  ${r.message}\n`);
  }
}

/**
 * Asks for whatever the flags left out. Prompts go to `out`; nothing is asked that a flag gave.
 */
export async function askAnswers(lines: LineSource, out: OutputStream, given: Partial<InitAnswers>, folderName: string): Promise<InitAnswers> {
  const organisation =
    given.organisation ??
    (await ask(lines, out, 'Organisation, as printed on papers', folderName || INIT_DEFAULTS.organisation, (s) => ({ ok: true, value: s })));
  const financialYearStartMonth =
    given.financialYearStartMonth ??
    (await ask(lines, out, 'Month the financial year starts (1-12 or a name)', String(INIT_DEFAULTS.financialYearStartMonth), parseMonth));
  const committees = given.committees ?? (await askList(lines, out, 'Committees that receive performance reports', INIT_DEFAULTS.committees));
  let priorities = given.priorities;
  if (priorities === undefined) {
    const listed = await askList(lines, out, 'Council Plan priorities', INIT_DEFAULTS.priorities);
    priorities = [];
    for (const p of listed) {
      const fallback = INIT_DEFAULTS.priorities.find((d) => d.id === p.id)?.aims ?? [];
      priorities.push({ ...p, aims: await askList(lines, out, `Aims under "${p.name}"`, fallback) });
    }
  }
  return { organisation, financialYearStartMonth, committees, priorities };
}
