import { describe, expect, it } from 'vitest';
import { planCollection, collectorSlug } from '../../src/core/collect-plan.js';
import { columnLetters, sealOf, type FormMarker } from '../../src/formats/form-layout.js';
import { planImport, periodWithin } from '../../src/core/import-plan.js';
import { parseAim, parseIdName, parseMonth } from '../../src/core/init-answers.js';
import { folderForNew } from '../../src/core/kpi-folder.js';
import { mergeOutturnCsv, type RowCells } from '../../src/write/merge-outturns.js';
import type { Kpi } from '../../src/model/kpi.js';
import type { Observation, Workspace } from '../../src/model/workspace.js';
import { measure, period, workspace as coreWorkspace } from '../core/fixtures.js';

const row = (kpi: string, period: string, value: string): RowCells => ({ kpi, period, value });
const H = 'kpi,period,value,numerator,denominator,reviewed_by,note';

describe('mergeOutturnCsv', () => {
  it.each([
    ['a new file gets the header', null, [row('A-1', '2025-10', '1')], `${H}\nA-1,2025-10,1,,,,\n`],
    [
      'sorted rows stay sorted',
      `${H}\nA-1,2025-10,1,,,,\nB-1,2025-10,2,,,,\n`,
      [row('A-1', '2025-11', '3')],
      `${H}\nA-1,2025-10,1,,,,\nA-1,2025-11,3,,,,\nB-1,2025-10,2,,,,\n`,
    ],
    ['before the first row', `${H}\nB-1,2025-10,2,,,,\n`, [row('A-1', '2025-10', '1')], `${H}\nA-1,2025-10,1,,,,\nB-1,2025-10,2,,,,\n`],
    [
      'unsorted files are appended to',
      `${H}\nB-1,2025-10,2,,,,\nA-1,2025-10,1,,,,\n`,
      [row('A-1', '2025-11', '3')],
      `${H}\nB-1,2025-10,2,,,,\nA-1,2025-10,1,,,,\nA-1,2025-11,3,,,,\n`,
    ],
    ['BOM and CRLF kept', `\uFEFF${H}\r\nA-1,2025-10,1,,,,\r\n`, [row('A-1', '2025-11', '3')], `\uFEFF${H}\r\nA-1,2025-10,1,,,,\r\nA-1,2025-11,3,,,,\r\n`],
    ['no final newline stays so', `${H}\nA-1,2025-10,1,,,,`, [row('A-1', '2025-11', '3')], `${H}\nA-1,2025-10,1,,,,\nA-1,2025-11,3,,,,`],
    ['trailing blank lines stay last', `${H}\nA-1,2025-10,1,,,,\n\n\n`, [row('A-1', '2025-11', '3')], `${H}\nA-1,2025-10,1,,,,\nA-1,2025-11,3,,,,\n\n\n`],
    ["the file's column order", 'value,kpi,period\n1,A-1,2025-10\n', [row('A-1', '2025-11', '3')], 'value,kpi,period\n1,A-1,2025-10\n3,A-1,2025-11\n'],
    [
      'a quoted multi-line note is one row',
      `${H}\nA-1,2025-10,1,,,,"two\nlines"\nB-1,2025-10,2,,,,\n`,
      [row('A-2', '2025-10', '5')],
      `${H}\nA-1,2025-10,1,,,,"two\nlines"\nA-2,2025-10,5,,,,\nB-1,2025-10,2,,,,\n`,
    ],
    ['notes are quoted and formula-safe', null, [{ ...row('A-1', '2025-10', '1'), note: '=1+1, said "x"' }], `${H}\nA-1,2025-10,1,,,,"'=1+1, said ""x"""\n`],
  ])('%s', (_name, existing, additions, expected) => {
    expect(mergeOutturnCsv(existing, { additions, replacements: [] })).toEqual({ ok: true, text: expected });
  });

  it('replaces a multi-line record whole, leaving the others', () => {
    const text = `${H}\nA-1,2025-10,1,,,,"two\nlines"\nB-1,2025-10,2,,,,\n`;
    expect(mergeOutturnCsv(text, { additions: [], replacements: [{ line: 2, cells: { ...row('A-1', '2025-10', '9'), note: 'restated' } }] })).toEqual({
      ok: true,
      text: `${H}\nA-1,2025-10,9,,,,restated\nB-1,2025-10,2,,,,\n`,
    });
  });

  it('refuses to drop a figure the header has no column for', () => {
    expect(mergeOutturnCsv('kpi,period,value\n', { additions: [{ ...row('A-1', '2025-10', '1'), numerator: '1' }], replacements: [] })).toEqual({
      ok: false,
      message: `the header has no numerator column: add it to the header (${H})`,
    });
  });
});

