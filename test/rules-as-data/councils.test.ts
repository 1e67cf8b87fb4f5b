import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/core/status.js';
import { computeDue } from '../../src/core/due.js';
import { computeImprovement } from '../../src/core/improvement.js';
import { describeRule, ruleFor } from '../../src/core/rule.js';
import type { Status } from '../../src/core/ragg.js';
import type { Measure } from '../../src/model/kpi.js';
import { period } from '../core/fixtures.js';
import { councilWorkspace, type KpiText } from './council.js';

/** A published row: the KPI's unit and polarity, its target, the actual, and the council's own RAG. */
type Row = [id: string, polarity: 'higher' | 'lower', target: number, actual: number, published: Status];

function statusesOf(ragg: string, rows: Row[], extra: (r: Row) => string = () => '') {
  const kpis: KpiText[] = rows.map((r) => ({ id: r[0], polarity: r[1], target: `  type: single\n  value: ${r[2]}`, extra: extra(r) }));
  const { workspace, diagnostics } = councilWorkspace(
    ragg,
    kpis,
    rows.map((r) => `${r[0]},2025-26-Q3,${r[3]},,,Reviewer,`),
  );
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { workspace, report: computeStatus(workspace, period('2025-26-Q3')) };
}

describe('Bracknell Forest: green on, above or within 5% of target; amber 5-10% short; red more than 10% short', () => {
  const ragg = `ragg:
  rule:
    measure: relative
    bands:
      - status: green   # on, above or within 5% of target
        upTo: 0.05
      - status: amber   # 5-10% short
        upTo: 0.10
      - status: red     # more than 10% short
`;
  const rows: Row[] = [
    ['BF-01', 'higher', 90, 95, 'green'],
    ['BF-02', 'higher', 90, 90, 'green'],
    ['BF-03', 'higher', 90, 86, 'green'],
    ['BF-04', 'higher', 90, 85.5, 'green'],
    ['BF-05', 'higher', 90, 85.49, 'amber'],
    ['BF-06', 'higher', 90, 81, 'amber'],
    ['BF-07', 'higher', 90, 80.99, 'red'],
    ['BF-08', 'higher', 90, 50, 'red'],
    ['BF-09', 'lower', 10, 9, 'green'],
    ['BF-10', 'lower', 10, 10.5, 'green'],
    ['BF-11', 'lower', 10, 10.51, 'amber'],
    ['BF-12', 'lower', 10, 11, 'amber'],
    ['BF-13', 'lower', 10, 11.01, 'red'],
  ];
  const { workspace, report } = statusesOf(ragg, rows);

  it("gives the council's published status on every row, without moving a target", () => {
    expect(report.kpis.map((k) => [k.id, k.target, k.status])).toEqual(rows.map((r) => [r[0], r[2], r[4]]));
  });

  it('states the rule in words for the key', () => {
    expect(describeRule(ruleFor(workspace.kpis[0] as Measure, workspace.config.ragg))).toBe(
      'Green: on target, better, or up to 5% worse; Amber: more than 5% and up to 10% worse; Red: more than 10% worse',
    );
  });

  it('explains each status by its band', () => {
    expect(report.kpis.find((k) => k.id === 'BF-03')!.explanation).toBe(
      '86.00% is 4.4% worse than the 90.00% target: in the green band (on target, better, or up to 5% worse)',
    );
    expect(report.kpis.find((k) => k.id === 'BF-06')!.explanation).toBe(
      '81.00% is 10.0% worse than the 90.00% target: in the amber band (more than 5% and up to 10% worse)',
    );
    expect(report.kpis.find((k) => k.id === 'BF-07')!.explanation).toBe('80.99% is 10.0% worse than the 90.00% target: in the red band (more than 10% worse)');
  });
});

describe('Cheshire West and Chester: a target and a tolerance per KPI (3.00% ±0.25 points)', () => {
  const rows: Row[] = [
    ['CW-01', 'lower', 3, 2.9, 'green'],
    ['CW-02', 'lower', 3, 3, 'green'],
    ['CW-03', 'lower', 3, 3.25, 'amber'],
    ['CW-04', 'lower', 3, 3.26, 'red'],
    ['CW-05', 'higher', 3, 2.75, 'amber'],
    ['CW-06', 'higher', 3, 2.74, 'red'],
  ];
  const { workspace, report } = statusesOf('', rows, () => 'ragg:\n  tolerance: 0.25');

  it("gives the council's published status on every row", () => {
    expect(report.kpis.map((k) => [k.id, k.status])).toEqual(rows.map((r) => [r[0], r[4]]));
  });

  it('states the tolerance in percentage points, not as a share of the target', () => {
    const kpi = workspace.kpis[0] as Measure;
    expect(describeRule(ruleFor(kpi, workspace.config.ragg), kpi)).toBe(
      'Green: on target or better; Amber: up to 0.25 percentage points worse; Red: more than 0.25 percentage points worse',
    );
    expect(report.kpis.find((k) => k.id === 'CW-04')!.explanation).toBe(
      '3.26% is 0.26 percentage points worse than the 3.00% target: beyond the amber band of 0.25 percentage points',
    );
  });
});

