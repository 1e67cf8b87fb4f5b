import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFilesAtomically, WriteError, type FileOps } from '../../src/write/write-files.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function folderWithPreviousPapers(): string {
  dir = mkdtempSync(join(tmpdir(), 'prf-write-'));
  writeFileSync(join(dir, 'a.html'), 'previous a');
  writeFileSync(join(dir, 'b.html'), 'previous b');
  return dir;
}

const NEW = [
  { path: 'a.html', data: 'new a' },
  { path: 'b.html', data: 'new b' },
  { path: 'c.html', data: 'new c' },
];

/** The real file system, except that the nth call of `op` fails with `code`. */
function failing(op: 'writeFileSync' | 'renameSync' | 'linkSync', nth: number, code: string): FileOps {
  let calls = 0;
  const real = fs[op] as (...args: unknown[]) => unknown;
  return {
    ...fs,
    [op]: (...args: unknown[]) => {
      if (++calls === nth) throw Object.assign(new Error(`${code}: simulated`), { code });
      return real(...args);
    },
  } as FileOps;
}

/** `ops` on a file system that refuses hard links (some network shares, FAT). */
function withoutHardLinks(ops: FileOps): FileOps {
  return {
    ...ops,
    linkSync: () => {
      throw Object.assign(new Error('EPERM: simulated'), { code: 'EPERM' });
    },
  };
}

const contents = (d: string) =>
  Object.fromEntries(
    readdirSync(d)
      .sort()
      .map((f) => [f, readFileSync(join(d, f), 'utf8')]),
  );
const PREVIOUS = { 'a.html': 'previous a', 'b.html': 'previous b' };

describe('writeFilesAtomically', () => {
  it('replaces every file and leaves no temporaries, clearing any a killed run left', () => {
    const d = folderWithPreviousPapers();
    writeFileSync(join(d, '.prf-tmp-0000-a.html'), 'half a paper from a killed run');
    writeFilesAtomically(d, NEW);
    expect(contents(d)).toEqual({ 'a.html': 'new a', 'b.html': 'new b', 'c.html': 'new c' });
  });

  it("clears a killed run's leftovers in the subfolders it writes to, and never removes a file it is writing", () => {
    const d = folderWithPreviousPapers();
    fs.mkdirSync(join(d, 'kpi'));
    writeFileSync(join(d, 'kpi', '.prf-tmp-99-1-gone-0.old'), 'kept aside by a killed run');
    writeFilesAtomically(d, [{ path: 'kpi/x.html', data: 'x' }, ...NEW.slice(0, 1)], fs, { remove: ['a.html', 'b.html'] });
    expect(readdirSync(join(d, 'kpi'))).toEqual(['x.html']);
    expect(readdirSync(d).sort()).toEqual(['a.html', 'kpi']);
    // A removed file's folders go too once empty; the folder written to stays.
    fs.mkdirSync(join(d, 'archive', 'Q1', 'kpi'), { recursive: true });
    writeFileSync(join(d, 'archive', 'Q1', 'kpi', 'A.html'), 'old');
    writeFileSync(join(d, 'archive', 'keep.html'), 'kept');
    writeFilesAtomically(d, [{ path: 'kpi/x.html', data: 'x' }], fs, { remove: ['archive/Q1/kpi/A.html'] });
    expect(readdirSync(join(d, 'archive'))).toEqual(['keep.html']);
    expect(readFileSync(join(d, 'a.html'), 'utf8')).toBe('new a');
  });

  it('never leaves a moment in which an old file is missing: a reader always finds the old file or the new', () => {
    const d = folderWithPreviousPapers();
    const missing: string[] = [];
    const watching: FileOps = {
      ...fs,
      // Each step of the write, looked at from outside: both previous papers are still there.
      linkSync: (...args: Parameters<typeof fs.linkSync>) => {
        for (const f of Object.keys(PREVIOUS)) if (!fs.existsSync(join(d, f))) missing.push(f);
        return fs.linkSync(...args);
      },
      renameSync: (...args: Parameters<typeof fs.renameSync>) => {
        for (const f of Object.keys(PREVIOUS)) if (!fs.existsSync(join(d, f))) missing.push(f);
        return fs.renameSync(...args);
      },
    };
    writeFilesAtomically(d, NEW, watching);
    expect(missing).toEqual([]);
    expect(contents(d)).toEqual({ 'a.html': 'new a', 'b.html': 'new b', 'c.html': 'new c' });
  });

  it('replaces every file on a file system without hard links', () => {
    const d = folderWithPreviousPapers();
    writeFilesAtomically(d, NEW, withoutHardLinks(fs));
    expect(contents(d)).toEqual({ 'a.html': 'new a', 'b.html': 'new b', 'c.html': 'new c' });
  });

  it('removes the files it is asked to in the same step, and puts them back when a later move fails', () => {
    const d = folderWithPreviousPapers();
    writeFilesAtomically(d, NEW.slice(0, 1), fs, { remove: ['b.html', 'never-there.html'] });
    expect(contents(d)).toEqual({ 'a.html': 'new a' });
    rmSync(d, { recursive: true });

    const e = folderWithPreviousPapers();
    writeFileSync(join(e, 'z.html'), 'previous z');
    // The first rename puts a.html in place, the second moves b.html aside, the third (z.html) fails.
    expect(() => writeFilesAtomically(e, NEW.slice(0, 1), failing('renameSync', 3, 'EACCES'), { remove: ['b.html', 'z.html'] })).toThrow(
      /the previous files were put back/,
    );
    expect(contents(e)).toEqual({ ...PREVIOUS, 'z.html': 'previous z' });
  });

  it.each([
    ['the disk fills up on the third file', failing('writeFileSync', 3, 'ENOSPC'), /the disk is full\); nothing was changed/],
    ['the folder turns read-only', failing('writeFileSync', 1, 'EROFS'), /the folder is not writable\); nothing was changed/],
    ['a rename fails half way', failing('renameSync', 3, 'EACCES'), /the previous files were put back/],
    ['a rename fails where hard links are refused', withoutHardLinks(failing('renameSync', 4, 'EACCES')), /the previous files were put back/],
  ])('keeps the previous papers when %s', (_name, ops, message) => {
    const d = folderWithPreviousPapers();
    let thrown: unknown;
    try {
      writeFilesAtomically(d, NEW, ops);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(WriteError);
    expect((thrown as Error).message).toMatch(message);
    expect(contents(d)).toEqual(PREVIOUS);
  });
});
