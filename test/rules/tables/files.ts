import { MAX_FILE_BYTES } from '../../../src/load/decode.js';
import { BASE_FILES, COMMENTARY, MEASURE, OUTTURNS } from '../../helpers/base-workspace.js';
import { error, validateTable } from '../../helpers/rule-tester.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const utf16le = (s: string) => concat(Uint8Array.of(0xff, 0xfe), Uint8Array.from(Buffer.from(s, 'utf16le')));

/** Decoding: only UTF-8 text is read; anything else is refused at the line where it goes wrong. */
export default validateTable({
  name: 'file encoding, emptiness and size (decode)',
  valid: [
    { name: 'a KPI file with a UTF-8 byte order mark', files: { [MEASURE]: concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(BASE_FILES[MEASURE]!)) } },
    { name: 'a CSV with a UTF-8 BOM', files: { [OUTTURNS]: concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(BASE_FILES[OUTTURNS]!)) } },
  ],
  invalid: [
    {
      name: 'a CSV saved as UTF-16',
      files: { [OUTTURNS]: utf16le(BASE_FILES[OUTTURNS]!) },
      diagnostics: [error(OUTTURNS, 1, 1, 'file-encoding', 'UTF-8')],
    },
    {
      name: 'a NUL byte on line 3 of a CSV',
      files: { [OUTTURNS]: concat(utf8('kpi,period,value\nHC-01,2025-10,86\n'), Uint8Array.of(0), utf8('\n')) },
      diagnostics: [error(OUTTURNS, 3, 1, 'file-encoding', 'NUL')],
    },
    {
      name: 'a Windows-1252 pound sign on line 2 of a KPI file',
      files: { [MEASURE]: concat(utf8('id: HC-01\nname: Cost '), Uint8Array.of(0xa3), utf8('\n')) },
      diagnostics: [error(MEASURE, 2, 1, 'file-encoding', 'Windows-1252')],
    },
    { name: 'an empty KPI file', files: { 'kpis/HC-03.yaml': '' }, diagnostics: [error('kpis/HC-03.yaml', 1, 1, 'file-empty')] },
    { name: 'a commentary file of blank lines', files: { [COMMENTARY]: '\n  \n\n' }, diagnostics: [error(COMMENTARY, 1, 1, 'file-empty', 'empty')] },
    {
      // The bytes are never touched: the size is checked first, so the zero pages are not even written.
      name: 'a CSV one byte over the size limit',
      files: { [OUTTURNS]: new Uint8Array(MAX_FILE_BYTES + 1) },
      diagnostics: [error(OUTTURNS, 1, 1, 'file-too-large', String(MAX_FILE_BYTES))],
    },
  ],
});
