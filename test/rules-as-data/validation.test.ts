import { describe, expect, it } from 'vitest';
import { parseNumberCell } from '../../src/load/cells.js';
import { computeStatus } from '../../src/core/status.js';
import { computeImprovement } from '../../src/core/improvement.js';
import { slipDiagnostics } from '../../src/rules/slip-rules.js';
import { measure, obs, period, monthly } from '../core/fixtures.js';
import { councilWorkspace, type KpiText } from './council.js';

const single = (v: number) => `  type: single\n  value: ${v}`;
const codesOf = (ds: Array<{ code: string; severity: string; line: number }>) => ds.map((d) => [d.code, d.severity]);

describe('status rules in prf.yaml and in a KPI are checked', () => {
  it.each<[string, string, string, Array<[string, string]>]>([
    ['a valid rule', 'ragg:\n  rule:\n    bands:\n      - { status: green, upTo: 0 }\n      - { status: red }', '', []],
    [
      'bands out of order in prf.yaml',
      'ragg:\n  rule:\n    bands:\n      - { status: green, upTo: 0.1 }\n      - { status: amber, upTo: 0.05 }\n      - { status: red }',
      '',
      [['ragg-rule-order', 'error']],
    ],
    [
      'a last band with a limit',
      'ragg:\n  rule:\n    bands:\n      - { status: green, upTo: 0 }\n      - { status: red, upTo: 0.2 }',
      '',
      [['ragg-rule-coverage', 'error']],
    ],
    [
      'a rule beside the band it replaces',
      'ragg:\n  band: 0.1\n  rule:\n    bands:\n      - { status: green, upTo: 0 }\n      - { status: red }',
      '',
      [['ragg-rule-conflict', 'error']],
    ],
    [
      "a KPI's own rule with colours the wrong way round",
      '',
      'ragg:\n  rule:\n    bands:\n      - { status: red, upTo: 0 }\n      - { status: green }',
      [['ragg-rule-order', 'error']],
    ],
  ])('%s', (_, ragg, extra, expected) => {
    const { diagnostics } = councilWorkspace(ragg, [{ id: 'K-01', target: single(90), extra }], ['K-01,2025-26-Q3,90,,,R,']);
    expect(codesOf(diagnostics)).toEqual(expected);
  });

  it('names the line of the band at fault', () => {
    const ragg = 'ragg:\n  rule:\n    bands:\n      - { status: green, upTo: 0.1 }\n      - { status: amber, upTo: 0.05 }\n      - { status: red }';
    const { diagnostics } = councilWorkspace(ragg, [{ id: 'K-01', target: single(90) }], []);
    expect(diagnostics[0]).toMatchObject({ file: 'prf.yaml', line: 15, code: 'ragg-rule-order' });
    expect(diagnostics[0]!.message).toContain('list the bands best first');
  });
});

describe('a year-to-date total with one annual target', () => {
  const ytd = (target: string): KpiText => ({ id: 'HC-ID-01', unit: 'number', decimals: 1, aggregation: 'sum', cumulative: true, target });
  const rows = ['HC-ID-01,2025-26-Q1,5,,,R,', 'HC-ID-01,2025-26-Q2,11,,,R,'];

  it('is warned about, naming both fixes', () => {
    const { diagnostics } = councilWorkspace('', [ytd(single(23))], rows);
    expect(codesOf(diagnostics)).toEqual([['kpi-target-cumulative-annual', 'warning']]);
    expect(diagnostics[0]!.message).toContain('profile: linear');
    expect(diagnostics[0]!.message).toContain('type: profiled');
  });

  it('with profile: linear is checked at the share of the year: 11 against 11.5 at Q2 is amber, not red against 23', () => {
    const { workspace, diagnostics } = councilWorkspace('', [ytd(`${single(23)}\n  profile: linear`)], rows);
    expect(diagnostics).toEqual([]);
    const q2 = computeStatus(workspace, period('2025-26-Q2')).kpis[0]!;
    expect([q2.target, q2.status]).toEqual([11.5, 'amber']);
    const without = councilWorkspace('', [ytd(single(23))], rows).workspace;
    expect(computeStatus(without, period('2025-26-Q2')).kpis[0]!.status).toBe('red');
  });
});

