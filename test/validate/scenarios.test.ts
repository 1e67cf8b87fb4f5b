import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/codes.js';
import { REPO, runBinary, tempWorkspace } from '../helpers/run.js';

/**
 * The end-to-end scenarios: a few workspaces on disk, run through the real binary, for what only
 * a real file system and process show (links, paths, hostile files, exit codes, --strict). The
 * rules themselves are tested as tables in memory (test/rules). Each folder under
 * fixtures/validate holds the files that differ from _base and a scenario.json with the exact
 * diagnostics expected.
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
  expected: Expected[];
}

const ROOT = join(REPO, 'fixtures/validate');
const scenarios = readdirSync(ROOT)
  .filter((d) => !d.startsWith('_'))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(readFileSync(join(ROOT, name, 'scenario.json'), 'utf8')) as Scenario) }));

describe('prf validate end to end', () => {
  it('each scenario is consistent: known codes, and exit 1 exactly when an error is expected', () => {
    for (const s of scenarios) {
      for (const e of s.expected) expect(Object.keys(RULES), s.name).toContain(e.code);
      const hasError = s.expected.some((e) => e.severity === 'error');
      expect(s.exitCode, s.name).toBe(hasError ? 1 : 0);
    }
  });

  it('each scenario but the clean base changes the base workspace', () => {
    for (const s of scenarios.filter((x) => x.name !== 'valid-base')) {
      const files = readdirSync(join(ROOT, s.name)).filter((f) => f !== 'scenario.json');
      expect(files.length + s.delete.length + s.args.length, s.name).toBeGreaterThan(0);
    }
  });

  it.each(scenarios)('$name: $description', (s) => {
    const ws = tempWorkspace(join(ROOT, '_base'), join(ROOT, s.name));
    try {
      for (const f of s.delete) rmSync(join(ws.dir, f));
      const r = runBinary(['validate', '--format', 'json', ...s.args], ws.dir);
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
    } finally {
      ws.cleanup();
    }
  });
});
