import type { Observation } from '../model/workspace.js';
import { figureWords } from './kpi-changes.js';

export type OutturnChangeKind = 'added' | 'removed' | 'restated' | 'signOff' | 'note';

export interface OutturnChange {
  kpi: string;
  period: string;
  kind: OutturnChangeKind;
  before: number | null;
  after: number | null;
  words: string;
}

type Unit = Parameters<typeof figureWords>[1];

/** "2025-26-Q2" as people say it, "2025-26 Q2"; months stay "2025-10". */
export function periodWords(name: string): string {
  return name.replace(/-(Q\d|H\d)$/, ' $1');
}

function ratioWords(o: Observation): string {
  return o.numerator === null || o.denominator === null ? '' : ` (${o.numerator}/${o.denominator})`;
}

/**
 * How the figures changed between two readings of the outturns, matched by KPI and period:
 * restatements, figures added or removed, sign-offs and notes. Ordered by KPI then period.
 * `unitOf` gives each KPI's unit for the words; `kpiOf` maps an old id to its new one so a
 * renamed KPI's figures are compared with themselves.
 */
export function outturnChanges(
  before: readonly Observation[],
  after: readonly Observation[],
  unitOf: (kpi: string) => Unit,
  kpiOf: (id: string) => string = (id) => id,
): OutturnChange[] {
  const key = (kpi: string, period: string) => `${kpi}\u0000${period}`;
  const old = new Map(before.map((o) => [key(kpiOf(o.kpi), o.periodName), o]));
  const now = new Map(after.map((o) => [key(o.kpi, o.periodName), o]));
  const out: OutturnChange[] = [];
  for (const k of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(k);
    const b = now.get(k);
    const [kpi, period] = k.split('\u0000') as [string, string];
    const unit = unitOf(kpi);
    const when = periodWords(period);
    const push = (kind: OutturnChangeKind, words: string) => out.push({ kpi, period, kind, before: a?.value ?? null, after: b?.value ?? null, words });
    if (!a) {
      push('added', `${when} outturn added: ${figureWords(b!.value, unit)}${ratioWords(b!)}`);
      continue;
    }
    if (!b) {
      push('removed', `${when} outturn removed (was ${figureWords(a.value, unit)})`);
      continue;
    }
    if (a.value !== b.value || a.numerator !== b.numerator || a.denominator !== b.denominator) {
      push('restated', `${when} outturn restated ${figureWords(a.value, unit)}${ratioWords(a)} -> ${figureWords(b.value, unit)}${ratioWords(b)}`);
    }
    if (a.reviewedBy !== b.reviewedBy) {
      push(
        'signOff',
        b.reviewedBy === null
          ? `${when} sign-off by ${a.reviewedBy} withdrawn`
          : a.reviewedBy === null
            ? `${when} signed off by ${b.reviewedBy}`
            : `${when} sign-off changed: ${a.reviewedBy} -> ${b.reviewedBy}`,
      );
    }
    if (a.note !== b.note) push('note', `${when} note ${a.note === null ? 'added' : b.note === null ? 'removed' : 'changed'}`);
  }
  return out;
}
