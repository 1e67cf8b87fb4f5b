import { planImport } from '../../../src/core/import-plan.js';
import { readOutturnCsv } from '../../../src/load/outturn-csv.js';
import { OUTTURNS } from '../../helpers/base-workspace.js';
import { error, loadValid, type RuleTable } from '../../helpers/rule-tester.js';

/** CSV files given to prf import, by path, and whether --restate is given. */
interface ImportCase {
  incoming: Record<string, string>;
  restate?: boolean;
}

const HEADER = 'kpi,period,value,numerator,denominator\n';

/** prf import of CSVs: new figures are added, the same again is harmless, a different one needs --restate. */
const table: RuleTable<ImportCase> = {
  name: 'import of outturn CSVs (prf import)',
  run: (c) => {
    const { workspace } = loadValid();
    const kpis = new Map(workspace.kpis.map((k) => [k.id, k]));
    const read = Object.entries(c.incoming).map(([path, text]) => readOutturnCsv(path, text, kpis));
    const plan = planImport(
      read.flatMap((r) => r.observations),
      workspace.observations,
      c.restate ? { reason: 'late jobs', today: '2026-01-20' } : null,
    );
    return [...read.flatMap((r) => r.diagnostics), ...plan.diagnostics];
  },
  valid: [
    { name: 'a figure for a month with none yet', incoming: { 'in/january.csv': `${HEADER}HC-01,2026-01,88.5,177,200\n` } },
    { name: 'the same figure again', incoming: { 'in/november.csv': `${HEADER}HC-01,2025-11,85.5,171,200\n` } },
    { name: 'a different figure with --restate', restate: true, incoming: { 'in/november.csv': `${HEADER}HC-01,2025-11,86,172,200\n` } },
  ],
  invalid: [
    {
      name: 'a different figure without --restate',
      incoming: { 'in/november.csv': `${HEADER}HC-01,2025-11,86,172,200\n` },
      diagnostics: [error('in/november.csv', 2, 1, 'import-figure-exists', `already recorded as 85.5 (${OUTTURNS}:3); this gives 86. To replace it`)],
    },
    {
      name: 'n/a where a figure is recorded',
      incoming: { 'in/november.csv': `${HEADER}HC-01,2025-11,n/a,,\n` },
      diagnostics: [error('in/november.csv', 2, 1, 'import-figure-exists', 'this gives n/a')],
    },
    {
      name: 'the same KPI and period in two of the files',
      incoming: { 'in/a.csv': `${HEADER}HC-01,2026-01,88.5,177,200\n`, 'in/b.csv': `${HEADER}HC-01,2026-01,88.5,177,200\n` },
      diagnostics: [error('in/b.csv', 2, 1, 'csv-duplicate-row', 'is also given at in/a.csv:2')],
    },
  ],
};
export default table;
