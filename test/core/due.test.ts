import { describe, expect, it } from 'vitest';
import { computeDue, type DueReport } from '../../src/core/due.js';
import { englandAndWalesBankHolidays } from '../../src/core/working-days.js';
import type { Kpi } from '../../src/model/kpi.js';
import type { Observation } from '../../src/model/workspace.js';
import { measure, monthly, obs, period, qualitative, workspace, type CommentaryInput } from './fixtures.js';

// Q3 2025-26 ends on Wednesday 31 December; with New Year's Day off, 8 working days later is
// Tuesday 13 January.
const Q3 = period('2025-26-Q3');
const Q3_DEADLINE = '2026-01-13';
const newYearOnly = (iso: string) => iso === '2026-01-01';
const signed = { reviewedBy: 'Reviewer' };

/** A quarterly measure: one row per quarter, target 90, higher is better, red below 85.5. */
const quarterly = measure({ id: 'QTR-01', frequency: 'quarterly', aggregation: 'mean' });

function dueFor(
  kpis: Kpi[],
  observations: Observation[],
  today: string,
  commentary: CommentaryInput[] = [],
  exceptionsFor?: Array<'red' | 'amber'>,
): DueReport {
  const ws = workspace({
    kpis,
    observations,
    commentary,
    config: exceptionsFor ? { ragg: { band: 0.05, bandType: 'relative', exceptionsFor } } : {},
  });
  return computeDue(ws, Q3, today, newYearOnly);
}

const only = (r: DueReport) => r.kpis[0]!;
const codes = (r: DueReport) => only(r).problems.map((p) => p.code);

describe('computeDue: a quarterly measure at Q3', () => {
  const overview = { overview: 'Why it is off target', actions: [{ action: 'Fix it', owner: 'Head', due: '2026-02-28' }] };
  it.each([
    { name: 'no figure on the deadline day', rows: [], today: Q3_DEADLINE, state: 'dueLater', problems: ['dataDue'] },
    { name: 'no figure the day after', rows: [], today: '2026-01-14', state: 'overdue', problems: ['dataOverdue'] },
    { name: 'n/a before the deadline', rows: [obs(quarterly, '2025-26-Q3', null, signed)], today: '2026-01-05', state: 'dueLater', problems: ['dataDue'] },
    { name: 'n/a after the deadline', rows: [obs(quarterly, '2025-26-Q3', null, signed)], today: '2026-01-14', state: 'overdue', problems: ['dataOverdue'] },
    { name: 'green, not signed off', rows: [obs(quarterly, '2025-26-Q3', 95)], today: '2026-01-05', state: 'awaitingSignOff', problems: ['signOffMissing'] },
    {
      name: 'green, reviewer blank',
      rows: [obs(quarterly, '2025-26-Q3', 95, { reviewedBy: '  ' })],
      today: '2026-01-05',
      state: 'awaitingSignOff',
      problems: ['signOffMissing'],
    },
    { name: 'green and signed off', rows: [obs(quarterly, '2025-26-Q3', 95, signed)], today: '2026-01-05', state: 'complete', problems: [] },
    {
      name: 'red without commentary',
      rows: [obs(quarterly, '2025-26-Q3', 80, signed)],
      today: '2026-01-05',
      state: 'needsCommentary',
      problems: ['commentaryMissing'],
    },
    {
      name: 'red with commentary',
      rows: [obs(quarterly, '2025-26-Q3', 80, signed)],
      commentary: [{ period: '2025-26-Q3', kpis: { 'QTR-01': overview } }],
      today: '2026-01-05',
      state: 'complete',
      problems: [],
    },
    {
      name: "red with another period's commentary",
      rows: [obs(quarterly, '2025-26-Q3', 80, signed)],
      commentary: [{ period: '2025-26-Q2', kpis: { 'QTR-01': overview } }],
      today: '2026-01-05',
      state: 'needsCommentary',
      problems: ['commentaryMissing'],
    },
    {
      name: 'red, not signed off, without commentary',
      rows: [obs(quarterly, '2025-26-Q3', 80)],
      today: '2026-01-05',
      state: 'awaitingSignOff',
      problems: ['signOffMissing', 'commentaryMissing'],
    },
    // 88 is 2.2% below 90: amber, which needs no exception report by default.
    { name: 'amber without commentary', rows: [obs(quarterly, '2025-26-Q3', 88, signed)], today: '2026-01-05', state: 'complete', problems: [] },
    {
      name: 'amber when amber needs an exception',
      rows: [obs(quarterly, '2025-26-Q3', 88, signed)],
      exceptionsFor: ['red', 'amber'] as Array<'red' | 'amber'>,
      today: '2026-01-05',
      state: 'needsCommentary',
      problems: ['commentaryMissing'],
    },
  ])('$name: $state', ({ rows, today, state, problems, commentary, exceptionsFor }) => {
    const r = dueFor([quarterly], rows, today, commentary, exceptionsFor);
    expect(only(r).deadline).toBe(Q3_DEADLINE);
    expect(only(r).state).toBe(state);
    expect(codes(r)).toEqual(problems);
  });

  it('says which part of the commentary is missing', () => {
    const partial = (c: object) =>
      only(dueFor([quarterly], [obs(quarterly, '2025-26-Q3', 80, signed)], '2026-01-05', [{ period: '2025-26-Q3', kpis: { 'QTR-01': c } }])).problems;
    expect(partial({ overview: 'Off target' })[0]!.message).toBe('a red status needs an exception report: the 2025-26-Q3 commentary lacks actions to improve');
    expect(partial({ actions: [{ action: 'Fix it', owner: 'Head', due: '2026-02-28' }] })[0]!.message).toMatch(/lacks a performance overview$/);
    expect(partial({ overview: 'Off target', actions: [] })[0]!.message).toMatch(/lacks actions to improve$/);
  });

  it('names the role that must act and who holds it', () => {
    const kpi = measure({
      id: 'QTR-02',
      frequency: 'quarterly',
      aggregation: 'mean',
      roles: {
        owner: 'Director of Housing',
        collector: 'Rents Officer',
        reviewer: 'Rents Manager',
        headOfService: 'Head of Rents',
        strategicLead: 'Cabinet Member',
      },
    });
    const red = only(dueFor([kpi], [obs(kpi, '2025-26-Q3', 80)], '2026-01-05')).problems;
    const missing = only(dueFor([kpi], [], '2026-01-14')).problems;
    expect([...missing, ...red].map((p) => [p.code, p.who, p.holder])).toEqual([
      ['dataOverdue', 'collector', 'Rents Officer'],
      ['signOffMissing', 'reviewer', 'Rents Manager'],
      ['commentaryMissing', 'headOfService', 'Head of Rents'],
    ]);
  });

  it.each([
    { name: 'absent', rows: [], message: 'no figure for 2025-26-Q3: the figure was due from the data collector by 2026-01-13' },
    {
      name: 'n/a',
      rows: [obs(quarterly, '2025-26-Q3', null)],
      message: '2025-26-Q3 was returned as n/a, which counts as missing data: the figure was due from the data collector by 2026-01-13',
    },
  ])('says why data is missing, and asks no sign-off of a missing figure: $name', ({ rows, message }) => {
    expect(only(dueFor([quarterly], rows, '2026-01-14')).problems.map((p) => p.message)).toEqual([message]);
  });

  it('a tracker needs data and sign-off but no commentary', () => {
    const tracker = measure({ id: 'TRK-01', level: 'tracker', frequency: 'quarterly', aggregation: 'mean' });
    expect(only(dueFor([tracker], [obs(tracker, '2025-26-Q3', 10, signed)], '2026-01-05')).state).toBe('complete');
    expect(only(dueFor([tracker], [], '2026-01-14')).state).toBe('overdue');
  });
});

