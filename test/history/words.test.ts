import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/git/log.js';
import { checkRevisionText } from '../../src/git/repo.js';
import { targetChanges } from '../../src/core/kpi-changes.js';
import { kpiEditWords } from '../../src/core/kpi-history.js';
import { outturnChanges, periodWords } from '../../src/core/outturn-changes.js';
import { matchRenames } from '../../src/core/semantic-diff.js';
import type { Kpi, Target } from '../../src/model/kpi.js';
import type { Observation } from '../../src/model/workspace.js';

describe('target changes in words', () => {
  it.each<[string, Target, Target, string[]]>([
    ['single', { type: 'single', value: 95 }, { type: 'single', value: 97 }, ['target: 95% -> 97%']],
    [
      'one year of several',
      { type: 'yearly', years: { '2024-25': 90, '2025-26': 95 } },
      { type: 'yearly', years: { '2024-25': 90, '2025-26': 97 } },
      ['target 2025-26: 95% -> 97%'],
    ],
    ['a year added', { type: 'yearly', years: { '2025-26': 95 } }, { type: 'yearly', years: { '2025-26': 95, '2026-27': 98 } }, ['target 2026-27 set: 98%']],
    [
      'a profiled quarter',
      { type: 'profiled', profile: { Q1: 2.86, Q2: 2.88, Q3: 2.89, Q4: 3.2 } },
      { type: 'profiled', profile: { Q1: 2.86, Q2: 2.88, Q3: 2.95, Q4: 3.2 } },
      ['target Q3: 2.89% -> 2.95%'],
    ],
    ['set at last', { type: 'toBeSet', reason: 'Full Council in February' }, { type: 'single', value: 97 }, ['target: to be set -> 97%']],
    ['unchanged', { type: 'single', value: 95 }, { type: 'single', value: 95 }, []],
    [
      'a quarter made information only, with its reason',
      { type: 'profiled', profile: { Q1: 2.86, Q2: 2.88, Q3: 2.89, Q4: 3.2 } },
      { type: 'profiled', profile: { Q1: { informationOnly: 'new measure' }, Q2: 2.88, Q3: 2.89, Q4: 3.2 } },
      ['target Q1 changed'],
    ],
    [
      'a reason changed',
      { type: 'profiled', profile: { Q1: { noTarget: 'set after review' }, Q2: 3 }, others: 'none' },
      { type: 'profiled', profile: { Q1: { noTarget: 'set by Cabinet' }, Q2: 3 }, others: 'none' },
      ['target Q1 noTarget: set after review -> set by Cabinet'],
    ],
    ['a linear profile added', { type: 'single', value: 23 }, { type: 'single', value: 23, profile: 'linear' }, ['target set: linear']],
  ])('%s', (_name, before, after, words) => {
    expect(targetChanges(before, after, 'percentage').map((c) => c.words)).toEqual(words);
  });
});

const obs = (kpi: string, periodName: string, value: number | null, reviewedBy: string | null = 'R'): Observation => ({
  kpi,
  period: { kind: 'quarter', fy: 2025, quarter: 2 },
  periodName,
  value,
  numerator: null,
  denominator: null,
  reviewedBy,
  note: null,
  origin: { file: 'x.csv', line: 2 },
});

describe('outturn changes in words', () => {
  it.each<[string, Observation[], Observation[], string[]]>([
    ['restated', [obs('A', '2025-26-Q2', 91.2)], [obs('A', '2025-26-Q2', 90.8)], ['2025-26 Q2 outturn restated 91.2% -> 90.8%']],
    ['added', [], [obs('A', '2025-26-Q2', 91.2)], ['2025-26 Q2 outturn added: 91.2%']],
    ['removed', [obs('A', '2025-26-Q2', 91.2)], [], ['2025-26 Q2 outturn removed (was 91.2%)']],
    ['n/a filled in', [obs('A', '2025-26-Q2', null)], [obs('A', '2025-26-Q2', 91.2)], ['2025-26 Q2 outturn restated n/a -> 91.2%']],
    ['signed off', [obs('A', '2025-26-Q2', 91.2, null)], [obs('A', '2025-26-Q2', 91.2, 'Jo')], ['2025-26 Q2 signed off by Jo']],
    ['unchanged', [obs('A', '2025-26-Q2', 91.2)], [obs('A', '2025-26-Q2', 91.2)], []],
  ])('%s', (_name, before, after, words) => {
    expect(outturnChanges(before, after, () => 'percentage').map((c) => c.words)).toEqual(words);
  });

  it.each([
    ['2025-26-Q2', '2025-26 Q2'],
    ['2025-26-H1', '2025-26 H1'],
    ['2025-10', '2025-10'],
    ['2025-26', '2025-26'],
  ])('%s reads as %s', (name, words) => expect(periodWords(name)).toBe(words));
});

