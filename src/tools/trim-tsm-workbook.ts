/**
 * Writes a trimmed extract of a TSM full-data workbook for the test fixtures: every sheet keeps
 * its name, its rows above and including the heading row (notes, titles) and its columns, and of
 * the landlord rows only those whose code is listed, in their order. Cell values are copied as
 * they are (rich text headings with their footnote digits, [U]/[S]/[X]/[Z]/[E] codes, full
 * precision floats), so the extract reads exactly as the full workbook does.
 *
 *   node dist/tools/trim-tsm-workbook.js FULL.xlsx OUT.xlsx CODE...
 */
import ExcelJS from 'exceljs';

const [input, output, ...codes] = process.argv.slice(2);
if (!input || !output || codes.length === 0) {
  process.stderr.write('usage: node dist/tools/trim-tsm-workbook.js FULL.xlsx OUT.xlsx CODE...\n');
  process.exit(2);
}
const keep = new Set(codes);
const source = new ExcelJS.Workbook();
await source.xlsx.readFile(input);
const out = new ExcelJS.Workbook();
const text = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v ?? '')).trim();

for (const ws of source.worksheets) {
  const copy = out.addWorksheet(ws.name);
  let codeColumn = 0;
  let headingRow = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 40) && headingRow === 0; r++) {
    const cells: string[] = [];
    ws.getRow(r).eachCell((cell, c) => (cells[c] = text(cell.value).toLowerCase()));
    // The heading row names both; the data dictionary lists them as values, on separate rows.
    if (cells.includes('landlord name') && cells.includes('landlord code')) [headingRow, codeColumn] = [r, cells.indexOf('landlord code')];
  }
  let next = 1;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (headingRow > 0 && r > headingRow && !keep.has(text(row.getCell(codeColumn).value))) continue;
    const target = copy.getRow(next++);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      target.getCell(c).value = cell.value;
    });
  }
}
await out.xlsx.writeFile(output);
process.stdout.write(`wrote ${output}\n`);