describe('computeDue: monthly measures judge each missing month by its own deadline', () => {
  const monthlySum = measure({ id: 'MON-01', unit: 'number', aggregation: 'sum', decimals: 0, target: { type: 'single', value: 30 } });

  it('October overdue, November unsigned, December not yet due, all at once', () => {
    // October's figure was due 8 working days after 31 October: Wednesday 12 November.
    const r = dueFor([monthlySum], [obs(monthlySum, '2025-11', 10)], '2025-12-20');
    expect(only(r).state).toBe('overdue');
    expect(only(r).deadline).toBe(Q3_DEADLINE);
    expect(only(r).problems.map((p) => [p.code, p.message])).toEqual([
      ['dataOverdue', 'no figure for 2025-10: the figure was due from the data collector by 2025-11-12'],
      ['dataDue', 'no figure for 2025-12: the figure is due from the data collector by 2026-01-13'],
      ['signOffMissing', 'the figure for 2025-11 awaits sign-off by the data reviewer'],
    ]);
  });

  it.each([
    { name: "on October's deadline", today: '2025-11-12', state: 'dueLater' },
    { name: 'the day after', today: '2025-11-13', state: 'overdue' },
  ])('only October missing, $name: $state', ({ today, state }) => {
    const rows = monthly(monthlySum, '2025-11', [10, 10], signed);
    expect(only(dueFor([monthlySum], rows, today)).state).toBe(state);
  });

  it('all three months signed off and on target is complete', () => {
    expect(only(dueFor([monthlySum], monthly(monthlySum, '2025-10', [10, 10, 10], signed), '2026-01-05')).state).toBe('complete');
  });

  it('a ratio month without numerator and denominator cannot roll up', () => {
    const ratio = measure({ id: 'RAT-01' });
    const rows = [...monthly(ratio, '2025-10', [95, 95], { ...signed, numerator: 95, denominator: 100 }), obs(ratio, '2025-12', 95, signed)];
    const problems = only(dueFor([ratio], rows, '2026-01-14')).problems;
    expect(problems.map((p) => [p.code, p.message])).toEqual([
      ['dataOverdue', '2025-12 has no numerator and denominator, which a ratio needs to roll up: the figure was due from the data collector by 2026-01-13'],
    ]);
  });

  it('denominators totalling 0 give no usable figure', () => {
    const ratio = measure({ id: 'RAT-01' });
    const rows = monthly(ratio, '2025-10', [0, 0, 0], { ...signed, numerator: 0, denominator: 0 });
    expect(only(dueFor([ratio], rows, '2026-01-05')).problems.map((p) => [p.code, p.message])).toEqual([
      ['dataDue', 'the denominators for 2025-26-Q3 total 0: a usable figure is due from the data collector by 2026-01-13'],
    ]);
  });
});

