import ExcelJS from 'exceljs';
import { planCollection } from '../../../src/core/collect-plan.js';
import { entryFingerprint } from '../../../src/formats/form-layout.js';
import { readForm } from '../../../src/load/read-form.js';
import { parsePeriod } from '../../../src/model/periods.js';
import type { Workspace } from '../../../src/model/workspace.js';
import { buildForm } from '../../../src/render/form-workbook.js';
import { MEASURE } from '../../helpers/base-workspace.js';
import { edit, error, loadValid, type FileChanges, type RuleTable } from '../../helpers/rule-tester.js';

/**
 * A return form for January 2026 as prf collect makes it from the base workspace (HC-01 on row 6;
 * value I, numerator J, denominator K), filled or changed, then read back as prf import reads it.
 */
interface FormCase {
  cells?: Record<string, ExcelJS.CellValue>;
  change?: (wb: ExcelJS.Workbook) => void;
  /** The whole file instead of the form. */
  bytes?: Uint8Array | (() => Promise<Uint8Array>);
  /** --period given to prf import. */
  period?: string;
  /** The dictionary when the form comes back. */
  dictionary?: FileChanges;
}

const FILE = 'forms/2026-01-repairs-analyst.xlsx';
const fingerprints = (w: Workspace) => new Map(w.kpis.map((k) => [k.id, entryFingerprint(k)]));

async function formBytes(c: FormCase): Promise<Uint8Array> {
  if (c.bytes) return typeof c.bytes === 'function' ? c.bytes() : c.bytes;
  const { workspace } = loadValid();
  const period = parsePeriod('2026-01');
  if (!period.ok) throw new Error(period.message);
  const [form] = planCollection(workspace, period.value, () => false).forms;
  const bytes = await buildForm({
    organisation: workspace.config.organisation,
    form: form!,
    entries: fingerprints(workspace),
    dictionaryCommit: null,
    day: '2026-01-31',
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Return')!;
  for (const [ref, value] of Object.entries(c.cells ?? {})) sheet.getCell(ref).value = value;
  c.change?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function notAForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = 'HC-01';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** prf import of return forms: only an unaltered form, for the period and dictionary it was made for. */
const table: RuleTable<FormCase> = {
  name: 'import of return forms (prf collect, then prf import)',
  run: async (c) => {
    const { workspace } = loadValid(c.dictionary);
    const kpis = new Map(workspace.kpis.map((k) => [k.id, k]));
    const ctx = { kpis, entries: fingerprints(workspace), currentCommit: null, period: c.period ?? null };
    return (await readForm(FILE, await formBytes(c), ctx)).diagnostics;
  },
  valid: [
    { name: 'a filled form', cells: { I6: 88.5, J6: 177, K6: 200 } },
    { name: 'a filled form for the period given', cells: { I6: 88.5, J6: 177, K6: 200 }, period: '2026-01' },
    { name: 'a form left empty', cells: {} },
  ],
  invalid: [
    {
      name: 'text in a number cell, naming the sheet, cell and KPI',
      cells: { I6: 'about 90', J6: 90, K6: 100 },
      diagnostics: [error(FILE, 6, 9, 'csv-value-invalid', 'Return!I6 (HC-01 2026-01): value: "about 90" is not a number')],
    },
    {
      name: 'a value that disagrees with its counts',
      cells: { I6: 70, J6: 90, K6: 100 },
      diagnostics: [error(FILE, 6, 9, 'csv-ratio-mismatch', 'Return!I6 (HC-01 2026-01): the value 70 does not agree with 90 / 100 x 100 = 90')],
    },
    {
      name: 'a changed locked cell',
      cells: { I6: 90, F6: '50% (higher is better)' },
      diagnostics: [error(FILE, 1, 1, 'import-tampered', 'a locked cell of the Return sheet or the hidden marker has changed')],
    },
    {
      name: 'a changed marker',
      cells: { I6: 90 },
      change: (wb) => (wb.getWorksheet('prf')!.getCell('C7').value = '2025-12'),
      diagnostics: [error(FILE, 1, 1, 'import-tampered')],
    },
    {
      name: 'a form for another period than --period',
      cells: { I6: 90 },
      period: '2026-02',
      diagnostics: [error(FILE, 1, 1, 'import-wrong-period', 'this form is for 2026-01, not 2026-02')],
    },
    {
      name: 'a form from an older dictionary',
      cells: { I6: 90 },
      dictionary: { [MEASURE]: edit('  value: 86', '  value: 88') },
      diagnostics: [error(FILE, 1, 1, 'import-dictionary-changed', 'the entries for HC-01 have changed')],
    },
    { name: 'a workbook that is not a form', bytes: notAForm, diagnostics: [error(FILE, 1, 1, 'import-not-form', 'no prf marker')] },
    {
      name: 'a file that is not a workbook',
      bytes: new TextEncoder().encode('kpi,period,value\n'),
      diagnostics: [error(FILE, 1, 1, 'import-not-form', 'not an Excel workbook')],
    },
  ],
};
export default table;
