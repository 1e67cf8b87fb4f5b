import { createHash } from 'node:crypto';
import type { WorkspaceSources } from './sources.js';
import { bytesOf } from './decode.js';
import { byPath } from '../text/compare.js';

/**
 * What a run of `prf report` published, written beside the papers as manifest.json: enough to
 * say later whether the papers still match their inputs (`prf verify`) and to reproduce them
 * (`prf report PERIOD --at COMMIT`). Field names are a contract, like the JSON outputs.
 */
export interface Manifest {
  manifest: 1;
  prf: string;
  /** What was published: committee papers, or the annual review. Read as papers when absent (manifests before the review). */
  kind: ManifestKind;
  period: string;
  committee: string | null;
  formats: string[];
  draft: boolean;
  date: string | null;
  /** An annual review only: the last quarter it covers (a review of the year so far stops before Q4). */
  through?: string;
  /** The commit the inputs were read from: HEAD, or the --at commit; null outside git. */
  commit: string | null;
  /** Inputs differed from `commit` (uncommitted or untracked files), listed in dirtyFiles. */
  dirty: boolean;
  dirtyFiles: string[];
  inputs: FileHash[];
  templates: FileHash[];
  outputs: FileHash[];
}

export type ManifestKind = 'papers' | 'annual-review';

export interface FileHash {
  path: string;
  sha256: string;
}

export const MANIFEST_FILE = 'manifest.json';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash of every file the loader read, by workspace-relative path. */
export function inputHashes(sources: WorkspaceSources): FileHash[] {
  return [sources.config, ...sources.kpis, ...sources.outturns, ...sources.commentary].map((f) => ({ path: f.path, sha256: sha256(bytesOf(f)) })).sort(byPath);
}

export function hashes(files: ReadonlyArray<{ path: string; data: string | Uint8Array }>): FileHash[] {
  return files.map((f) => ({ path: f.path, sha256: sha256(f.data) })).sort(byPath);
}

/** Two-space JSON with a final newline, keys in a fixed order: the same run gives the same bytes. */
export function manifestJson(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** Reads a manifest, or says what is wrong with it. */
export function parseManifest(text: string): Manifest | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  const m = raw as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.manifest !== 1) return 'not a prf manifest (no "manifest": 1)';
  const lists = [m.inputs, m.templates, m.outputs];
  if (
    typeof m.period !== 'string' ||
    !Array.isArray(m.formats) ||
    lists.some((l) => !Array.isArray(l) || l.some((f) => typeof f?.path !== 'string' || typeof f?.sha256 !== 'string'))
  ) {
    return 'a prf manifest with missing or malformed fields (period, formats, inputs, templates, outputs)';
  }
  if (m.commit !== null && (typeof m.commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(m.commit))) return 'its "commit" is not a commit hash';
  if (m.through !== undefined && typeof m.through !== 'string') return 'its "through" is not a period';
  const kind = m.kind ?? 'papers';
  if (kind !== 'papers' && kind !== 'annual-review') return 'its "kind" is neither "papers" nor "annual-review"';
  return { ...m, kind } as Manifest;
}
