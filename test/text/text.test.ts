import { describe, expect, it } from 'vitest';
import { byEntryKey, byId, byText, compareText } from '../../src/text/compare.js';
import { counted, plural } from '../../src/text/plural.js';

describe('compareText', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['B', 'a', -1], // by code unit, not by locale: capitals first on every machine
    ['HC-10', 'HC-9', -1],
    ['', 'a', -1],
  ])('%s vs %s is %i', (a, b, sign) => expect(Math.sign(compareText(a, b))).toBe(sign));

  it('sorts by a key, by id and by entry key the same way', () => {
    expect(['b', 'a', 'c'].map((id) => ({ id })).sort(byId)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect([{ n: 'z' }, { n: 'y' }].sort(byText((x) => x.n))).toEqual([{ n: 'y' }, { n: 'z' }]);
    expect(Object.entries({ b: 1, a: 2 }).sort(byEntryKey)).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});

describe('counted and plural', () => {
  it.each([
    [0, 'figure', undefined, '0 figures'],
    [1, 'figure', undefined, '1 figure'],
    [2, 'entry', 'entries', '2 entries'],
    [1, 'entry', 'entries', '1 entry'],
  ])('%i %s', (n, one, many, text) => expect(counted(n, one, many)).toBe(text));

  it('gives the word alone', () => {
    expect(plural(1, 'was', 'were')).toBe('was');
    expect(plural(3, 'was', 'were')).toBe('were');
  });
});