function obs(kpi: string, name: string, value: number | null, line = 2, extra: Partial<Observation> = {}): Observation {
  return {
    kpi,
    period: period(name),
    periodName: name,
    value,
    numerator: null,
    denominator: null,
    reviewedBy: null,
    note: null,
    origin: { file: 'data/outturns/2025-26.csv', line },
    ...extra,
  };
}

describe('planImport', () => {
  it.each([
    ['new', [obs('A', '2025-10', 1)], [], null, { additions: 1, restatements: 0, unchanged: 0, codes: [] }],
    ['same figure again', [obs('A', '2025-10', 1)], [obs('A', '2025-10', 1)], null, { additions: 0, restatements: 0, unchanged: 1, codes: [] }],
    [
      'different figure',
      [obs('A', '2025-10', 2)],
      [obs('A', '2025-10', 1)],
      null,
      { additions: 0, restatements: 0, unchanged: 0, codes: ['import-figure-exists'] },
    ],
    [
      'a figure where n/a was recorded',
      [obs('A', '2025-10', 2)],
      [obs('A', '2025-10', null)],
      null,
      { additions: 0, restatements: 0, unchanged: 0, codes: ['import-figure-exists'] },
    ],
    [
      'restated',
      [obs('A', '2025-10', 2)],
      [obs('A', '2025-10', 1)],
      { reason: 'r', today: '2026-01-05' },
      { additions: 0, restatements: 1, unchanged: 0, codes: [] },
    ],
    [
      'twice in the import',
      [obs('A', '2025-10', 2), obs('A', '2025-10', 2, 3)],
      [],
      null,
      { additions: 1, restatements: 0, unchanged: 0, codes: ['csv-duplicate-row'] },
    ],
  ] as const)('%s', (_name, incoming, recorded, restate, expected) => {
    const plan = planImport(incoming, recorded, restate);
    expect({
      additions: plan.additions.length,
      restatements: plan.restatements.length,
      unchanged: plan.unchanged.length,
      codes: plan.diagnostics.map((d) => d.code),
    }).toEqual(expected);
  });

  it('writes the restatement note as the demo data does, keeping the new comment', () => {
    const plan = planImport([obs('A', '2025-10', 94.1, 2, { note: 'checked' })], [obs('A', '2025-10', 93.3)], {
      reason: 'late-closed jobs added',
      today: '2025-11-14',
    });
    expect(plan.restatements[0]!.note).toBe('restated 2025-11-14: was 93.3 (late-closed jobs added); checked');
  });

  it.each([
    ['2025-10', '2025-26-Q3', true],
    ['2025-09', '2025-26-Q3', false],
    ['2025-26-Q3', '2025-26', true],
    ['2025-26', '2025-26-Q3', false],
    ['2026-01', '2026-01', true],
  ])('%s is within %s: %s', (inner, outer, expected) => {
    expect(periodWithin(obs('A', inner, 1), outer, 4)).toBe(expected);
  });
});

