import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runInProcess, tempWorkspace } from '../helpers/run.js';

// Mutated workspaces through prf validate and mutated CSVs through prf import: whatever the
// bytes, prf ends with 0 or 1 and a message, never an internal error. Seeded, so a failure
// replays; bounded to well under a minute on a shared two-core machine.
const BASE = join(REPO, 'fixtures/validate/_base');
const FILES = ['prf.yaml', 'kpis/HC-01.yaml', 'kpis/HC-02.yaml', 'data/outturns/2025-26.csv', 'data/commentary/2025-26-Q3.yaml'];
const ws = tempWorkspace(BASE);
afterAll(() => ws.cleanup());
const original = new Map(FILES.map((f) => [f, readFileSync(join(ws.dir, f))]));
const restore = () => {
  for (const [f, bytes] of original) writeFileSync(join(ws.dir, f), bytes);
};

const NASTY = [
  '\u0000',
  '\u001b[2K',
  '\r',
  '\u202e',
  '\ufeff',
  '"',
  "'",
  ':',
  '- ',
  '&a',
  '*a',
  '!!js/function',
  '{',
  '[',
  '\t',
  '\n',
  ',',
  '%',
  '1e999',
  '-0',
  'NaN',
  '..',
  '/',
  '\\',
  '=',
];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 50 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = bytes.length === 0 ? 0 : m.at % bytes.length;
  switch (m.kind) {
    case 'flip':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([m.byte]), bytes.subarray(at + 1)]);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
    case 'cut':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'repeat': {
      // A line repeated: duplicate keys, rows and list items.
      const start = bytes.lastIndexOf(10, at) + 1;
      const end = bytes.indexOf(10, at);
      const line = bytes.subarray(start, end === -1 ? bytes.length : end + 1);
      return Buffer.concat([bytes.subarray(0, start), ...Array<Buffer>(m.times).fill(line), bytes.subarray(start)]);
    }
  }
}

function checkRun(r: { code: number; stderr: string; stdout: string }) {
  expect([0, 1]).toContain(r.code);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
}

describe('fuzzing', () => {
  it('prf validate on mutated workspaces ends 0 or 1 with no internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (file, ms) => {
        restore();
        writeFileSync(join(ws.dir, file), ms.reduce(mutate, original.get(file)!));
        const r = await runInProcess(['validate', '--format', 'json'], ws.dir);
        checkRun(r);
        JSON.parse(r.stdout);
      }),
      { seed: 20261129, numRuns: 150, interruptAfterTimeLimit: 25_000 },
    );
    restore();
  }, 60_000);

  it('prf import of mutated CSVs ends 0 or 1 with no internal error', async () => {
    const csv = Buffer.from('kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,88.5,177,200,,\nHC-02,2025-26-Q4,n/a,,,,\n');
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        restore();
        writeFileSync(join(ws.dir, 'in.csv'), ms.reduce(mutate, csv));
        checkRun(await runInProcess(['import', 'in.csv', '--dry-run'], ws.dir));
      }),
      { seed: 20261129, numRuns: 100, interruptAfterTimeLimit: 20_000 },
    );
    restore();
  }, 60_000);
});
