import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TMP_PREFIX = '.prf-tmp-';

/** Writing the papers failed (a read-only folder, a full disk); the previous papers are intact. */
export class WriteError extends Error {}

/**
 * Writes a set of files into `dir` all-or-nothing as far as a filesystem allows: every file is
 * first written in full to a temporary sibling, and only when all of them are on disk are they
 * renamed over their targets (each rename is atomic). A failure while writing removes the
 * temporaries and leaves every previous file untouched. Temporaries left by a killed run are
 * removed by the next.
 */
export function writeFilesAtomically(dir: string, files: Array<{ path: string; data: string | Uint8Array }>): void {
  const staged: Array<{ tmp: string; target: string }> = [];
  const tag = randomBytes(6).toString('hex');
  try {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) if (name.startsWith(TMP_PREFIX)) rmSync(join(dir, name), { force: true });
    for (const f of files) {
      const target = join(dir, f.path);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = join(dirname(target), `${TMP_PREFIX}${tag}-${f.path.replace(/[\\/]/g, '_')}`);
      staged.push({ tmp, target });
      writeFileSync(tmp, f.data);
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOSPC' ? 'the disk is full' : err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' ? 'the folder is not writable' : (err.code ?? err.message);
    throw new WriteError(`could not write to ${dir} (${why}); nothing was changed there`);
  }
  for (const s of staged) renameSync(s.tmp, s.target);
}
