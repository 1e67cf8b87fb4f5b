import { describe, expect, it } from 'vitest';
import { compareStatuses, computeStatus, summarise, type StatusReport } from '../../src/core/status.js';
import type { Status } from '../../src/core/ragg.js';
import type { Measure } from '../../src/model/kpi.js';
import type { Observation } from '../../src/model/workspace.js';
import { measure, monthly, obs, period, qualitative, workspace, type CommentaryInput } from './fixtures.js';

const q3 = period('2025-26-Q3');
const one = (kpi: Measure, rows: Observation[], commentary: CommentaryInput[] = [], at = q3) =>
  computeStatus(workspace({ kpis: [kpi], observations: rows, commentary }), at).kpis[0]!;
/** A quarterly mean KPI with figures by quarter name. */
const quarterly = (over: Partial<Measure> = {}) => measure({ id: 'K-01', frequency: 'quarterly', aggregation: 'mean', ...over });
const rowsOf = (kpi: Measure, figures: Record<string, number | null>, extra: Partial<Observation> = {}) =>
  Object.entries(figures).map(([name, v]) => obs(kpi, name, v, extra));

describe('computeStatus: the JSON contract', () => {
  it('puts the contract fields first, in order', () => {
    const k = quarterly();
    const r = computeStatus(workspace({ kpis: [k], observations: rowsOf(k, { '2025-26-Q3': 96.44 }) }), q3);
    expect(Object.keys(r)).toEqual(['period', 'kpis', 'summary']);
    expect(Object.keys(r.kpis[0]!).slice(0, 8)).toEqual(['id', 'name', 'committee', 'value', 'target', 'status', 'onTarget', 'trend']);
    expect(Object.keys(r.kpis[0]!.trend)).toEqual(['previous', 'lastYear']);
    expect(Object.keys(r.summary)).toEqual(['red', 'amber', 'green', 'grey', 'missing', 'na', 'onTarget', 'offTarget']);
    expect(r.kpis[0]).toMatchObject({ id: 'K-01', name: 'Test measure', committee: 'housing-osc', value: 96.4, target: 90, status: 'green', onTarget: true });
    expect(r.period).toBe('2025-26-Q3');
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    const k = quarterly();
    const r = computeStatus(workspace({ kpis: [k, qualitative()], observations: rowsOf(k, { '2025-26-Q3': 96.44 }) }), q3);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('computeStatus: a measure', () => {
  it.each<[string, Partial<Measure>, Record<string, number | null>, { value: number | null; target: number | null; status: Status; onTarget: boolean | null }]>(
    [
      ['on target', {}, { '2025-26-Q3': 90 }, { value: 90, target: 90, status: 'green', onTarget: true }],
      ['within 5%', {}, { '2025-26-Q3': 85.5 }, { value: 85.5, target: 90, status: 'amber', onTarget: true }],
      ['beyond 5%', {}, { '2025-26-Q3': 85.4 }, { value: 85.4, target: 90, status: 'red', onTarget: false }],
      ['rounded before comparing', {}, { '2025-26-Q3': 89.96 }, { value: 90, target: 90, status: 'green', onTarget: true }],
      [
        'the target printed too',
        { target: { type: 'single', value: 89.96 } },
        { '2025-26-Q3': 90 },
        { value: 90, target: 90, status: 'green', onTarget: true },
      ],
      ['missing', {}, {}, { value: null, target: 90, status: 'missing', onTarget: null }],
      ['n/a is missing', {}, { '2025-26-Q3': null }, { value: null, target: 90, status: 'missing', onTarget: null }],
      ['a tracker', { level: 'tracker' }, { '2025-26-Q3': 10 }, { value: 10, target: 90, status: 'grey', onTarget: true }],
      ['no target', { target: { type: 'none', reason: 'monitoring only' } }, { '2025-26-Q3': 10 }, { value: 10, target: null, status: 'grey', onTarget: true }],
      ['an annual KPI at Q3', { frequency: 'annual' }, { '2024-25': 10 }, { value: null, target: 90, status: 'grey', onTarget: true }],
    ],
  )('%s', (_, over, figures, expected) => {
    const k = quarterly(over);
    expect(one(k, rowsOf(k, figures))).toMatchObject(expected);
  });

  it('explains the status, target and outturn', () => {
    const k = quarterly({ target: { type: 'toBeSet', reason: 'set by Full Council' } });
    expect(one(k, [])).toMatchObject({
      status: 'missing',
      explanation: 'missing data: no figure for 2025-26-Q3',
      targetKind: 'toBeSet',
      targetReason: 'target to be set: set by Full Council',
      outturnState: 'missing',
      outturnReason: 'no figure for 2025-26-Q3',
      missingPeriods: ['2025-26-Q3'],
    });
  });

  it('carries what reports need from the dictionary', () => {
    const k = quarterly({ unit: 'days', unitLabel: 'working days', decimals: 2, polarity: 'lower', dataQuality: { confidence: 'amber', score: 3 } });
    expect(one(k, [])).toMatchObject({
      service: 'Housing',
      level: 'kpi',
      kind: 'measure',
      priority: 'homes',
      aim: 'good-homes',
      frequency: 'quarterly',
      unit: 'days',
      unitLabel: 'working days',
      decimals: 2,
      polarity: 'lower',
      cumulative: false,
      confidence: 'amber',
      confidenceScore: 3,
    });
  });

  it('rolls monthly figures up into the quarter', () => {
    const k = measure({ id: 'K-01', aggregation: 'sum', unit: 'number', decimals: 0, target: { type: 'single', value: 30 } });
    expect(one(k, monthly(k, '2025-10', [10, 10, 9.6]))).toMatchObject({ value: 30, status: 'green' });
  });
});

describe('computeStatus: trend', () => {
  it.each<[string, Partial<Measure>, Record<string, number | null>, string, string | null, string | null, string | null]>([
    ['against Q2 and last Q3', {}, { '2024-25-Q3': 80, '2025-26-Q2': 95, '2025-26-Q3': 90 }, '2025-26-Q3', 'declining', 'improving', '2025-26-Q2'],
    [
      'unchanged at printed precision',
      {},
      { '2024-25-Q3': 90.04, '2025-26-Q2': 89.96, '2025-26-Q3': 90 },
      '2025-26-Q3',
      'unchanged',
      'unchanged',
      '2025-26-Q2',
    ],
    ['lower is better', { polarity: 'lower' }, { '2024-25-Q3': 80, '2025-26-Q2': 95, '2025-26-Q3': 90 }, '2025-26-Q3', 'improving', 'declining', '2025-26-Q2'],
    ['Q1 against last Q4', {}, { '2024-25-Q4': 80, '2025-26-Q1': 90 }, '2025-26-Q1', 'improving', null, '2024-25-Q4'],
    ['no earlier figures', {}, { '2025-26-Q3': 90 }, '2025-26-Q3', null, null, '2025-26-Q2'],
    ['no current figure', {}, { '2025-26-Q2': 90, '2024-25-Q3': 90 }, '2025-26-Q3', null, null, '2025-26-Q2'],
    ['no polarity', { polarity: 'neutral' }, { '2024-25-Q3': 80, '2025-26-Q2': 95, '2025-26-Q3': 90 }, '2025-26-Q3', null, null, '2025-26-Q2'],
    [
      'a half-yearly KPI at Q2 against its last H2',
      { frequency: 'biannual' },
      { '2024-25-H2': 80, '2024-25-H1': 95, '2025-26-H1': 90 },
      '2025-26-Q2',
      'improving',
      'declining',
      '2024-25-H2',
    ],
    ['an annual KPI at Q4 against last year', { frequency: 'annual' }, { '2024-25': 95, '2025-26': 90 }, '2025-26-Q4', 'declining', 'declining', '2024-25'],
  ])('%s', (_, over, figures, at, previous, lastYear, previousPeriod) => {
    const k = quarterly(over);
    const line = one(k, rowsOf(k, figures), [], period(at));
    expect(line.trend).toEqual({ previous, lastYear });
    expect(line.previousPeriod).toBe(previousPeriod);
  });

  it('gives the comparison figures as printed', () => {
    const k = quarterly();
    expect(one(k, rowsOf(k, { '2024-25-Q3': 80.04, '2025-26-Q2': 95.06, '2025-26-Q3': 90 }))).toMatchObject({
      previousValue: 95.1,
      lastYearPeriod: '2024-25-Q3',
      lastYearValue: 80,
    });
  });

  it('compares a running total with last year only', () => {
    const k = measure({ id: 'K-01', aggregation: 'sum', cumulative: true, unit: 'number', decimals: 0 });
    const rows = [...monthly(k, '2024-04', [1, 2, 3, 4, 5, 6, 7, 8, 9]), ...monthly(k, '2025-04', [2, 4, 6, 8, 10, 12, 14, 16, 18])];
    expect(one(k, rows)).toMatchObject({ value: 18, previousValue: 12, trend: { previous: null, lastYear: 'improving' } });
  });

  it('compares a cumulative ratio with the quarter before too', () => {
    const k = measure({ id: 'K-01', aggregation: 'ratio', cumulative: true });
    expect(one(k, monthly(k, '2025-09', [95, 94, 93, 92])).trend.previous).toBe('declining');
  });
});

describe('computeStatus: series and SPC', () => {
  const steady = [50, 52, 49, 51, 50, 48, 52, 50, 51, 49, 50, 51, 50, 52, 49, 51, 50, 48, 52, 50, 51];

  it('keeps the last 13 own-frequency points, gaps as null, figures as printed', () => {
    const k = measure({ id: 'K-01', aggregation: 'mean' });
    const rows = monthly(k, '2024-04', [...steady.slice(0, 18), 50.04, null, 51]);
    const line = one(k, rows);
    expect(line.series).toHaveLength(13);
    expect(line.series[0]).toEqual({ periodName: '2024-12', value: 51 });
    expect(line.series.slice(-3)).toEqual([
      { periodName: '2025-10', value: 50 },
      { periodName: '2025-11', value: null },
      { periodName: '2025-12', value: 51 },
    ]);
  });

  it('ignores figures after the period', () => {
    const k = measure({ id: 'K-01', aggregation: 'mean' });
    expect(one(k, monthly(k, '2025-10', [1, 2, 3, 4, 5])).series.map((p) => p.periodName)).toEqual(['2025-10', '2025-11', '2025-12']);
  });

  it('reads a steady series as common cause, and a target above its limits as a consistent fail', () => {
    const k = measure({ id: 'K-01', aggregation: 'mean', target: { type: 'single', value: 90 } });
    const line = one(k, monthly(k, '2024-04', steady));
    expect(line.spc).toMatchObject({ variation: 'common_cause', assurance: 'consistent_fail', flagged: [] });
    expect(line.spc!.lowerLimit).toBeLessThan(line.spc!.mean);
    expect(line.spc!.upperLimit).toBeLessThan(90);
  });

  it('flags a point beyond the upper limit as improvement for a higher-is-better KPI', () => {
    const k = measure({ id: 'K-01', aggregation: 'mean', target: { type: 'single', value: 50 } });
    const line = one(k, monthly(k, '2024-04', [...steady.slice(0, 20), 80]));
    expect(line.spc).toMatchObject({ variation: 'special_cause_improving', assurance: 'inconsistent' });
    expect(line.spc!.flagged.map((p) => p.periodName)).toEqual(['2025-12']);
  });

  it('judges assurance against the target of the latest point', () => {
    const k = measure({ id: 'K-01', aggregation: 'mean', target: { type: 'yearly', years: { '2024-25': 90, '2025-26': 10 } } });
    expect(one(k, monthly(k, '2024-04', steady)).spc!.assurance).toBe('consistent_pass');
  });

  it.each<[string, Partial<Measure>, Array<number | null>]>([
    ['fewer points than the minimum', {}, steady.slice(0, 11)],
    ['enough months but too many gaps', {}, [...steady.slice(0, 11), null, null]],
    ['a cumulative KPI', { cumulative: true }, steady],
  ])('no SPC for %s', (_, over, values) => {
    const k = measure({ id: 'K-01', aggregation: 'mean', ...over });
    expect(one(k, monthly(k, '2024-04', values)).spc).toBeNull();
  });

  it('uses the workspace settings', () => {
    const k = measure({ id: 'K-01', aggregation: 'mean' });
    const ws = workspace({
      kpis: [k],
      observations: monthly(k, '2025-07', [50, 51, 49, 50, 52, 50]),
      config: { spc: { minimumPoints: 6, shiftLength: 7, trendLength: 7, fixAfter: null, screenMovingRanges: true } },
    });
    expect(computeStatus(ws, q3).kpis[0]!.spc).not.toBeNull();
  });
});

describe('computeStatus: benchmark, exceptions, sign-off, commentary', () => {
  it('places the figure in its benchmark quartile', () => {
    const k = quarterly({ benchmarks: [{ year: '2024-25', group: 'Peers', upperQuartile: 98, median: 96, lowerQuartile: 94 }] });
    expect(one(k, rowsOf(k, { '2025-26-Q3': 95 })).benchmark).toEqual({ quartile: 3, year: '2024-25', group: 'Peers' });
  });

  it.each<[string, Array<'red' | 'amber'>, number, boolean]>([
    ['red needs one by default', ['red'], 80, true],
    ['amber does not by default', ['red'], 88, false],
    ['amber does when configured', ['red', 'amber'], 88, true],
    ['green never', ['red', 'amber'], 95, false],
  ])('exception: %s', (_, exceptionsFor, value, needed) => {
    const k = quarterly();
    const ws = workspace({
      kpis: [k],
      observations: rowsOf(k, { '2025-26-Q3': value }),
      config: { ragg: { band: 0.05, bandType: 'relative', exceptionsFor } },
    });
    expect(computeStatus(ws, q3).kpis[0]!.needsException).toBe(needed);
  });

  it.each<[string, Array<string | null>, boolean | null]>([
    ['every month reviewed', ['Reviewer', 'Reviewer', 'Manager'], true],
    ['one month not reviewed', ['Reviewer', null, 'Reviewer'], false],
    ['a blank reviewer is no reviewer', ['Reviewer', '  ', 'Reviewer'], false],
    ['no figure', ['Reviewer', 'Reviewer'], null],
  ])('signed off: %s', (_, reviewers, signedOff) => {
    const k = measure({ id: 'K-01', aggregation: 'mean' });
    const rows = reviewers.map((reviewedBy, i) => obs(k, `2025-${10 + i}`, 90, { reviewedBy }));
    expect(one(k, rows).signedOff).toBe(signedOff);
  });

  it('a cumulative KPI needs only the row its figure is read from signed off', () => {
    const k = measure({ id: 'K-01', aggregation: 'mean', cumulative: true });
    const rows = [obs(k, '2025-10', 90), obs(k, '2025-11', 90), obs(k, '2025-12', 90, { reviewedBy: 'Reviewer' })];
    expect(one(k, rows).signedOff).toBe(true);
  });

  it("attaches the period's commentary, and only that period's", () => {
    const k = quarterly();
    const commentary: CommentaryInput[] = [
      { period: '2025-26-Q3', kpis: { 'K-01': { overview: 'Staffing gaps', likelyOutturn: 88 } } },
      { period: '2025-26-Q2', kpis: { 'K-01': { overview: 'Old news' } } },
    ];
    expect(one(k, rowsOf(k, { '2025-26-Q3': 80 }), commentary).commentary).toEqual({ overview: 'Staffing gaps', likelyOutturn: 88 });
    expect(one(k, rowsOf(k, { '2025-26-Q3': 80 }), commentary.slice(1)).commentary).toBeNull();
  });
});

describe('computeStatus: projects and narratives', () => {
  it.each<[string, Parameters<typeof qualitative>[0], CommentaryInput[], Status, boolean | null]>([
    ['status from the commentary', {}, [{ period: '2025-26-Q3', kpis: { 'PRJ-01': { status: 'amber', narrative: 'Delayed' } } }], 'amber', true],
    ['red from the commentary', {}, [{ period: '2025-26-Q3', kpis: { 'PRJ-01': { status: 'red' } } }], 'red', false],
    ['no commentary: missing', {}, [], 'missing', null],
    ["last quarter's commentary does not count", {}, [{ period: '2025-26-Q2', kpis: { 'PRJ-01': { status: 'green' } } }], 'missing', null],
    ['an annual narrative at Q3: nothing due', { kind: 'narrative', frequency: 'annual' }, [], 'grey', true],
    [
      'an annual narrative at Q3 with a status given',
      { kind: 'narrative', frequency: 'annual' },
      [{ period: '2025-26-Q3', kpis: { 'PRJ-01': { status: 'green' } } }],
      'green',
      true,
    ],
  ])('%s', (_, over, commentary, status, onTarget) => {
    const p = qualitative(over);
    const line = computeStatus(workspace({ kpis: [p], commentary }), q3).kpis[0]!;
    expect(line).toMatchObject({
      status,
      onTarget,
      value: null,
      target: null,
      trend: { previous: null, lastYear: null },
      spc: null,
      series: [],
      signedOff: null,
    });
  });

  it('needs an exception when red', () => {
    const ws = workspace({ kpis: [qualitative()], commentary: [{ period: '2025-26-Q3', kpis: { 'PRJ-01': { status: 'red' } } }] });
    expect(computeStatus(ws, q3).kpis[0]!.needsException).toBe(true);
  });
});

describe('computeStatus: the list and the summary', () => {
  const statusOf: Record<Status, number | null> = { red: 50, amber: 88, green: 95, grey: 0, missing: null, na: null };
  function mixed(statuses: Status[]) {
    const kpis = statuses.map((s, i) =>
      quarterly({
        id: `K-${String(statuses.length - i).padStart(2, '0')}`,
        ...(s === 'grey' ? { level: 'tracker' as const } : {}),
        committee: i % 2 ? 'finance-osc' : 'housing-osc',
      }),
    );
    const rows = kpis.flatMap((k, i) => (statusOf[statuses[i]!] === null ? [] : rowsOf(k, { '2025-26-Q3': statusOf[statuses[i]!]! })));
    return workspace({ kpis, observations: rows });
  }

  it('orders by id and counts each colour, amber, grey and green as on target', () => {
    const r = computeStatus(mixed(['red', 'red', 'amber', 'green', 'green', 'green', 'grey', 'missing']), q3);
    expect(r.kpis.map((k) => k.id)).toEqual(['K-01', 'K-02', 'K-03', 'K-04', 'K-05', 'K-06', 'K-07', 'K-08']);
    expect(r.summary).toEqual({ red: 2, amber: 1, green: 3, grey: 1, missing: 1, na: 0, onTarget: 5, offTarget: 2 });
  });

  it('can be limited to one committee', () => {
    const r = computeStatus(mixed(['red', 'red', 'amber', 'green']), q3, { committee: 'finance-osc' });
    expect(r.kpis.map((k) => [k.id, k.status])).toEqual([
      ['K-01', 'green'],
      ['K-03', 'red'],
    ]);
    expect(r.summary).toMatchObject({ red: 1, green: 1, onTarget: 1, offTarget: 1 });
  });

  it('is empty for an unknown committee', () => {
    expect(computeStatus(mixed(['red']), q3, { committee: 'nobody' })).toEqual({
      period: '2025-26-Q3',
      kpis: [],
      summary: { red: 0, amber: 0, green: 0, grey: 0, missing: 0, na: 0, onTarget: 0, offTarget: 0 },
    });
  });

  it.each<[Status[], Partial<ReturnType<typeof summarise>>]>([
    [[], { onTarget: 0, offTarget: 0 }],
    [['missing', 'missing'], { missing: 2, onTarget: 0, offTarget: 0 }],
    [['grey', 'amber'], { onTarget: 2, offTarget: 0 }],
    [['red'], { red: 1, onTarget: 0, offTarget: 1 }],
  ])('summarise %j', (statuses, expected) => {
    expect(summarise(statuses.map((status) => ({ status })))).toMatchObject(expected);
  });
});

describe('compareStatuses: what changed since last quarter', () => {
  const report = (statuses: Record<string, Status>): StatusReport => {
    const kpis = Object.entries(statuses).map(([id, status]) => ({ id, name: `Name ${id}`, committee: 'housing-osc', status }));
    return { period: 'x', kpis: kpis as unknown as StatusReport['kpis'], summary: summarise(kpis) };
  };

  it.each<[string, Record<string, Status>, Record<string, Status>, string[], string[]]>([
    ['a KPI turning red', { A: 'amber' }, { A: 'red' }, ['A'], []],
    ['a KPI staying red is not new', { A: 'red' }, { A: 'red' }, [], []],
    ['a KPI not reported before, now red', {}, { A: 'red' }, ['A'], []],
    ['missing to red', { A: 'missing' }, { A: 'red' }, ['A'], []],
    ['red to amber recovers', { A: 'red' }, { A: 'amber' }, [], ['A']],
    ['red to green recovers', { A: 'red' }, { A: 'green' }, [], ['A']],
    ['red to grey recovers', { A: 'red' }, { A: 'grey' }, [], ['A']],
    ['red to missing has not recovered', { A: 'red' }, { A: 'missing' }, [], []],
    ['a red KPI since removed is neither', { A: 'red' }, {}, [], []],
    ['sorted by id', { C: 'red', B: 'green', A: 'red' }, { C: 'green', B: 'red', A: 'amber', D: 'red' }, ['B', 'D'], ['A', 'C']],
  ])('%s', (_, before, after, newReds, recoveries) => {
    const r = compareStatuses(report(before), report(after));
    expect(r.newReds.map((c) => c.id)).toEqual(newReds);
    expect(r.recoveries.map((c) => c.id)).toEqual(recoveries);
  });

  it('says where each came from and went to', () => {
    const r = compareStatuses(report({ A: 'amber', B: 'red' }), report({ A: 'red', B: 'green', C: 'red' }));
    expect(r.newReds).toEqual([
      { id: 'A', name: 'Name A', committee: 'housing-osc', from: 'amber', to: 'red' },
      { id: 'C', name: 'Name C', committee: 'housing-osc', from: null, to: 'red' },
    ]);
    expect(r.recoveries).toEqual([{ id: 'B', name: 'Name B', committee: 'housing-osc', from: 'red', to: 'green' }]);
  });
});
