import { describe, expect, it } from 'vitest';
import { readOutturnCsv } from '../../src/load/outturn-csv.js';
import { measure } from '../core/fixtures.js';

// Rows share what they have in common (period, file, reviewer) to keep a million of them small:
// each must still read back exactly its own cells.
describe('observations read from outturn rows', () => {
  const a = measure({ id: 'A-01', frequency: 'monthly', unit: 'number', aggregation: 'sum', decimals: 0 });
  const b = measure({ id: 'B-01', frequency: 'monthly', unit: 'number', aggregation: 'sum', decimals: 0 });
  const kpis = new Map([
    [a.id, a],
    [b.id, b],
  ]);
  const header = 'kpi,period,value,numerator,denominator,reviewed_by,note';

  it.each([
    [
      'reviewers and notes change from row to row',
      [
        'A-01,2025-04,1,,,Ann,',
        'A-01,2025-05,2,,,Ann,late return',
        'A-01,2025-06,3,,,Ann,',
        'B-01,2025-04,4,,,Bob,',
        'B-01,2025-05,5,,,,',
        'B-01,2025-06,6,,,Bob, restated ',
      ],
      [
        ['A-01', '2025-04', 1, 'Ann', null, 2],
        ['A-01', '2025-05', 2, 'Ann', 'late return', 3],
        ['A-01', '2025-06', 3, 'Ann', null, 4],
        ['B-01', '2025-04', 4, 'Bob', null, 5],
        ['B-01', '2025-05', 5, null, null, 6],
        ['B-01', '2025-06', 6, 'Bob', 'restated', 7],
      ],
    ],
  ])('%s', (_name, lines, expected) => {
    const first = readOutturnCsv('data/outturns/one.csv', [header, ...lines].join('\n'), kpis);
    const second = readOutturnCsv('data/outturns/two.csv', [header, ...lines].join('\n'), kpis);
    for (const [file, result] of [
      ['data/outturns/one.csv', first],
      ['data/outturns/two.csv', second],
    ] as const) {
      expect(result.diagnostics).toEqual([]);
      expect(result.observations.map((o) => [o.kpi, o.periodName, o.value, o.reviewedBy, o.note, o.origin.line])).toEqual(expected);
      expect(result.observations.every((o) => o.origin.file === file && o.period.kind === 'month')).toBe(true);
    }
  });
});