describe('a declared range and best value', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['a range the right way round', 'range: { min: 0, max: 50 }\nbest: 0', []],
    ['a range upside down', 'range: { min: 50, max: 0 }', [['kpi-range-order', 'error']]],
    ['a best value outside the range', 'range: { min: 0, max: 50 }\nbest: 60', [['kpi-range-order', 'error']]],
  ])('%s', (_, extra, expected) => {
    const { diagnostics } = councilWorkspace('', [{ id: 'K-01', target: single(20), extra }], []);
    expect(codesOf(diagnostics)).toEqual(expected);
  });
});

describe('not applicable and unknown, as regulators and spreadsheets write them', () => {
  const options = { allowPercent: true, allowPound: false };
  it.each([
    ['not applicable', 'notApplicable'],
    ['Not Applicable', 'notApplicable'],
    ['[Z]', 'notApplicable'],
    ['[x]', 'notApplicable'],
    ['n/a', 'notAvailable'],
    ['N/A', 'notAvailable'],
    ['[U]', 'notAvailable'],
    ['[s]', 'notAvailable'],
    ['[E]', 'notAvailable'],
  ])('%s is %s', (cell, kind) => {
    expect(parseNumberCell(cell, options).kind).toBe(kind);
  });

  it('asks for the reason when a not-applicable row has no note, and refuses counts beside it', () => {
    const { workspace, diagnostics } = councilWorkspace(
      '',
      [
        { id: 'K-01', target: single(90) },
        { id: 'K-02', target: single(90) },
      ],
      ['K-01,2025-26-Q3,[z],,,,', 'K-02,2025-26-Q3,not applicable,3,4,,no lifts'],
    );
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['csv-na-reason', 'warning', 2],
      ['csv-value-invalid', 'error', 3],
    ]);
    expect(computeStatus(workspace, period('2025-26-Q3')).kpis[0]).toMatchObject({
      status: 'na',
      explanation: 'not applicable: 2025-26-Q3 is recorded as not applicable',
    });
  });

  it('keeps n/a as missing data, as workspaces have always meant it', () => {
    const { workspace } = councilWorkspace('', [{ id: 'K-01', target: single(90) }], ['K-01,2025-26-Q3,n/a,,,R,system outage']);
    expect(computeStatus(workspace, period('2025-26-Q3')).kpis[0]!.status).toBe('missing');
  });
});

describe('a ratio above 100%', () => {
  const kpi: KpiText = { id: 'CT-01', aggregation: 'ratio', frequency: 'annual', target: single(97) };
  it('is refused with advice about the ceiling, not about writing 96.4 for 0.964', () => {
    const { diagnostics } = councilWorkspace('', [kpi], ['CT-01,2025-26,101.14,,,R,']);
    expect(diagnostics.map((d) => d.code)).toEqual(['csv-value-range']);
    expect(diagnostics[0]!.message).toContain('range: { max: 110 }');
    expect(diagnostics[0]!.message).not.toContain('0.964');
  });
  it('is accepted once the KPI declares it can pass 100%', () => {
    const { diagnostics } = councilWorkspace('', [{ ...kpi, extra: 'range: { min: 0, max: 110 }' }], ['CT-01,2025-26,101.14,,,R,']);
    expect(diagnostics).toEqual([]);
  });
});

