import type { RuleCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** What reading a file gave: its bytes, or why it could not be read (an errno code such as EACCES). */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * A file found for the loader: its workspace-relative path (forward slashes), its size as the
 * walk saw it, and a read() that touches the disk only when called. The size is checked before
 * read() is ever called, so a file too large to hold is refused without reading it.
 */
export interface SourceFile {
  path: string;
  size: number;
  read(): ReadResult;
}

/** A source whose bytes are already in memory (a git blob, a file about to be written). */
export function sourceInMemory(path: string, bytes: Uint8Array): SourceFile {
  return { path, size: bytes.length, read: () => ({ ok: true, bytes }) };
}

/** The bytes of a source, or empty if it cannot be read (for hashing what the loader already accepted). */
export function bytesOf(file: SourceFile): Uint8Array {
  const r = file.read();
  return r.ok ? r.bytes : new Uint8Array();
}

/** Files larger than this are refused with a diagnostic rather than read into memory. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a file as UTF-8 text. Spreadsheet exports arrive as UTF-8 with a BOM, UTF-16, or
 * Windows-1252; only the first is text prf can trust, so the others get a diagnostic that says
 * how to re-save the file rather than a silent guess at its encoding.
 */
export function decodeText(file: SourceFile): { text: string | null; diagnostics: Diagnostic[] } {
  const fail = (line: number, column: number, code: RuleCode, message: string) => ({
    text: null,
    diagnostics: [diagnostic(file.path, { line, column }, 'error', code, message)],
  });
  if (file.size > MAX_FILE_BYTES) {
    return fail(1, 1, 'file-too-large', tooLargeMessage(file.size));
  }
  const read = file.read();
  if (!read.ok) return fail(1, 1, 'file-unreadable', `cannot read this file (${read.reason}): check its permissions, or whether it is still there`);
  const b = read.bytes;
  // The file grew between the walk and the read.
  if (b.length > MAX_FILE_BYTES) return fail(1, 1, 'file-too-large', tooLargeMessage(b.length));
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    return fail(1, 1, 'file-encoding', 'the file is UTF-16 text: save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")');
  }
  const nul = b.indexOf(0);
  if (nul !== -1) {
    return fail(lineOfOffset(b, nul), 1, 'file-encoding', 'the file contains NUL bytes, so it is binary or UTF-16, not UTF-8 text: save it as UTF-8 text');
  }
  let text: string;
  try {
    text = utf8.decode(b);
  } catch {
    const bad = firstInvalidUtf8(b);
    return fail(lineOfOffset(b, bad), 1, 'file-encoding', 'the file is not valid UTF-8 (perhaps Windows-1252 from an old spreadsheet): save it as UTF-8');
  }
  if (text.trim() === '') return fail(1, 1, 'file-empty', 'the file is empty: add its content or delete it');
  return { text, diagnostics: [] };
}

export function tooLargeMessage(size: number): string {
  return `the file is ${size} bytes; prf reads files up to ${MAX_FILE_BYTES} bytes (256 MiB): split it (one CSV per year, say)`;
}

function lineOfOffset(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
