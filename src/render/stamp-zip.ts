/**
 * Sets every zip entry's modified time to `day`, walking the central directory. JSZip (inside
 * exceljs) stamps entries with the clock, so without this two runs differ in bytes though not
 * in content; the stamps sit outside the CRCs, so nothing else changes.
 */
export function stampZip(zip: Uint8Array, day: string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // Zip dates start in 1980; an earlier day is stamped as 1980-01-01.
  const [y, m, d] = (day < '1980' ? '1980-01-01' : day).split('-').map(Number) as [number, number, number];
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('xlsx: no end of central directory record');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('xlsx: unexpected central directory entry');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('xlsx: unexpected local file header');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
