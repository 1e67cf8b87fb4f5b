import type { RuleCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A file as read from disk: its workspace-relative path (forward slashes) and raw bytes. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
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
  const b = file.bytes;
  const fail = (line: number, column: number, code: RuleCode, message: string) => ({
    text: null,
    diagnostics: [diagnostic(file.path, { line, column }, 'error', code, message)],
  });
  if (b.length > MAX_FILE_BYTES) {
    return fail(1, 1, 'file-too-large', `the file is ${b.length} bytes; prf reads files up to ${MAX_FILE_BYTES} bytes: split it (one CSV per year, say)`);
  }
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