const kpi = (id: string, name: string, definition = 'd'): Kpi => ({ id, name, definition, changes: [] }) as unknown as Kpi;

describe('renames', () => {
  it('pairs a removed and an added KPI by name or definition, only when one fits', () => {
    expect([...matchRenames([kpi('AM-03', 'Gas safety')], [kpi('AM-04', 'Gas safety', 'other')])]).toEqual([['AM-03', 'AM-04']]);
    expect([...matchRenames([kpi('AM-03', 'Gas safety', 'x')], [kpi('AM-04', 'Other', 'x')])]).toEqual([['AM-03', 'AM-04']]);
    expect([...matchRenames([kpi('AM-03', 'Gas safety')], [kpi('AM-04', 'Gas safety'), kpi('AM-05', 'Gas safety')])]).toEqual([]);
    expect([...matchRenames([kpi('AM-03', 'Gas safety', 'x')], [kpi('AM-04', 'Other', 'y')])]).toEqual([]);
  });

  it('says "renamed from" when the id changed, and "moved from" when only the file did', () => {
    const a = { kpi: kpi('AM-03', 'Gas'), file: 'kpis/AM-03.yaml', observations: [] };
    expect(kpiEditWords(a, { kpi: kpi('AM-04', 'Gas'), file: 'kpis/AM-04.yaml', observations: [] })).toEqual(['renamed from AM-03']);
    expect(kpiEditWords(a, { kpi: kpi('AM-03', 'Gas'), file: 'kpis/housing/AM-03.yaml', observations: [] })).toEqual(['moved from kpis/AM-03.yaml']);
    expect(kpiEditWords({ kpi: null, file: null, observations: [] }, a)).toEqual(['entry created (kpis/AM-03.yaml)']);
  });
});

describe('git plumbing', () => {
  it('parses git log -z --name-status records, renames included', () => {
    const out =
      '\x1eaaa\0ppp\x00100\x002026-01-02\0Jo Bloggs\0Rename\0\nR087\0kpis/A.yaml\0kpis/B.yaml\0M\0data/x.csv\0\x1ebbb\0\x0090\x002026-01-01\0Al\0First\0\nA\0kpis/A.yaml\0';
    expect(parseLog(out)).toEqual([
      {
        commit: 'aaa',
        parent: 'ppp',
        time: 100,
        date: '2026-01-02',
        author: 'Jo Bloggs',
        subject: 'Rename',
        files: [
          { status: 'R', from: 'kpis/A.yaml', to: 'kpis/B.yaml' },
          { status: 'M', from: 'data/x.csv', to: 'data/x.csv' },
        ],
      },
      {
        commit: 'bbb',
        parent: null,
        time: 90,
        date: '2026-01-01',
        author: 'Al',
        subject: 'First',
        files: [{ status: 'A', from: 'kpis/A.yaml', to: 'kpis/A.yaml' }],
      },
    ]);
  });

  it.each(['-p', '--output=/tmp/x', '', 'a\nb'])('refuses %j as a revision', (rev) => {
    expect(() => checkRevisionText(rev)).toThrow(/is not a revision/);
  });

  it.each(['HEAD~1', 'v2025-q3', 'main', 'a1b2c3d'])('accepts %s', (rev) => expect(() => checkRevisionText(rev)).not.toThrow());
});
