import { describe, expect, it } from 'vitest';
import { fieldPositions } from '../../src/formats/csv-records.js';

describe('fieldPositions', () => {
  it.each([
    [
      'a,b,c',
      3,
      [
        [3, 1],
        [3, 3],
        [3, 5],
      ],
    ],
    [
      '"x,y",b',
      1,
      [
        [1, 1],
        [1, 7],
      ],
    ],
    [
      '"multi\nline",z',
      5,
      [
        [5, 1],
        [6, 7],
      ],
    ],
    [
      '"a ""q"", b",c',
      2,
      [
        [2, 1],
        [2, 14],
      ],
    ],
  ] as const)('%j from line %i', (raw, line, expected) => {
    expect(fieldPositions(raw, line).map((p) => [p.line, p.column])).toEqual(expected);
  });
});
