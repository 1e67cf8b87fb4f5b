import { basename, dirname } from 'node:path';
import { writeFilesAtomically } from './write-files.js';

/**
 * Writes one file so that a reader sees either the old content or the new, never half of it:
 * the one-file case of writeFilesAtomically (a temporary sibling, then a rename).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomically(dirname(path), [{ path: basename(path), data }]);
}
