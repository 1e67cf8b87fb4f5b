import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWideSheet } from '../../src/load/wide-sheet.js';
import { formatPeriod, parsePeriod, PERIOD_YEARS, previousPeriod, type Period } from '../../src/model/periods.js';
import { measure } from '../core/fixtures.js';
import { runBinary } from '../helpers/run.js';
import { STACK, throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace } = throwawayWorkspaces();
const RANGE = 'outside the years prf reads (financial years 1900-01 to 2098-99 and months 1901-01 to 2098-12): check the year';

describe('periods at the edge of the years prf reads', () => {
  it.each(['9999-01', '9999-12', '9999-00', '9999-00-Q4', '9998-99-H2', '0000-01', '0001-01', '1899-04', '1899-00', '2099-01', '2099-00-Q1'])(
    '%s is refused as out of range',
    (text) => {
      const r = parsePeriod(text);
      expect(r).toEqual({ ok: false, outOfRange: true, message: `${text} is ${RANGE}` });
    },
  );

  it('every period in range names itself and reads back, and so does the one before it', () => {
    const { firstFy, lastFy } = PERIOD_YEARS;
    for (let fy = firstFy; fy <= lastFy; fy++) {
      const periods: Period[] = [
        { kind: 'year', fy },
        { kind: 'half', fy, half: 2 },
        { kind: 'quarter', fy, quarter: 1 },
        ...(fy > firstFy
          ? [
              { kind: 'month' as const, year: fy, month: 1 },
              { kind: 'month' as const, year: fy, month: 12 },
            ]
          : []),
      ];
      for (const p of periods) {
        const name = formatPeriod(p);
        expect(name).toMatch(/^\d{4}-\d{2}/);
        const back = parsePeriod(name);
        // Years before 2012-13 are written like months (2011-12); quarters and months read back.
        if (p.kind !== 'year' || fy >= 2012) expect(back).toEqual({ ok: true, value: p });
        expect(formatPeriod(previousPeriod(p))).toMatch(/^\d{4}-\d{2}/);
      }
    }
  });

  it('prf import of a figure for 9999-01: exit 1 at its file, line and column, and no 9998-99.csv', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'slip.csv'), 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,9999-01,88.5,177,200,,\n');
    const before = readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');
    const r = runBinary(['import', 'slip.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`slip.csv:2:7  error    9999-01 is ${RANGE}  csv-period-out-of-range`);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(join(dir, 'data/outturns'))).toEqual(['2025-26.csv']);
    expect(readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8')).toBe(before);
  });

  it.each([
    [['status', '9999-00-Q1'], `prf: 9999-00-Q1 is ${RANGE}\n`],
    [['status', 'Q1 9999/00'], `prf: Q1 9999/00 is ${RANGE}\n`],
    [['report', '0000-01', '--draft', '--out', 'out'], `prf: 0000-01 is ${RANGE}\n`],
    [
      ['collect', '--today', '9999-12-31', '--out', 'forms'],
      'prf: --today 9999-12-31: prf reads periods in financial years 1900-01 to 2098-99 and months 1901-01 to 2098-12; give a day in one of those months\n',
    ],
  ])('prf %j is called wrongly (exit 2), naming the range', (argv, message) => {
    const dir = workspace();
    const r = runBinary(argv, dir);
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'forms')) || existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a history sheet with a column for April 9999 names that column', () => {
    const kpis = new Map([['M-1', measure({ id: 'M-1', frequency: 'monthly', unit: 'number' })]]);
    const sheet = [
      ['Ref', 'Apr-24', 'Apr 9999'],
      ['M-1', '5', '6'],
    ].map((cells, i) => ({ line: i + 1, cells }));
    const r = readWideSheet('h.csv', sheet, kpis);
    expect(r.diagnostics).toMatchObject([{ code: 'csv-period-out-of-range', line: 1, column: 3, message: `column "Apr 9999": 9999-04 is ${RANGE}` }]);
    expect(r.observations.map((o) => o.periodName)).toEqual(['2024-04']);
  });
});
