import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quartiles } from '../../src/core/quartiles.js';
import { readTsmRelease, figureKey, type SheetGrid, type CellValue } from '../../src/core/tsm-workbook.js';
import { groupQuartiles, ownFigure, peerMembers, benchmarkOf } from '../../src/core/tsm-benchmarks.js';
import { withBenchmarks } from '../../src/formats/kpi-benchmarks-yaml.js';
import { measureOfRegulatorCode, TSM_MEASURES } from '../../src/model/tsm-measures.js';
import { readTsmFile } from '../../src/load/tsm-file.js';
import type { Benchmark } from '../../src/model/kpi.js';
import { EXTRACTS } from './tsm-helpers.js';

describe('quartiles', () => {
  // Excel's own examples: QUARTILE.INC({1,2,4,7,8,9,10,12}, 1) = 3.5; QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49}, 1) = 15, (..., 3) = 43.
  it.each([
    ['QUARTILE.INC', [7, 12, 1, 2, 4, 8, 9, 10], { lower: 3.5, median: 7.5, upper: 9.25 }],
    ['QUARTILE.EXC', [6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49], { lower: 15, median: 40, upper: 43 }],
  ] as const)('%s matches Excel', (method, data, expected) => {
    expect(quartiles(data, method)).toEqual(expected);
  });
  it('needs a figure for INC and three for EXC', () => {
    expect(quartiles([], 'QUARTILE.INC')).toBeNull();
    expect(quartiles([5], 'QUARTILE.INC')).toEqual({ lower: 5, median: 5, upper: 5 });
    expect(quartiles([1, 2], 'QUARTILE.EXC')).toBeNull();
  });
});

describe('measureOfRegulatorCode', () => {
  it.each([
    ['TP01', 'TP01'],
    ['TSM TP01', 'TP01'],
    ['CH01 (part 1)', 'CH01-1'],
    ['RP02 part 2', 'RP02-2'],
    ['CH01', null],
    [undefined, null],
    ['BV 12', null],
  ])('%s is %s', (code, key) => {
    expect(measureOfRegulatorCode(code)?.key ?? null).toBe(key);
  });
  it('lists the 22 measures as 26 figures', () => {
    expect(TSM_MEASURES).toHaveLength(26);
    expect(new Set(TSM_MEASURES.map((m) => m.code)).size).toBe(22);
  });
});

