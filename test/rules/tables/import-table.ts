import ExcelJS from 'exceljs';
import { readTable } from '../../../src/load/read-table.js';
import { error, type RuleTable } from '../../helpers/rule-tester.js';

/** A council's own sheet given to prf import or prf adopt, and the --sheet given with it. */
interface TableCase {
  file: string;
  bytes: Uint8Array | (() => Promise<Uint8Array>);
  sheet?: string;
}

const text = (s: string) => new TextEncoder().encode(s);

/** A workbook with one sheet, Outturns, holding a header and a row. */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Outturns');
  ws.addRow(['kpi', '2025-10']);
  ws.addRow(['HC-01', 86]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Reading a council's own table (a CSV, or one sheet of an .xlsx workbook): what cannot be read as a table. */
const table: RuleTable<TableCase> = {
  name: "a council's own table (prf import, prf adopt)",
  run: async (c) => (await readTable(c.file, typeof c.bytes === 'function' ? await c.bytes() : c.bytes, c.sheet)).diagnostics,
  valid: [
    { name: 'a CSV with no --sheet', file: 'in/history.csv', bytes: text('kpi,2025-10\nHC-01,86\n') },
    { name: 'a workbook with its sheet named', file: 'in/history.xlsx', bytes: workbook, sheet: 'Outturns' },
  ],
  invalid: [
    {
      name: '--sheet with a CSV',
      file: 'in/history.csv',
      bytes: text('kpi,2025-10\nHC-01,86\n'),
      sheet: 'Outturns',
      diagnostics: [error('in/history.csv', 1, 1, 'table-unreadable', 'a CSV has no sheets')],
    },
    {
      name: 'a file named .xlsx that is not a workbook',
      file: 'in/history.xlsx',
      bytes: text('kpi,2025-10\nHC-01,86\n'),
      diagnostics: [error('in/history.xlsx', 1, 1, 'table-unreadable', 'not an Excel workbook prf can read')],
    },
    {
      name: 'a sheet the workbook does not have, naming those it has',
      file: 'in/history.xlsx',
      bytes: workbook,
      sheet: 'Outurns',
      diagnostics: [error('in/history.xlsx', 1, 1, 'table-unreadable', '--sheet Outurns: no such sheet; the sheets are Outturns')],
    },
  ],
};
export default table;