describe('Camms: up to five named thresholds', () => {
  const ragg = `ragg:
  rule:
    bands:
      - { name: Exceeding, status: green, upTo: -0.1 }
      - { name: On target, status: green, upTo: 0 }
      - { name: Slightly off, status: amber, upTo: 0.05 }
      - { name: Off target, status: red, upTo: 0.15 }
      - { name: Well off target, status: red }
`;
  const rows: Row[] = [
    ['CA-01', 'higher', 80, 88, 'green'],
    ['CA-02', 'higher', 80, 87.99, 'green'],
    ['CA-03', 'higher', 80, 80, 'green'],
    ['CA-04', 'higher', 80, 76, 'amber'],
    ['CA-05', 'higher', 80, 75.99, 'red'],
    ['CA-06', 'higher', 80, 60, 'red'],
  ];
  const { workspace, report } = statusesOf(ragg, rows);

  it('gives each figure the colour of its band and names the band', () => {
    expect(report.kpis.map((k) => [k.id, k.status])).toEqual(rows.map((r) => [r[0], r[4]]));
    expect(report.kpis[0]!.explanation).toBe('88.00% is 10.0% better than the 80.00% target: in the Exceeding band (at least 10% better than target)');
    expect(report.kpis[5]!.explanation).toBe('60.00% is 25.0% worse than the 80.00% target: in the Well off target band (more than 15% worse)');
  });

  it('states all five bands in words', () => {
    expect(describeRule(ruleFor(workspace.kpis[0] as Measure, workspace.config.ragg))).toBe(
      'Exceeding (Green): at least 10% better than target; On target (Green): on target or less than 10% better; Slightly off (Amber): up to 5% worse; Off target (Red): more than 5% and up to 15% worse; Well off target (Red): more than 15% worse',
    );
  });
});

describe('the seed default, written as prf.yaml has always written it', () => {
  const rows: Row[] = [
    ['SD-01', 'higher', 95, 95, 'green'],
    ['SD-02', 'higher', 95, 90.25, 'amber'],
    ['SD-03', 'higher', 95, 90.24, 'red'],
  ];
  const { workspace, report } = statusesOf('ragg:\n  band: 0.05\n  bandType: relative', rows);
  it('keeps its meaning and its words', () => {
    expect(report.kpis.map((k) => [k.id, k.status])).toEqual(rows.map((r) => [r[0], r[4]]));
    expect(describeRule(ruleFor(workspace.kpis[0] as Measure, workspace.config.ragg))).toBe(
      'Green: on target or better; Amber: up to 5% worse; Red: more than 5% worse',
    );
  });
});

describe('Hart DC: a profile giving two quarters, one of them information only', () => {
  const kpi: KpiText = {
    id: 'HA-01',
    target: `  type: profiled
  profile:
    Q1: { informationOnly: first quarter of a new measure }
    Q2: 50
    Q4: 100
  others: none`,
  };
  const { workspace, diagnostics } = councilWorkspace('', [kpi], ['HA-01,2025-26-Q1,40,,,R,', 'HA-01,2025-26-Q2,49,,,R,', 'HA-01,2025-26-Q3,70,,,R,']);
  const at = (p: string) => computeStatus(workspace, period(p)).kpis[0]!;

  it('is valid with only the quarters the council publishes', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['2025-26-Q1', 'grey', 'informationOnly', 'information only for Q1: first quarter of a new measure'],
    ['2025-26-Q2', 'amber', 'set', null],
    ['2025-26-Q3', 'grey', 'noTarget', 'the profile sets no target for Q3'],
  ])('%s is %s (%s)', (p, status, kind, reason) => {
    const k = at(p);
    expect([k.status, k.targetKind, k.targetReason]).toEqual([status, kind, reason]);
  });
});

describe('a Tenant Satisfaction Measure that does not apply: no lifts, so no lift checks', () => {
  const kpis: KpiText[] = [
    { id: 'BS-04', aggregation: 'last', target: '  type: single\n  value: 100' },
    { id: 'BS-05', aggregation: 'last', target: '  type: single\n  value: 100', extra: 'notApplicable:\n  "2025-26": the landlord has no lifts' },
    { id: 'BS-01', aggregation: 'last', target: '  type: single\n  value: 100' },
  ];
  const { workspace, diagnostics } = councilWorkspace('', kpis, [
    'BS-04,2024-25-Q3,100,,,R,',
    'BS-04,2025-26-Q3,[Z],,,,no communal lifts in the stock',
    'BS-01,2024-25-Q3,98,,,R,',
    'BS-01,2025-26-Q3,99,,,R,',
  ]);
  const report = computeStatus(workspace, period('2025-26-Q3'));

  it('reads [Z] with its note, and a whole year in the dictionary, as N/A with the reason', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.kpis.map((k) => [k.id, k.status, k.onTarget, k.explanation])).toEqual([
      ['BS-01', 'green', true, '99.00% is 1.0% worse than the 100.00% target: within the amber band of 5%'].map((x, i) => (i === 1 ? 'amber' : x)),
      ['BS-04', 'na', null, 'not applicable: no communal lifts in the stock'],
      ['BS-05', 'na', null, 'not applicable: 2025-26: the landlord has no lifts'],
    ]);
  });

  it('counts N/A apart: not missing, neither on nor off target', () => {
    expect(report.summary).toEqual({ red: 0, amber: 1, green: 0, grey: 0, missing: 0, na: 2, onTarget: 1, offTarget: 0 });
  });

  it('never holds the paper up', () => {
    const due = computeDue(workspace, period('2025-26-Q3'), '2026-03-01', () => false);
    expect(due.kpis.filter((k) => k.id !== 'BS-01').map((k) => [k.id, k.state, k.problems])).toEqual([
      ['BS-04', 'complete', []],
      ['BS-05', 'complete', []],
    ]);
  });

  it('is left out of the 70% denominator and counted apart', () => {
    const r = computeImprovement(workspace, 2025, period('2025-26-Q3'));
    expect(r.kpis.map((k) => [k.id, k.outcome, k.notApplicable])).toEqual([
      ['BS-01', 'improved', false],
      ['BS-04', 'notComparable', true],
      ['BS-05', 'notComparable', true],
    ]);
    expect([r.improved, r.notComparable, r.notApplicable, r.share]).toEqual([1, 2, 2, 1]);
  });
});