/** A small workbook in the 2025 layout: notes above a heading row, footnote digits, codes. */
function grids(overrides: { miHeadings?: string[]; drop?: string } = {}): SheetGrid[] {
  const tp = TSM_MEASURES.filter((m) => m.reported === 'perception');
  const perceptionHead = (rentedToo: boolean) => [
    'Landlord name',
    'Landlord code',
    'Landlord type',
    ...tp
      .filter((m) => rentedToo || !m.rentedOnly)
      .map((m) => `Proportion of respondents who report that they are satisfied with it (${m.code})${m.code === 'TP09' ? '7' : ''}`),
    'Proportion of respondents who state that they have complained in the last 12 months (TP09 responses)7',
    'Number of respondents who report that they are very satisfied (TP01)',
  ];
  const mi = TSM_MEASURES.filter((m) => m.reported !== 'perception');
  const miHeadings = overrides.miHeadings ?? [
    'Landlord name',
    'Landlord code',
    'Landlord type',
    'Did you own dwelling units to which this TSM applies at year end? (BS05)5',
    ...mi.flatMap((m) => {
      const code = m.part === null ? m.code : `${m.code} ${m.part}`;
      return m.reported === 'tenure'
        ? (['LCRA', 'LCHO', 'Combined'] as const).map((t) => `${t} - Number of ${m.name} (${code})`)
        : [`Proportion of ${m.name} (${code})5`];
    }),
    'LCRA - Number of dwelling units owned of the relevant stock type at year end (CH01 1 Denominator)',
    'LCHO - Number of dwelling units owned of the relevant stock type at year end (CH01 1 Denominator)',
    'Number of dwelling units owned within properties with communal passenger lifts as at year end (BS05 Denominator)5',
  ];
  const row = (name: string, code: string, type: string, heads: string[], value: (h: string) => CellValue) =>
    heads.map((h, i) => (i === 0 ? name : i === 1 ? code : i === 2 ? type : value(h)));
  const miRows = [
    row('Small Council', 'A1', 'LARP', miHeadings, (h) =>
      /CH01 1 Denominator/.test(h)
        ? h.startsWith('LCRA')
          ? 4000
          : 0
        : /\(BS05\)5$/.test(h) && h.startsWith('Prop')
          ? 0
          : /BS05 Denominator/.test(h)
            ? 0
            : h.startsWith('Did')
              ? 'No'
              : 50,
    ),
    row('Big Council', 'B2', 'LA', miHeadings, (h) =>
      /CH01 1 Denominator/.test(h) ? 20000 : /\(RP01\)/.test(h) ? '[E]' : /BS05 Denominator/.test(h) ? 10 : 70,
    ),
    row('Housing Association', 'C3', 'PRP', miHeadings, (h) =>
      /CH01 1 Denominator/.test(h) ? 9000 : /\(BS02\)/.test(h) ? '[Z]' : /BS05 Denominator/.test(h) ? 10 : 90,
    ),
  ];
  const lcraHead = perceptionHead(true);
  const sheets: SheetGrid[] = [
    { name: 'Introduction', rows: [['Tenant Satisfaction Measures 2025 - Dataset']] },
    { name: 'TSM25_Management_Info', rows: [['TSM25 Management Info'], ['Notes:'], [], miHeadings, ...miRows] },
    {
      name: 'TSM25_LCRA_Perception',
      rows: [
        ['TSM25 LCRA Perception'],
        lcraHead,
        row('Small Council', 'A1', 'LA', lcraHead, (h) => (h.includes('(TP03)') ? '[S]' : 60)),
        row('Big Council', 'B2', 'LA', lcraHead, () => 65.5),
        row('Housing Association', 'C3', 'PRP', lcraHead, (h) => (h.includes('(TP10)') ? '[X]' : 80)),
      ],
    },
    { name: 'TSM25_LCHO_Perception', rows: [perceptionHead(false), row('Housing Association', 'C3', 'PRP', perceptionHead(false), () => 55)] },
  ];
  return sheets.filter((s) => s.name !== overrides.drop);
}

describe('reading a TSM workbook by sheet name and heading text', () => {
  it('finds the year, the landlords (LARP read as a council), home counts and figures', () => {
    const r = readTsmRelease(grids());
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.release.year).toBe('2024-25');
    expect(r.release.landlords.get('A1')).toMatchObject({ type: 'LA', typeLabel: 'LARP', homes: { LCRA: 4000, LCHO: 0 } });
    expect(r.release.figures.get(figureKey('TP01', 'LCRA', 'B2'))?.cell).toEqual({ kind: 'value', value: 65.5 });
    expect(r.release.figures.get(figureKey('TP03', 'LCRA', 'A1'))?.cell).toEqual({ kind: 'code', code: 'S' });
    expect(r.release.figures.get(figureKey('RP01', 'LCRA', 'B2'))?.cell).toEqual({ kind: 'code', code: 'E' });
    // A 0% whose denominator is 0 is no figure at all (the 2023-24 release prints such as 0%).
    expect(r.release.figures.get(figureKey('BS05', 'LCRA', 'A1'))?.cell).toMatchObject({ kind: 'code', code: 'U' });
    expect(r.release.figures.get(figureKey('TP01', 'LCHO', 'C3'))?.cell).toEqual({ kind: 'value', value: 55 });
  });

  it.each([
    [
      { drop: 'TSM25_Management_Info' },
      /no sheet named TSM<yy>_Management_Info \(sheets: Introduction, TSM25_Management_Info|no sheet named TSM<yy>_Management_Info/,
    ],
    [{ miHeadings: ['Landlord', 'Code'] }, /sheet TSM25_Management_Info: no heading row with "Landlord name" and "Landlord code"/],
    [
      { miHeadings: ['Landlord name', 'Landlord code', 'Landlord type', 'Something else (BS01)'] },
      /no column headed "Proportion of\.\.\." or "Number of\.\.\." ending "\(BS01\)"/,
    ],
  ])('refuses a layout it does not know, naming what it looked for (%#)', (overrides, message) => {
    const r = readTsmRelease(grids(overrides));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(message);
  });

  it('refuses two columns for one measure rather than guessing', () => {
    const sheets = grids();
    const lcra = sheets.find((s) => s.name === 'TSM25_LCRA_Perception')!;
    lcra.rows[1] = [...lcra.rows[1]!, 'Proportion of respondents who report that they are satisfied again (TP01)'];
    const r = readTsmRelease(sheets);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toMatch(/2 columns headed "Proportion of respondents who report\.\.\." ending "\(TP01\)"/);
  });
});

