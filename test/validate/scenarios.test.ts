import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBinary, runInProcess, tempWorkspace, type RunResult } from '../helpers/run.js';

/**
 * One folder per scenario under fixtures/validate: files that differ from _base, and a
 * scenario.json with the exact diagnostics expected. Each runs in-process; those marked
 * runBinary also run through the real binary, so the exit code is the process's own.
 */
interface Expected {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: string;
  messageIncludes?: string;
}
interface Scenario {
  description: string;
  args: string[];
  delete: string[];
  exitCode: number;
  runBinary: boolean;
  expected: Expected[];
}

const ROOT = join(REPO, 'fixtures/validate');
const scenarios = readdirSync(ROOT)
  .filter((d) => !d.startsWith('_'))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(readFileSync(join(ROOT, name, 'scenario.json'), 'utf8')) as Scenario) }));

function check(s: Scenario, r: RunResult) {
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { errors: number; warnings: number; diagnostics: (Expected & { message: string })[] };
  const got = out.diagnostics.map(({ file, line, column, severity, code }) => ({ file, line, column, severity, code }));
  const want = s.expected.map(({ file, line, column, severity, code }) => ({ file, line, column, severity, code }));
  expect(got).toEqual(want);
  s.expected.forEach((e, i) => {
    if (e.messageIncludes) expect(out.diagnostics[i]!.message).toContain(e.messageIncludes);
  });
  expect(out.errors).toBe(s.expected.filter((e) => e.severity === 'error').length);
  expect(out.warnings).toBe(s.expected.filter((e) => e.severity === 'warning').length);
  expect(r.code).toBe(s.exitCode);
}

function prepare(name: string, s: Scenario) {
  const ws = tempWorkspace(join(ROOT, '_base'), join(ROOT, name));
  for (const f of s.delete) rmSync(join(ws.dir, f));
  return ws;
}

describe('prf validate scenarios', () => {
  it('has a scenario for every rule family', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it.each(scenarios)('$name: $description', async (s) => {
    const ws = prepare(s.name, s);
    try {
      check(s, await runInProcess(['validate', '--format', 'json', ...s.args], ws.dir));
    } finally {
      ws.cleanup();
    }
  });

  it.each(scenarios.filter((s) => s.runBinary))('$name through the real binary', (s) => {
    const ws = prepare(s.name, s);
    try {
      check(s, runBinary(['validate', '--format', 'json', ...s.args], ws.dir));
    } finally {
      ws.cleanup();
    }
  });

  it('fixtures exist for each scenario', () => {
    for (const s of scenarios) expect(existsSync(join(ROOT, s.name, 'scenario.json'))).toBe(true);
  });
});
