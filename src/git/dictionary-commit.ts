import { gitTry } from './git.js';
import type { Workspace } from '../model/workspace.js';
import { entryFingerprint } from '../formats/form-layout.js';

/**
 * The last commit that changed the dictionary folder, or null outside git (or without git).
 * Not HEAD: every import is committed, and a form must not go stale because figures arrived.
 * Forms are checked against the entries themselves (their fingerprints); the commit names the
 * version in messages.
 */
export function dictionaryCommit(root: string, kpisFolder: string): string | null {
  try {
    const r = gitTry(root, ['log', '-1', '--format=%H', '--', kpisFolder]);
    const commit = r.stdout.toString('utf8').trim();
    return r.status === 0 && /^[0-9a-f]{40}$/.test(commit) ? commit : null;
  } catch {
    return null;
  }
}

/** The dictionary as a return form seals it: each entry's fingerprint, and the last commit that changed it. */
export function dictionarySeal(root: string, workspace: Workspace): { entries: Map<string, string>; commit: string | null } {
  return { entries: new Map(workspace.kpis.map((k) => [k.id, entryFingerprint(k)])), commit: dictionaryCommit(root, workspace.config.paths.kpis) };
}