describe('typing slips', () => {
  const pct = measure({ id: 'P-01', unit: 'percentage', aggregation: 'mean', frequency: 'monthly' });
  const ranged = measure({ ...pct, range: { min: 0, max: 10 } });
  it.each<[string, Array<number | null>, string | null, string | null]>([
    ['0.039 typed for 3.9%', [4.1, 3.8, 4.0, 0.039], 'csv-value-fraction', 'was probably meant as 3.9%'],
    ['0.86 typed for 86%', [85, 84, 87, 0.86], 'csv-value-fraction', 'was probably meant as 86.0%'],
    ['a decimal point slipped: 39 for 3.9', [4.1, 3.8, 4.0, 39], 'csv-value-scale', 'The likely figure is 3.9'],
    ['outside the declared range', [4.1, 3.8, 4.0, 9, 11], 'csv-value-declared-range', 'outside the range P-01 declares (0 to 10)'],
    ['a series falling to zero is not a slip', [2.6, 1.9, 1.6, 1.2, 0.9, 0.6, 0.3, 0.1], null, null],
  ])('%s', (name, values, code, words) => {
    const kpi = name.includes('declared') ? ranged : pct;
    const rows = monthly(kpi, '2025-04', values);
    const found = slipDiagnostics(kpi, rows);
    expect(found.map((d) => [d.code, d.severity, d.line])).toEqual(code === null ? [] : [[code, 'warning', rows[rows.length - 1]!.origin.line]]);
    if (words !== null) {
      expect(found[0]!.message).toContain(words);
      expect(found[0]!.message).toContain('note column');
      expect(found[0]!.message).toContain(`P-01 ${rows[rows.length - 1]!.periodName}`);
    }
  });

  it('takes a note on the row as the figure explained', () => {
    const rows = [...monthly(pct, '2025-04', [4.1, 3.8, 4.0]), obs(pct, '2025-07', 0.039, { note: 'a real fall: the service closed' })];
    expect(slipDiagnostics(pct, rows)).toEqual([]);
  });

  it('judges only the rows an import brings, against the recorded history', () => {
    const history = monthly(pct, '2025-04', [4.1, 3.9, 4.0]);
    const incoming = obs(pct, '2025-07', 0.04);
    expect(slipDiagnostics(pct, [...history, incoming], (o) => o === incoming).map((d) => d.code)).toEqual(['csv-value-fraction']);
  });

  it('is a warning in validate, and an error with --strict', () => {
    const { diagnostics } = councilWorkspace(
      '',
      [{ id: 'P-01', frequency: 'quarterly', target: single(4) }],
      ['P-01,2024-25-Q2,4.1,,,R,', 'P-01,2024-25-Q3,3.8,,,R,', 'P-01,2024-25-Q4,4.0,,,R,', 'P-01,2025-26-Q1,0.039,,,R,'],
    );
    expect(codesOf(diagnostics)).toEqual([['csv-value-fraction', 'warning']]);
  });
});

describe('a KPI at its best possible value in both years', () => {
  const compliance = (counts: boolean) => {
    const k = measure({ id: 'C-01', frequency: 'quarterly', aggregation: 'last', target: { type: 'single', value: 100 } });
    const other = measure({ id: 'C-02', frequency: 'quarterly', aggregation: 'last', target: { type: 'single', value: 100 } });
    const kpis: KpiText[] = [k, other].map((m) => ({ id: m.id, aggregation: 'last', target: single(100), extra: m.id === 'C-02' ? 'best: 99' : '' }));
    const config = `improvement:\n  maintainedAtTargetCountsAsImproved: ${counts}`;
    return councilWorkspace(config, kpis, ['C-01,2024-25-Q3,100,,,R,', 'C-01,2025-26-Q3,100,,,R,', 'C-02,2024-25-Q3,99,,,R,', 'C-02,2025-26-Q3,99,,,R,'])
      .workspace;
  };

  it('counts as maintained, is never a risk, and says so', () => {
    const r = computeImprovement(compliance(false), 2025, period('2025-26-Q3'));
    expect(r.kpis.map((k) => [k.id, k.outcome, k.atBest])).toEqual([
      ['C-01', 'unchanged', true],
      ['C-02', 'unchanged', true],
    ]);
    expect(r.atRisk).toEqual([]);
    expect(r.kpis[0]!.reason).toBe('at its best possible value (100.00%) in both years, so it cannot improve: maintained, not a risk to the threshold');
  });

  it('counts as improved when maintained counts as improved', () => {
    const r = computeImprovement(compliance(true), 2025, period('2025-26-Q3'));
    expect(r.kpis.map((k) => [k.id, k.outcome])).toEqual([
      ['C-01', 'improved'],
      ['C-02', 'improved'],
    ]);
    expect(r.kpis[1]!.reason).toContain('which counts as improved');
  });
});
