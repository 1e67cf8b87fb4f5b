import { describe, expect, it } from 'vitest';
import { compareToTarget, measureStatus, onTarget, qualitativeStatus, type RaggKpi, type Status } from '../../src/core/ragg.js';
import type { Outturn } from '../../src/core/rollup.js';
import type { TargetResult } from '../../src/core/targets.js';
import type { Band } from '../../src/model/kpi.js';
import { ruleFor } from '../../src/core/rule.js';

const fivePercent: Band = { band: 0.05, bandType: 'relative' };
const kpi = (over: Partial<RaggKpi> = {}): RaggKpi => ({ level: 'kpi', polarity: 'higher', decimals: 1, unit: 'percentage', ...over });

describe('compareToTarget: the 5% relative band', () => {
  it.each<[string, number, number, Partial<RaggKpi>, Status]>([
    ['on target', 95, 95, {}, 'green'],
    ['better', 99, 95, {}, 'green'],
    ['just worse', 94.9, 95, {}, 'amber'],
    ['exactly 5% worse is amber', 90.25, 95, { decimals: 2 }, 'amber'],
    ['just over 5% worse is red', 90.24, 95, { decimals: 2 }, 'red'],
    ['exactly 5% of 100 worse is amber', 95, 100, {}, 'amber'],
    ['0.1 more than 5% of 100 is red', 94.9, 100, {}, 'red'],
    ['5% of 97 (4.85) after rounding: 92.2 is 4.8 short, amber', 92.2, 97, {}, 'amber'],
    ['5% of 97: 92.1 is 4.9 short, red', 92.1, 97, {}, 'red'],
    ['lower is better: under target is green', 9, 10, { polarity: 'lower', decimals: 0 }, 'green'],
    ['lower is better: exactly 5% over is amber', 10.5, 10, { polarity: 'lower' }, 'amber'],
    ['lower is better: just over 5% over is red', 10.6, 10, { polarity: 'lower' }, 'red'],
    ['lower is better: 5% of 40 days over is amber', 42, 40, { polarity: 'lower', decimals: 2, unit: 'days' }, 'amber'],
    ['lower is better: 42.01 days against 40 is red', 42.01, 40, { polarity: 'lower', decimals: 2, unit: 'days' }, 'red'],
    ['a negative target takes 5% of its size', -10.5, -10, {}, 'amber'],
    ['a negative target: beyond 5% of its size', -10.6, -10, {}, 'red'],
  ])('%s (%d against %d)', (_, value, target, over, status) => {
    expect(compareToTarget(value, target, kpi(over), fivePercent).status).toBe(status);
  });
});

describe('compareToTarget: rounding at printed precision first', () => {
  it.each<[string, number, number, number, Status]>([
    ['94.96 prints as 95.0: green against 95', 94.96, 95, 1, 'green'],
    ['94.94 prints as 94.9: amber against 95', 94.94, 95, 1, 'amber'],
    ['94.95 rounds half away from zero to 95.0', 94.95, 95, 1, 'green'],
    ['at 2 dp 94.96 is short', 94.96, 95, 2, 'amber'],
    ['at 0 dp 94.5 prints as 95', 94.5, 95, 0, 'green'],
    ['the target rounds too: 95.04 prints as 95.0', 95, 95.04, 1, 'green'],
    ['a boundary lost to binary noise: 0.05 x 9700 is 485', 92.15, 97, 2, 'amber'],
    ['one printed unit past that boundary', 92.14, 97, 2, 'red'],
  ])('%s', (_, value, target, decimals, status) => {
    expect(compareToTarget(value, target, kpi({ decimals }), fivePercent).status).toBe(status);
  });
});

describe('compareToTarget: absolute bands and a target of 0', () => {
  it.each<[string, number, number, Partial<RaggKpi>, Band, Status]>([
    ['absolute band: exactly 2 worse is amber', 88, 90, {}, { band: 2, bandType: 'absolute' }, 'amber'],
    ['absolute band: 2.1 worse is red', 87.9, 90, {}, { band: 2, bandType: 'absolute' }, 'red'],
    ['absolute band, lower is better', 3, 2, { polarity: 'lower', decimals: 0 }, { band: 1, bandType: 'absolute' }, 'amber'],
    ['absolute band, lower is better, beyond', 3.1, 2, { polarity: 'lower' }, { band: 1, bandType: 'absolute' }, 'red'],
    ['absolute band of 0: any shortfall is red', 89.9, 90, {}, { band: 0, bandType: 'absolute' }, 'red'],
    ['absolute band narrower than the printed step', 89.9, 90, {}, { band: 0.05, bandType: 'absolute' }, 'red'],
    ['target 0, relative: meeting it is green', 0, 0, { polarity: 'lower', decimals: 0 }, fivePercent, 'green'],
    ['target 0, relative: any shortfall is red', 1, 0, { polarity: 'lower', decimals: 0 }, fivePercent, 'red'],
    ['target 0, relative: the smallest printed shortfall is red', 0.1, 0, { polarity: 'lower' }, fivePercent, 'red'],
    ['target 0, relative: a shortfall that prints as 0 is green', 0.04, 0, { polarity: 'lower' }, fivePercent, 'green'],
    ['target 0, absolute band: within it is amber', 1, 0, { polarity: 'lower', decimals: 0 }, { band: 1, bandType: 'absolute' }, 'amber'],
    ['target 0, absolute band: beyond it is red', 2, 0, { polarity: 'lower', decimals: 0 }, { band: 1, bandType: 'absolute' }, 'red'],
    ['a 10% relative band', 90, 100, { decimals: 0 }, { band: 0.1, bandType: 'relative' }, 'amber'],
    ['a 0% relative band: any shortfall is red', 99.9, 100, {}, { band: 0, bandType: 'relative' }, 'red'],
  ])('%s', (_, value, target, over, band, status) => {
    expect(compareToTarget(value, target, kpi(over), band).status).toBe(status);
  });
});