describe('planCollection', () => {
  const ws = (kpis: Kpi[], observations: Observation[] = []): Workspace => coreWorkspace({ kpis, observations });
  const monthly = measure({
    id: 'M-1',
    frequency: 'monthly',
    roles: { owner: 'O', collector: 'Analyst', reviewer: 'R', headOfService: 'H', strategicLead: 'S' },
  });
  const annual = measure({ id: 'Y-1', frequency: 'annual', aggregation: 'last' });

  it.each([
    ['a month asks monthly KPIs for that month', '2025-10', [monthly, annual], [], ['M-1 2025-10']],
    ['a quarter asks each of its months', '2025-26-Q3', [monthly], [], ['M-1 2025-10', 'M-1 2025-11', 'M-1 2025-12']],
    [
      'a recorded figure is not asked again; an n/a is',
      '2025-26-Q3',
      [monthly],
      [obs('M-1', '2025-10', 5), obs('M-1', '2025-11', null)],
      ['M-1 2025-11', 'M-1 2025-12'],
    ],
    ['an annual KPI is not due at Q3', '2025-26-Q3', [annual], [], []],
    ['an annual KPI is due for its year', '2025-26', [annual], [], ['Y-1 2025-26']],
  ])('%s', (_name, p, kpis, observations, expected) => {
    const plan = planCollection(ws(kpis, observations), period(p), () => false);
    expect(plan.forms.flatMap((f) => f.rows.map((r) => `${r.kpi} ${r.period}`))).toEqual(expected);
  });

  it('shows the last figure, the target and a deadline skipping weekends', () => {
    const plan = planCollection(ws([monthly], [obs('M-1', '2025-09', 91.25)]), period('2025-10'), () => false);
    expect(plan.forms[0]).toMatchObject({ collector: 'Analyst', returnBy: plan.forms[0]!.rows[0]!.deadline });
    expect(plan.forms[0]!.rows[0]!.last).toMatch(/^91\.\d+% \(2025-09\)$/);
  });

  it("a quarter's form is due by the quarter's deadline, not its first month's", () => {
    const plan = planCollection(ws([monthly], []), period('2025-26-Q3'), () => false);
    const december = plan.forms[0]!.rows.find((r) => r.period === '2025-12')!.deadline;
    expect(plan.forms[0]!.returnBy).toBe(december);
    expect(plan.forms[0]!.rows.find((r) => r.period === '2025-10')!.deadline < december).toBe(true);
  });

  it.each([
    ['Repairs Analyst', 'repairs-analyst'],
    ['  Data & Insight / Officer ', 'data-insight-officer'],
    ['Café Officer', 'cafe-officer'],
  ])('the form of %s is named %s', (role, slug) => {
    expect(collectorSlug(role)).toBe(slug);
  });
});

describe('the form seal', () => {
  const marker: FormMarker = {
    version: 1,
    period: '2025-10',
    collector: 'A',
    dictionaryCommit: null,
    rows: [{ row: 6, kpi: 'A-1', period: '2025-10', ratio: false, entry: 'x' }],
  };
  it('does not depend on the order cells are read, and changes with any cell or the marker', () => {
    const cells: Array<[string, string]> = [
      ['A6', 'A-1'],
      ['B6', 'name'],
      ['AA1', 'wide'],
    ];
    const seal = sealOf(cells, marker);
    expect(sealOf([...cells].reverse(), marker)).toBe(seal);
    expect(
      sealOf(
        [
          ['A6', 'A-2'],
          ['B6', 'name'],
          ['AA1', 'wide'],
        ],
        marker,
      ),
    ).not.toBe(seal);
    expect(sealOf(cells, { ...marker, period: '2025-11' })).not.toBe(seal);
  });

  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [703, 'AAA'],
  ])('column %i is %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
  });
});

describe('init answers and the folder of a new KPI', () => {
  it.each([
    ['4', 4],
    ['April', 4],
    ['jan', 1],
    ['12', 12],
  ])('month %s is %i', (text, month) => {
    expect(parseMonth(text)).toEqual({ ok: true, value: month });
  });

  it.each(['0', '13', 'Ap', 'Aprilx1', ''])('month %j is refused', (text) => {
    expect(parseMonth(text).ok).toBe(false);
  });

  it('reads id=Name and priority/aim=Name', () => {
    expect(parseIdName(' housing-osc = Housing OSC ')).toEqual({ ok: true, value: { id: 'housing-osc', name: 'Housing OSC' } });
    expect(parseIdName('housing-osc').ok).toBe(false);
    expect(parseAim('homes/repairs=Repair homes')).toEqual({ ok: true, value: { priority: 'homes', id: 'repairs', name: 'Repair homes' } });
    expect(parseAim('repairs=Repair homes').ok).toBe(false);
  });

  const kpis = [
    { id: 'H-1', committee: 'housing', file: 'kpis/housing/repairs/H-1.yaml' },
    { id: 'H-2', committee: 'housing', file: 'kpis/housing/voids/H-2.yaml' },
    { id: 'F-1', committee: 'finance', file: 'kpis/finance/F-1.yaml' },
    { id: 'X-1', committee: 'mixed', file: 'kpis/a/X-1.yaml' },
    { id: 'X-2', committee: 'mixed', file: 'kpis/b/X-2.yaml' },
  ];
  it.each([
    [{ from: 'H-2' }, 'kpis/housing/voids'],
    [{ committee: 'housing' }, 'kpis/housing'],
    [{ committee: 'finance' }, 'kpis/finance'],
    [{ committee: 'mixed' }, 'kpis'],
    [{ committee: 'new-one' }, 'kpis'],
    [{}, 'kpis'],
  ])('%j goes in %s', (options, folder) => {
    expect(folderForNew(kpis, options, 'kpis')).toBe(folder);
  });
});
