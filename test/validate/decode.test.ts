import { describe, expect, it } from 'vitest';
import { decodeText, MAX_FILE_BYTES, sourceInMemory } from '../../src/load/decode.js';

const file = (bytes: number[] | Uint8Array) => sourceInMemory('x.csv', Uint8Array.from(bytes));
const enc = (s: string) => [...new TextEncoder().encode(s)];

describe('decodeText', () => {
  it('reads UTF-8 and drops a BOM', () => {
    expect(decodeText(file([0xef, 0xbb, 0xbf, ...enc('kpi\n')])).text).toBe('kpi\n');
  });
  it.each([
    ['UTF-16 LE', [0xff, 0xfe, 0x6b, 0x00], 'file-encoding', 1],
    ['UTF-16 BE', [0xfe, 0xff, 0x00, 0x6b], 'file-encoding', 1],
    ['binary with NUL on line 2', [...enc('a\n'), 0x00, 0x01], 'file-encoding', 2],
    ['Windows-1252 pound sign on line 3', [...enc('a\nb\n'), 0xa3, ...enc('12')], 'file-encoding', 3],
    ['empty', [], 'file-empty', 1],
    ['only whitespace', enc('  \n\n'), 'file-empty', 1],
  ])('refuses %s', (_name, bytes, code, line) => {
    const r = decodeText(file(bytes));
    expect(r.text).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code, line, column: 1, severity: 'error' }]);
  });

  it('refuses a file over the size limit, naming the limit', () => {
    const r = decodeText({ path: 'big.csv', size: MAX_FILE_BYTES + 1, read: () => expect.unreachable('a file over the limit is never read') });
    expect(r.text).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 'file-too-large', line: 1, column: 1 }]);
    expect(r.diagnostics[0]!.message).toContain(String(MAX_FILE_BYTES));
  });
});