describe('compareToTarget: the explanation sentence', () => {
  it.each<[number, number, Partial<RaggKpi>, Band, string]>([
    [95, 95, {}, fivePercent, '95.0% meets the 95.0% target'],
    [38.5, 40, { polarity: 'lower', decimals: 2, unit: 'days' }, fivePercent, '38.50 days is 3.8% better than the 40.00 days target'],
    [94, 95, {}, fivePercent, '94.0% is 1.1% worse than the 95.0% target: within the amber band of 5%'],
    [80, 95, {}, fivePercent, '80.0% is 15.8% worse than the 95.0% target: beyond the amber band of 5%'],
    // A difference between percentages is in percentage points, never a bare % (which reads as relative).
    [
      88,
      90,
      {},
      { band: 2, bandType: 'absolute' },
      '88.0% is 2.0 percentage points worse than the 90.0% target: within the amber band of 2.0 percentage points',
    ],
    [88, 90, { unit: 'number', decimals: 0 }, { band: 2, bandType: 'absolute' }, '88 is 2 worse than the 90 target: within the amber band of 2'],
    // An amber band of 0 is no band: the sentence says a shortfall is red, not "beyond the amber band of 0.00".
    [
      99.88,
      100,
      { decimals: 2 },
      { band: 0, bandType: 'absolute' },
      '99.88% is 0.12 percentage points worse than the 100.00% target: any shortfall is red for this indicator',
    ],
    [
      3,
      0,
      { polarity: 'lower', decimals: 0, unit: 'number' },
      fivePercent,
      '3 is 3 worse than the 0 target: a relative amber band is empty when the target is 0',
    ],
  ])('%d against %d: %s', (value, target, over, band, text) => {
    expect(compareToTarget(value, target, kpi(over), band).explanation).toBe(text);
  });
});

describe('measureStatus: the order of the rules', () => {
  const reported = (value: number): Outturn => ({ value, state: 'reported', missing: [], from: ['2025-26-Q3'] });
  const set = (value: number): TargetResult => ({ value, kind: 'set' });
  it.each<[string, Partial<RaggKpi>, Outturn, TargetResult, Status]>([
    ['not due is grey', {}, { value: null, state: 'notDue', missing: [], from: [], reason: 'an annual measure has no outturn due' }, set(90), 'grey'],
    [
      'missing is missing, not grey',
      {},
      { value: null, state: 'missing', missing: ['2025-26-Q3'], from: ['2025-26-Q3'], reason: 'no figure' },
      set(90),
      'missing',
    ],
    [
      'a tracker missing its figure is still missing',
      { level: 'tracker' },
      { value: null, state: 'missing', missing: ['2025-26-Q3'], from: [], reason: 'no figure' },
      set(90),
      'missing',
    ],
    ['a tracker is grey', { level: 'tracker' }, reported(10), set(90), 'grey'],
    ['neutral polarity is grey', { polarity: 'neutral' }, reported(10), set(90), 'grey'],
    ['no target is grey', {}, reported(10), { value: null, kind: 'none', reason: 'no target: monitoring only' }, 'grey'],
    ['target to be set is grey', {}, reported(10), { value: null, kind: 'toBeSet', reason: 'target to be set: x' }, 'grey'],
    ['otherwise compared with the target', {}, reported(10), set(90), 'red'],
    ['an SPI is coloured like a KPI', { level: 'spi' }, reported(90), set(90), 'green'],
  ])('%s', (_, over, outturn, target, status) => {
    expect(measureStatus(kpi(over), outturn, target, fivePercent).status).toBe(status);
  });

  it("the KPI's own band overrides the workspace's (ruleFor, applied once)", () => {
    const workspaceRagg = { ...fivePercent, exceptionsFor: ['red' as const] };
    const own = kpi({ ragg: { band: 0.2, bandType: 'relative' } });
    expect(measureStatus(own, reported(80), set(90), ruleFor(own, workspaceRagg)).status).toBe('amber');
    expect(measureStatus(kpi(), reported(80), set(90), ruleFor(kpi(), workspaceRagg)).status).toBe('red');
  });
});

describe('onTarget: the committee roll-up', () => {
  it.each<[Status, boolean | null]>([
    ['red', false],
    ['amber', true],
    ['green', true],
    ['grey', true],
    ['missing', null],
  ])('%s is %s', (status, expected) => {
    expect(onTarget(status)).toBe(expected);
  });
});

describe('qualitativeStatus', () => {
  it.each<[string, Parameters<typeof qualitativeStatus>[0], boolean, Status]>([
    ['the owner gives it', { status: 'amber' }, true, 'amber'],
    ['the owner gives it even when not due', { status: 'green' }, false, 'green'],
    ['commentary without a status is missing', { narrative: 'on track' }, true, 'missing'],
    ['no commentary is missing', undefined, true, 'missing'],
    ['nothing due is grey', undefined, false, 'grey'],
  ])('%s', (_, commentary, due, status) => {
    expect(qualitativeStatus(commentary, due, '2025-26-Q3').status).toBe(status);
  });
});
