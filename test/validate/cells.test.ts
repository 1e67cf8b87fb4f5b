import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberCell, simpleNumber } from '../../src/load/cells.js';

const pct = { allowPercent: true, allowPound: false };
const plain = { allowPercent: false, allowPound: false };
const money = { allowPercent: false, allowPound: true };

describe('parseNumberCell', () => {
  it.each([
    ['96.4', plain, 96.4],
    [' 96.4 ', plain, 96.4],
    ['96.4%', pct, 96.4],
    ['96.4 %', pct, 96.4],
    ['1,234', plain, 1234],
    ['1,234,567.25', plain, 1234567.25],
    ['-3.5', plain, -3.5],
    ['+2', plain, 2],
    ['.5', plain, 0.5],
    ['£1,250', money, 1250],
    ['0', plain, 0],
  ])('reads %j as a number', (raw, options, value) => {
    expect(parseNumberCell(raw, options)).toEqual({ kind: 'number', value });
  });

  it.each(['n/a', 'N/A', 'na', '#N/A'])('reads %j as not available', (raw) => {
    expect(parseNumberCell(raw, plain)).toEqual({ kind: 'notAvailable' });
  });

  it.each(['', '   '])('reads %j as blank', (raw) => {
    expect(parseNumberCell(raw, plain)).toEqual({ kind: 'blank' });
  });

  it.each([
    ['96.4%', plain, 'not a percentage'],
    ['£12', plain, 'not a currency'],
    ['1,23', plain, 'use a point for decimals'],
    ['12,5', plain, 'use a point for decimals'],
    ['ninety', plain, 'not a number'],
    ['1e400', plain, 'not a number'],
    ['NaN', plain, 'not a number'],
    ['Infinity', plain, 'not a number'],
    ['=SUM(A1:A3)', plain, 'formula'],
    ['=HYPERLINK("http://x")', plain, 'formula'],
    ['@cmd', plain, 'formula'],
    ['-HYPERLINK(1)', plain, 'formula'],
    ['#DIV/0!', plain, 'error value'],
    ['1.2.3', plain, 'not a number'],
  ])('refuses %j with a reason', (raw, options, reason) => {
    const r = parseNumberCell(raw, options);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.message).toContain(reason);
  });
});

describe('simpleNumber, the fast path for plain figures', () => {
  const SIMPLE = /^-?\d{1,15}(?:\.\d{1,15})?$/;
  const reference = (s: string) => (SIMPLE.test(s) ? Number(s) : NaN);

  it.each([
    '',
    '-',
    '.5',
    '5.',
    '1e3',
    '+1',
    ' 1',
    '1 ',
    '0',
    '-0',
    '-0.0',
    '007',
    '0.1',
    '0.3',
    '96.4',
    '123456789012345',
    '1234567890123456',
    '12345678.12345678',
    '999999999999999.999999999999999',
    '1.2.3',
    '--1',
    '1,0',
  ])('reads %j exactly as the pattern and Number() do', (s) => expect(Object.is(simpleNumber(s), reference(s))).toBe(true));

  it('agrees with the pattern and Number() on any text of digits, signs and points', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ' '), maxLength: 34 });
    const figure = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,16}$/), fc.option(fc.stringMatching(/^\d{0,16}$/)))
      .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(fc.oneof(text, figure), (s) => Object.is(simpleNumber(s), reference(s))),
      { numRuns: 20000 },
    );
  });
});
