import { inflateRawSync } from 'node:zlib';

/** A return form inflates to a few hundred kilobytes; anything past this is not one. */
export const MAX_XLSX_INFLATED = 64 * 1024 * 1024;
/** Rows in one sheet: a form holds one per figure owed, so a few thousand at most. */
export const MAX_XLSX_ROWS = 100_000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type XlsxCheck = { ok: true; dateCells: string[] } | { ok: false; message: string };

/**
 * Looks inside a workbook before exceljs does: the zip's central directory must promise no more
 * than MAX_XLSX_INFLATED bytes in all, each worksheet is inflated with that ceiling (so a
 * directory that lies is caught too) and must hold at most MAX_XLSX_ROWS rows. Also lists the
 * cells stored as dates (t="d"), which exceljs would read as a number (2026 from 2026-01-15).
 */
export function checkXlsx(bytes: Uint8Array, kind: 'form' | 'sheet' = 'form'): XlsxCheck {
  const usual = kind === 'form' ? 'a return form' : 'a KPI list or history sheet';
  const instead = kind === 'form' ? 'fill in a form from prf collect' : 'save the sheet prf needs as CSV UTF-8 and give that';
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(buf);
  if (entries === null) return { ok: false, message: 'this is not an Excel workbook prf can read (.xlsx): save it as an Excel Workbook, or import a CSV' };
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > MAX_XLSX_INFLATED)
    return {
      ok: false,
      message: `this workbook would unpack to ${total} bytes; ${usual} is far smaller (prf reads up to ${MAX_XLSX_INFLATED}): ${instead}`,
    };
  const dateCells: string[] = [];
  let budget = MAX_XLSX_INFLATED;
  for (const e of entries.filter((x) => /^xl\/worksheets\/[^/]+\.xml$/.test(x.name))) {
    const xml = inflate(buf, e, budget);
    if (xml === null) return { ok: false, message: `this workbook's ${e.name} cannot be unpacked within ${MAX_XLSX_INFLATED} bytes: ${instead}` };
    budget -= xml.length;
    const text = xml.toString('utf8');
    const rows = text.split('<row').length - 1;
    if (rows > MAX_XLSX_ROWS)
      return { ok: false, message: `a sheet of this workbook has ${rows} rows; ${usual} has far fewer (prf reads up to ${MAX_XLSX_ROWS})` };
    for (const m of text.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*\bt="d"/g)) dateCells.push(m[1]!);
    for (const m of text.matchAll(/<c\b[^>]*\bt="d"[^>]*\br="([A-Z]+\d+)"/g)) dateCells.push(m[1]!);
  }
  return { ok: true, dateCells: [...new Set(dateCells)] };
}

function centralDirectory(buf: Buffer): ZipEntry[] | null {
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const offset = buf.readUInt32LE(eocd + 16);
  // Zip64 (the 0xFFFF and 0xFFFFFFFF markers) is for archives far larger than any form.
  if (count === 0xffff || offset === 0xffffffff) return null;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(p + 28);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** One entry's bytes, or null if it is damaged or would inflate past `limit`. */
function inflate(buf: Buffer, e: ZipEntry, limit: number): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) return data.length <= limit ? data : null;
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch {
    return null;
  }
  return null;
}