describe('computeDue: not due this period', () => {
  const annual = measure({ id: 'ANN-01', frequency: 'annual', aggregation: 'mean' });

  it('an annual measure at Q3 has no deadline and no problems', () => {
    expect(only(dueFor([annual], [], '2026-03-01'))).toEqual({
      id: 'ANN-01',
      name: 'Test measure',
      committee: 'housing-osc',
      deadline: null,
      state: 'notDue',
      problems: [],
    });
  });

  it('an annual measure at Q4 is due after the year ends (real calendar: Good Friday and Easter Monday skipped)', () => {
    const ws = workspace({ kpis: [annual] });
    const r = computeDue(ws, period('2025-26-Q4'), '2026-04-15', englandAndWalesBankHolidays());
    expect([only(r).deadline, only(r).state]).toEqual(['2026-04-14', 'overdue']);
  });

  it('a half-yearly project at Q3 is not due', () => {
    expect(only(dueFor([qualitative({ frequency: 'biannual' })], [], '2026-03-01')).state).toBe('notDue');
  });
});

describe('computeDue: projects and narrative indicators owe a status', () => {
  it.each([
    {
      name: 'status given',
      commentary: [{ period: '2025-26-Q3', kpis: { 'PRJ-01': { status: 'amber' as const } } }],
      today: '2026-02-01',
      state: 'complete',
      problems: [],
    },
    { name: 'no status by the deadline', commentary: [], today: Q3_DEADLINE, state: 'dueLater', problems: ['statusDue'] },
    { name: 'no status after the deadline', commentary: [], today: '2026-01-14', state: 'needsCommentary', problems: ['statusMissing'] },
    {
      name: 'narrative but no status',
      commentary: [{ period: '2025-26-Q3', kpis: { 'PRJ-01': { narrative: 'On track' } } }],
      today: '2026-01-14',
      state: 'needsCommentary',
      problems: ['statusMissing'],
    },
  ])('$name: $state', ({ commentary, today, state, problems }) => {
    const r = dueFor([qualitative()], [], today, commentary);
    expect([only(r).deadline, only(r).state]).toEqual([Q3_DEADLINE, state]);
    expect(codes(r)).toEqual(problems);
    expect(only(r).problems.every((p) => p.who === 'owner')).toBe(true);
  });
});

describe('computeDue: the report', () => {
  const a = measure({ id: 'B-01', frequency: 'quarterly', aggregation: 'mean' });
  const b = measure({ id: 'A-01', frequency: 'quarterly', aggregation: 'mean', committee: 'finance-osc' });
  const c = measure({ id: 'C-01', frequency: 'annual', aggregation: 'mean' });
  const rows = [obs(a, '2025-26-Q3', 95, signed)];

  it('lists KPIs by id with a count for every state', () => {
    const r = dueFor([a, c, b], rows, '2026-01-14');
    expect(r.period).toBe('2025-26-Q3');
    expect(r.today).toBe('2026-01-14');
    expect(r.kpis.map((k) => [k.id, k.state])).toEqual([
      ['A-01', 'overdue'],
      ['B-01', 'complete'],
      ['C-01', 'notDue'],
    ]);
    expect(r.summary).toEqual({ overdue: 1, awaitingSignOff: 0, needsCommentary: 0, dueLater: 0, complete: 1, notDue: 1 });
  });

  it.each([
    { committee: 'finance-osc', ids: ['A-01'] },
    { committee: 'housing-osc', ids: ['B-01', 'C-01'] },
    { committee: 'planning', ids: [] },
  ])('filters to committee $committee', ({ committee, ids }) => {
    const ws = workspace({ kpis: [a, b, c], observations: rows });
    expect(computeDue(ws, Q3, '2026-01-14', newYearOnly, { committee }).kpis.map((k) => k.id)).toEqual(ids);
  });
});