describe('peer groups, quartiles and own figures', () => {
  const r = readTsmRelease(grids());
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const release = r.release;
  const tp03 = TSM_MEASURES.find((m) => m.key === 'TP03')!;
  const rp01 = TSM_MEASURES.find((m) => m.key === 'RP01')!;
  it('selects by type, home count and codes', () => {
    const codes = (g: Parameters<typeof peerMembers>[1]) => peerMembers(release, g).map((l) => l.code);
    expect(codes({ id: 'a', name: 'A', tenure: 'LCRA', type: 'LA' })).toEqual(['A1', 'B2']);
    expect(codes({ id: 'a', name: 'A', tenure: 'LCRA', homes: { under: 15000 } })).toEqual(['A1', 'C3']);
    expect(codes({ id: 'a', name: 'A', tenure: 'LCRA', homes: { atLeast: 9000, under: 20001 } })).toEqual(['B2', 'C3']);
    expect(codes({ id: 'a', name: 'A', tenure: 'LCRA', codes: ['c3', 'B2'] })).toEqual(['B2', 'C3']);
  });
  it('leaves codes out and counts them', () => {
    const q = groupQuartiles(release, tp03, { id: 'all', name: 'All', tenure: 'LCRA' }, 'QUARTILE.INC');
    expect(q).toMatchObject({ members: 3, n: 2, excluded: { '[S]': 1 }, quartiles: { lower: 69.125, median: 72.75, upper: 76.375 } });
  });
  it('puts the best quarter first by polarity', () => {
    const q = groupQuartiles(release, rp01, { id: 'all', name: 'All', tenure: 'LCRA' }, 'QUARTILE.INC');
    const source = { release: 'R', file: 'f.xlsx', sha256: 'a'.repeat(64) };
    expect(benchmarkOf(q, '2024-25', { polarity: 'lower', decimals: 1 }, 'QUARTILE.INC', source)).toMatchObject({
      upperQuartile: 60,
      median: 70,
      lowerQuartile: 80,
      n: 2,
      excluded: { '[E]': 1 },
    });
    expect(benchmarkOf(q, '2024-25', { polarity: 'higher', decimals: 1 }, 'QUARTILE.INC', source)).toMatchObject({ upperQuartile: 80, lowerQuartile: 60 });
  });
  it('records [Z] and [X] as n/a naming the code, and leaves [S], [E] and [U] out', () => {
    const m = (key: string) => TSM_MEASURES.find((x) => x.key === key)!;
    expect(ownFigure(release, m('BS02'), 'C3', 'LCRA')).toMatchObject({
      value: null,
      imported: true,
      note: expect.stringMatching(/^n\/a: .*\[Z\] not required/),
    });
    expect(ownFigure(release, m('TP10'), 'C3', 'LCRA')).toMatchObject({ value: null, imported: true, note: expect.stringMatching(/\[X\] left blank/) });
    expect(ownFigure(release, m('TP03'), 'A1', 'LCRA')).toMatchObject({ imported: false, note: expect.stringMatching(/not imported: .*\[S\] suppressed/) });
    expect(ownFigure(release, m('RP01'), 'B2', 'LCRA')).toMatchObject({ imported: false, note: expect.stringMatching(/\[E\] excluded/) });
    expect(ownFigure(release, m('BS05'), 'A1', 'LCRA')).toMatchObject({ imported: false, note: expect.stringMatching(/\[U\] printed as 0/) });
    expect(ownFigure(release, m('TP02'), 'C3', 'LCHO')).toMatchObject({
      value: null,
      imported: true,
      note: expect.stringMatching(/does not ask shared owners/),
    });
    expect(ownFigure(release, m('TP01'), 'A1', 'LCHO')).toMatchObject({
      imported: false,
      note: expect.stringMatching(/no row for A1 on the LCHO perception sheet/),
    });
  });
});

