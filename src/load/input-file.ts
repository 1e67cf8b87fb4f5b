import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES, tooLargeMessage } from './decode.js';
import { kindOf } from './file-kind.js';

/** A file named on the command line cannot be read as one: missing, not a regular file, too large. */
export class InputError extends Error {}

/**
 * Reads a file the user named (a return form, a CSV, a manifest): a regular file only, its size
 * checked before a byte is read, so a FIFO never blocks, a device (/dev/zero) is never drained
 * and a folder is a message rather than EISDIR. `shown` is how the message names it.
 */
export function readInputFile(abs: string, shown: string, limit = MAX_FILE_BYTES): Buffer {
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`${shown}: no such file`);
    if (code === 'ELOOP') throw new InputError(`${shown}: this link loops back on itself: remove it or fix its target`);
    throw new InputError(`${shown}: cannot read this file (${code ?? 'error'}): check its permissions`);
  }
  if (!st.isFile()) throw new InputError(`${shown}: this is ${kindOf(st)}, not a file: prf reads regular files only`);
  if (st.size > limit) throw new InputError(`${shown}: ${tooLargeMessage(st.size)}`);
  try {
    return readFileSync(abs);
  } catch (e) {
    throw new InputError(`${shown}: cannot read this file (${(e as NodeJS.ErrnoException).code ?? 'error'}): check its permissions`);
  }
}
