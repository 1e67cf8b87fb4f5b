import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../../src/formats/csv-records.js';
import { parseYaml, quickParseYaml } from '../../src/load/yaml-source.js';
import { REPO } from '../helpers/run.js';

function yamlFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['kpis', 'data/commentary', 'fixtures']) {
    for (const f of readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' })) {
      if (/\.ya?ml$/.test(f)) out.push(relative(REPO, join(REPO, dir, f)));
    }
  }
  return [...out, 'prf.yaml'].sort();
}

describe('the fast YAML path', () => {
  it.each(yamlFiles())('agrees with the position-tracking parser on %s', (file) => {
    let text: string;
    try {
      text = readFileSync(join(REPO, file), 'utf8');
    } catch {
      return; // a fixture that is deliberately unreadable (a link leading outside)
    }
    const quick = quickParseYaml(file, text);
    const careful = parseYaml(file, text);
    // The loader uses a fast result only when it is a mapping: then both must read the same value,
    // and the careful parser must accept the file too, or a syntax error would go unreported.
    const mapping = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (quick && mapping(quick.value)) {
      expect(careful.diagnostics).toEqual([]);
      expect(quick.value).toEqual(careful.source!.value);
    }
  });

  it.each([
    ['dates and yes/no stay text', 'a: 2024-01-01\nb: no\nc: yes\nd: on', { a: '2024-01-01', b: 'no', c: 'yes', d: 'on' }],
    ['numbers as YAML 1.2 core reads them', 'a: 0x1F\nb: 1e3\nc: .inf\nd: 012', { a: 31, b: 1000, c: Infinity, d: 12 }],
    ['nulls', 'a: ~\nb:\nc: null', { a: null, b: null, c: null }],
    ['a hash whose letters and digits look like an exponent', 'sha256: 4da40a38e47c7ce69cd5d3e06023f5c0', { sha256: '4da40a38e47c7ce69cd5d3e06023f5c0' }],
  ])('reads %s like the careful parser', (_name, text, value) => {
    expect(quickParseYaml('x.yaml', text)!.value).toEqual(value);
    expect(parseYaml('x.yaml', text).source!.value).toEqual(value);
  });

  it.each([
    ['an alias', 'a: &x [1]\nb: *x'],
    ['a tag', 'a: !!str 1'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a tab for indentation', 'a:\n\tb: 1'],
    ['a number that overflows', 'name: 1e400'],
    ['a negative decimal that overflows, in a list', 'a: [-1.5E+400]'],
    ['a YAML 1.1 binary number', 'name: 0b101'],
  ])('leaves %s to the careful parser', (_name, text) => {
    expect(quickParseYaml('x.yaml', text)).toBeNull();
  });
});

describe('the quote-free CSV path', () => {
  it.each([
    ['plain rows', 'kpi,period,value\nA,2025-10,1\nB,2025-11,2\n'],
    ['CRLF and a blank line', 'kpi,period,value\r\nA,2025-10,1\r\n\r\nB,2025-11,2\r\n'],
    ['no final newline', 'kpi,period,value\nA,2025-10,1'],
    ['a ragged row and spaces', 'kpi,period,value\nA, 2025-10 ,1,extra\nB\n'],
    ['trailing blank lines', 'kpi,period,value\nA,2025-10,1\n\n\n'],
    ['lines without commas between lines with them', 'kpi,period,value\nA\n\nB\nC,2025-10,1\nD\n,,\n'],
    ['a BOM and empty cells', '\uFEFFkpi,period,value\n,,\nA,,\n'],
  ])('reads %s as csv-parse does, line for line', (_name, text) => {
    const ours = parseRecords(text);
    const theirs = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    const meaningful = <T extends { record: string[] }>(rows: T[]) => rows.filter((r) => r.record.some((c) => c.trim() !== ''));
    expect(meaningful(ours).map((r) => [r.line, r.record])).toEqual(meaningful(theirs).map((r) => [r.info.lines, r.record]));
  });
});