describe('the committed extracts read as the full releases do', () => {
  it.each([
    [0, '2023-24', 'LARP'],
    [1, '2024-25', 'LA'],
  ])('extract %i is %s, councils labelled %s', async (i, year, label) => {
    const file = await readTsmFile(readFileSync(EXTRACTS[i]!));
    const r = readTsmRelease(file.sheets);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.release.year).toBe(year);
    expect(r.release.landlords.size).toBe(38);
    expect(r.release.landlords.get('26UC')).toMatchObject({ name: 'Dacorum Borough Council', type: 'LA', typeLabel: label });
    expect(file.sheetNames).toContain('Table_Coverage');
  });
});

describe('writing benchmarks into an entry', () => {
  const b = (year: string, group: string, median: number): Benchmark => ({
    year,
    group,
    upperQuartile: median + 5,
    median,
    lowerQuartile: median - 5,
    n: 10,
    method: 'QUARTILE.INC',
  });
  const entry = [
    '# yaml-language-server: $schema=../schemas/kpi.schema.json',
    'id: TSM-TP01 # the id',
    'definition: >-',
    '  A long folded definition that must keep',
    '  its line breaks exactly.',
    '# Benchmarks from two sources',
    'benchmarks:',
    '  # Housemark, bought in',
    '  - year: 2023-24',
    '    group: "Housemark: ALMOs"',
    '    upperQuartile: 77.0',
    '    median: 71.5',
    '    lowerQuartile: 65.0',
    '  - year: 2023-24',
    '    group: Councils',
    '    upperQuartile: 1',
    '    median: 1',
    '    lowerQuartile: 1',
    'changes: []',
    '',
  ].join('\n');
  it('replaces the same year and group in place, adds the rest, and changes nothing else', () => {
    const r = withBenchmarks(entry, [b('2023-24', 'Councils', 70), b('2024-25', 'Councils', 72)]);
    if (!r.ok) throw new Error(r.message);
    expect(r).toMatchObject({ changed: true, added: 1, replaced: 1 });
    const [before, after] = [entry.split('benchmarks:')[0]!, r.text.split('benchmarks:')[0]!];
    expect(after).toBe(before);
    expect(r.text).toContain('  # Housemark, bought in\n  - year: 2023-24\n    group: "Housemark: ALMOs"\n    upperQuartile: 77.0');
    expect(r.text.endsWith('changes: []\n')).toBe(true);
    expect(r.text.indexOf('median: 70')).toBeLessThan(r.text.indexOf('median: 72'));
    const again = withBenchmarks(r.text, [b('2023-24', 'Councils', 70), b('2024-25', 'Councils', 72)]);
    expect(again).toMatchObject({ ok: true, changed: false, text: r.text });
  });
  it('keeps CRLF line ends, turns an empty list into a block and inserts a missing one before changes', () => {
    const crlf = entry.replace(/\n/g, '\r\n');
    const r = withBenchmarks(crlf, [b('2024-25', 'Councils', 72)]);
    expect(r.ok && r.text.includes('\n') && !/[^\r]\n/.test(r.text)).toBe(true);
    const empty = withBenchmarks('id: X\nbenchmarks: []\nchanges: []\n', [b('2024-25', 'Councils', 72)]);
    expect(empty.ok && empty.text).toBe(
      'id: X\nbenchmarks:\n  - year: 2024-25\n    group: Councils\n    upperQuartile: 77\n    median: 72\n    lowerQuartile: 67\n    n: 10\n    method: QUARTILE.INC\nchanges: []\n',
    );
    const none = withBenchmarks('id: X\nchanges: []\n', [b('2024-25', 'Councils', 72)]);
    expect(none.ok && none.text.startsWith('id: X\nbenchmarks:\n  - year: 2024-25')).toBe(true);
    expect(none.ok && none.text.endsWith('\n\nchanges: []\n')).toBe(true);
  });
  it('refuses an entry whose benchmarks is not a list', () => {
    expect(withBenchmarks('id: X\nbenchmarks: 3\n', [b('2024-25', 'C', 1)])).toEqual({ ok: false, message: 'its benchmarks: is not a list' });
  });
});
