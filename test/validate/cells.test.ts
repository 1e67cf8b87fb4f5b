import { describe, expect, it } from 'vitest';
import { parseNumberCell } from '../../src/validate/cells.js';

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
