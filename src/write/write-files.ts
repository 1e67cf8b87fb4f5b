import * as nodeFs from 'node:fs';
import { dirname, join } from 'node:path';

const TMP_PREFIX = '.prf-tmp-';
let runs = 0;

/** Writing the papers failed (a read-only folder, a full disk); the previous papers are intact. */
export class WriteError extends Error {}

/** The file operations used, passed in so tests can make the disk fill up or turn read-only. */
export type FileOps = Pick<typeof nodeFs, 'existsSync' | 'linkSync' | 'mkdirSync' | 'readdirSync' | 'renameSync' | 'rmdirSync' | 'rmSync' | 'writeFileSync'>;

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOSPC') return 'the disk is full';
  if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS') return 'the folder is not writable';
  return err.code ?? err.message;
}

/**
 * Removes what a killed run left (temporaries, kept-aside old files) in each folder this run
 * writes to: where that run wrote too, so a site's subfolders are swept without walking the
 * whole workspace when the dictionary is written.
 */
function sweepTemporaries(fs: FileOps, folders: Iterable<string>): void {
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const name of fs.readdirSync(folder)) if (name.startsWith(TMP_PREFIX)) fs.rmSync(join(folder, name), { force: true });
  }
}

/**
 * Keeps the old `target` as `backup` without taking it away: a hard link, so a reader (a browser,
 * a sync client, another prf) finds the old file until the rename puts the new one in its place.
 * A file system without hard links (some network shares, FAT) gets a move instead, with a moment
 * in which the file is missing.
 */
function keepAside(fs: FileOps, target: string, backup: string): void {
  try {
    fs.linkSync(target, backup);
  } catch {
    fs.renameSync(target, backup);
  }
}

/**
 * Writes a set of files into `dir` all or nothing. Every file is first written in full to a
 * temporary sibling; only when all are on disk are the old files kept aside and the new ones
 * renamed into place (each rename is atomic, and replaces the old file in one step). Any failure removes the temporaries and puts the
 * old files back, so the folder holds either every previous file or every new one, never a
 * half-written file. Temporaries left by a killed run are removed by the next. `remove` names
 * files (relative to `dir`) that go in the same step: moved aside with the rest, put back if
 * anything fails, and deleted only once every new file is in place.
 */
export function writeFilesAtomically(
  dir: string,
  files: Array<{ path: string; data: string | Uint8Array }>,
  fs: FileOps = nodeFs,
  options: { remove?: string[] } = {},
): void {
  // Unique per process and call; node:crypto is not loaded just for this (it slows every start).
  const tag = `${process.pid}-${++runs}`;
  const staged: Array<{ tmp: string; target: string; backup: string }> = [];
  const removeTemporaries = () => {
    for (const s of staged) {
      fs.rmSync(s.tmp, { force: true });
      fs.rmSync(s.backup, { force: true });
    }
  };
  try {
    fs.mkdirSync(dir, { recursive: true });
    sweepTemporaries(fs, new Set([dir, ...files.map((f) => dirname(join(dir, f.path)))]));
    for (const [i, f] of files.entries()) {
      const target = join(dir, f.path);
      fs.mkdirSync(dirname(target), { recursive: true });
      // Short whatever the file's name, so a long name cannot push the temporary past 255 bytes.
      const base = `${TMP_PREFIX}${tag}-${i}`;
      const s = { tmp: join(dirname(target), base), target, backup: join(dirname(target), `${base}.old`) };
      staged.push(s);
      fs.writeFileSync(s.tmp, f.data);
    }
  } catch (e) {
    removeTemporaries();
    throw new WriteError(`could not write to ${dir} (${reason(e)}); nothing was changed there`);
  }
  const moved: typeof staged = [];
  const removed: Array<{ target: string; backup: string }> = [];
  try {
    for (const s of staged) {
      if (fs.existsSync(s.target)) keepAside(fs, s.target, s.backup);
      moved.push(s);
      fs.renameSync(s.tmp, s.target);
    }
    const writing = new Set(staged.map((st) => st.target));
    for (const [i, path] of (options.remove ?? []).entries()) {
      const target = join(dir, path);
      // A file just written is never removed, whatever the caller listed.
      if (writing.has(target) || !fs.existsSync(target)) continue;
      const r = { target, backup: join(dirname(target), `${TMP_PREFIX}${tag}-gone-${i}.old`) };
      fs.renameSync(r.target, r.backup);
      removed.push(r);
    }
  } catch (e) {
    // Put back what was there, newest move first, so the folder is as it was.
    for (const r of removed.reverse()) fs.renameSync(r.backup, r.target);
    for (const s of moved.reverse()) {
      if (fs.existsSync(s.backup)) fs.renameSync(s.backup, s.target);
      else fs.rmSync(s.target, { force: true });
    }
    removeTemporaries();
    throw new WriteError(`could not replace the files in ${dir} (${reason(e)}); the previous files were put back`);
  }
  for (const s of [...staged, ...removed]) fs.rmSync(s.backup, { force: true });
  for (const r of removed) removeEmptyFolders(fs, dirname(r.target), dir);
}

/** Removes `folder` and its parents up to (not including) `top` while they are empty: a removed quarter leaves no bare folders. */
function removeEmptyFolders(fs: FileOps, folder: string, top: string): void {
  for (let f = folder; f !== top && f.startsWith(top); f = dirname(f)) {
    try {
      fs.rmdirSync(f);
    } catch {
      return; // not empty (or gone already): its parents are not empty either
    }
  }
}
