import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { RuleCode } from '../../../src/diagnostics/codes.js';
import { EXTRACTS, FIXTURES, tsmWorkspace } from '../../benchmarks/tsm-helpers.js';
import { error, type RuleTable } from '../../helpers/rule-tester.js';
import { runInProcess } from '../../helpers/run.js';

/** A workbook given to prf benchmarks tsm (copied into the workspace as in/<name>), and --landlord. */
interface TsmCase {
  workbook: string;
  landlord: string;
}

/** The diagnostics prf benchmarks tsm --dry-run prints, read back from its stylish lines (it prints no JSON). */
function printed(stderr: string): Diagnostic[] {
  return [...stderr.matchAll(/^(.+?):(\d+):(\d+) {2}(error|warning) +(.*) {2}([a-z0-9-]+)$/gm)].map((m) => ({
    file: m[1]!,
    line: Number(m[2]),
    column: Number(m[3]),
    severity: m[4] as 'error' | 'warning',
    message: m[5]!,
    code: m[6] as RuleCode,
  }));
}

const cleanups: Array<() => void> = [];

/**
 * prf benchmarks tsm: a workbook that is not a TSM release, and a landlord the release does not
 * hold. These come only from the command (not from loadWorkspace), so each case runs it in-process
 * on a new TSM workspace, with --dry-run, and reads the diagnostics it prints.
 */
const table: RuleTable<TsmCase> = {
  name: 'prf benchmarks tsm',
  run: async (c) => {
    const dir = await tsmWorkspace('la-under-15000', cleanups);
    mkdirSync(join(dir, 'in'));
    const file = `in/${basename(c.workbook)}`;
    copyFileSync(c.workbook, join(dir, file));
    try {
      const r = await runInProcess(['benchmarks', 'tsm', file, '--landlord', c.landlord, '--dry-run'], dir);
      return printed(r.stderr);
    } finally {
      cleanups.splice(0).forEach((clean) => clean());
    }
  },
  valid: [],
  invalid: [
    {
      name: 'a workbook that is not a TSM release',
      workbook: join(FIXTURES, 'not-tsm.xlsx'),
      landlord: '26UC',
      diagnostics: [
        error('in/not-tsm.xlsx', 1, 1, 'tsm-layout-unrecognised', 'no sheet named TSM<yy>_LCRA_Perception'),
        error('in/not-tsm.xlsx', 1, 1, 'tsm-layout-unrecognised', 'no sheet named TSM<yy>_LCHO_Perception'),
        error('in/not-tsm.xlsx', 1, 1, 'tsm-layout-unrecognised', 'no sheet named TSM<yy>_Management_Info'),
      ],
    },
    {
      name: 'a landlord code the release does not hold',
      workbook: EXTRACTS[1]!,
      landlord: 'ZZ99',
      diagnostics: [error('in/2025_TSM_extract.xlsx', 1, 1, 'tsm-landlord-unknown', 'ZZ99 is not in this 2024-25 release')],
    },
  ],
};
export default table;
