import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/model/periods.js';
import { computeStatus } from '../../src/core/status.js';
import { RULES } from '../../src/diagnostics/codes.js';
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import type { WorkspaceSources } from '../../src/load/sources.js';
import { readWorkspaceSources } from '../../src/load/read-sources.js';
import { BASE_FILES, COMMENTARY, CONFIG, MEASURE, OUTTURNS, PROJECT } from '../helpers/base-workspace.js';
import { workspaceFiles, workspaceSources } from '../helpers/rule-tester.js';
import { bytesOf, sourceInMemory } from '../../src/load/decode.js';
import { REPO } from '../helpers/run.js';

const enc = (s: string) => new TextEncoder().encode(s);

const FILES = {
  config: CONFIG,
  kpi: MEASURE,
  project: PROJECT,
  csv: OUTTURNS,
  commentary: COMMENTARY,
} as const;

function sources(texts: Record<keyof typeof FILES, string>): WorkspaceSources {
  return workspaceSources(workspaceFiles(Object.fromEntries(Object.entries(FILES).map(([k, path]) => [path, texts[k as keyof typeof FILES]]))));
}

// Characters that break YAML and CSV in interesting ways, and some that are merely unusual.
const HOSTILE = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\t',
  '\n',
  '\r\n',
  ',',
  '&a',
  '*a',
  '!',
  '#',
  '%',
  '|',
  '>',
  '\u0000',
  '\uFEFF',
  'é',
  '😀',
  '1e400',
  'n/a',
  '=SUM(A1)',
  '__proto__',
  ' ',
  '  ',
];

/** One edit: delete a slice, insert hostile text, or duplicate a line. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

type Edit = { kind: 'delete'; at: number; length: number } | { kind: 'insert'; at: number; text: string } | { kind: 'duplicateLine'; at: number };

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    default: {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
  }
}

const mutation = fc.record({
  file: fc.constantFrom(...(Object.keys(FILES) as Array<keyof typeof FILES>)),
  edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
});

describe('random mutations of valid files', () => {
  const original = Object.fromEntries(Object.entries(FILES).map(([k, p]) => [k, BASE_FILES[p]!])) as Record<keyof typeof FILES, string>;

  it('never throw, and every problem is a well-formed diagnostic', () => {
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        const texts = { ...original, [file]: edits.reduce(apply, original[file]) };
        const { diagnostics } = loadWorkspace(sources(texts));
        for (const d of diagnostics) {
          expect(Object.values(FILES)).toContain(d.file);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.code in RULES).toBe(true);
          expect(d.message.length).toBeGreaterThan(10);
          // A message is written for an officer: no stack frames, no "[object Object]".
          expect(d.message).not.toMatch(/\n\s+at |\[object Object\]|undefined/);
        }
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('give the same diagnostics whatever the order the files are listed in', () => {
    fc.assert(
      fc.property(mutation, ({ file, edits }) => {
        const texts = { ...original, [file]: edits.reduce(apply, original[file]) };
        const forward = sources(texts);
        const backward = { ...forward, kpis: [...forward.kpis].reverse() };
        expect(loadWorkspace(backward).diagnostics).toEqual(loadWorkspace(forward).diagnostics);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('the demo workspace', () => {
  const demo = readWorkspaceSources(REPO);
  const q3 = parsePeriod('2025-26-Q3');
  if (!q3.ok) throw new Error(q3.message);

  it('gives the same status whatever the order of files and of rows within them', () => {
    const reference = computeStatus(loadWorkspace(demo).workspace!, q3.value);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (seeds) => {
        const shuffle = <T>(xs: T[], seed: number) =>
          xs
            .map((x, i) => ({ x, k: (i * 7919 + seed * 104729) % 1000003 }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        const outturns = demo.outturns.map((f, i) => {
          const [header, ...rows] = new TextDecoder().decode(bytesOf(f)).trimEnd().split('\n');
          return sourceInMemory(f.path, enc(`${[header, ...shuffle(rows, seeds[i % 4]!)].join('\n')}\n`));
        });
        const shuffled = {
          ...demo,
          kpis: shuffle(demo.kpis, seeds[0]!),
          outturns: shuffle(outturns, seeds[1]!),
          commentary: shuffle(demo.commentary, seeds[2]!),
        };
        const loaded = loadWorkspace(shuffled);
        expect(loaded.diagnostics).toEqual([]);
        expect(computeStatus(loaded.workspace!, q3.value)).toEqual(reference);
      }),
      { numRuns: 15, seed: 3 },
    );
  });
});
