import type { Kpi } from '../model/kpi.js';
import type { Observation } from '../model/workspace.js';
import { changeRecordWords, kpiFieldChanges, newChangeRecords } from './kpi-changes.js';
import { outturnChanges } from './outturn-changes.js';

/** One KPI as it stood at some point: its entry (null if absent or invalid) and its figures. */
export interface KpiState {
  kpi: Kpi | null;
  /** Workspace-relative file of the entry. */
  file: string | null;
  observations: Observation[];
}

export interface HistoryEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  changes: string[];
}

/**
 * What changed in one KPI between two states, in words: created or removed, renamed or moved,
 * each field and target, decisions recorded, and its figures restated, added or signed off.
 */
export function kpiEditWords(before: KpiState, after: KpiState): string[] {
  const words: string[] = [];
  if (before.kpi === null && after.kpi !== null && before.file === null) words.push(`entry created (${after.file})`);
  else if (before.kpi !== null && after.kpi === null && after.file === null) words.push('entry removed');
  else if (after.kpi === null && after.file !== null) words.push('entry made invalid (prf validate shows why)');
  if (before.kpi && after.kpi) {
    if (before.kpi.id !== after.kpi.id) words.push(`renamed from ${before.kpi.id}`);
    else if (before.file !== after.file) words.push(`moved from ${before.file}`);
    words.push(...kpiFieldChanges(before.kpi, after.kpi).map((c) => c.words));
  }
  if (after.kpi) words.push(...newChangeRecords(before.kpi, after.kpi).map(changeRecordWords));
  const kpi = after.kpi ?? before.kpi;
  const unit = kpi?.kind === 'measure' ? kpi.unit : null;
  const newId = after.kpi?.id ?? before.kpi?.id ?? '';
  words.push(
    ...outturnChanges(
      before.observations,
      after.observations,
      () => unit,
      () => newId,
    ).map((c) => c.words),
  );
  return words;
}
