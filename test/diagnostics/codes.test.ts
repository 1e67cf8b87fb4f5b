import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleCode } from '../../src/diagnostics/codes.js';
import { assertedCodes } from '../helpers/rule-tester.js';
import { REPO } from '../helpers/run.js';
import { TABLES } from '../rules/tables/index.js';

// The compiler already refuses a diagnostic whose code is not in the catalogue (Diagnostic.code
// is a RuleCode). This checks the other direction: every catalogued code is asserted, as the
// code of a diagnostic at a file, line and column, by a rule table or an end-to-end scenario.
// Merely naming a code in a test does not count.
const CODES = Object.keys(RULES) as RuleCode[];

function scenarioCodes(): Set<string> {
  const root = join(REPO, 'fixtures/validate');
  const codes = new Set<string>();
  for (const d of readdirSync(root).filter((x) => !x.startsWith('_'))) {
    const s = JSON.parse(readFileSync(join(root, d, 'scenario.json'), 'utf8')) as { expected: { code: string }[] };
    for (const e of s.expected) codes.add(e.code);
  }
  return codes;
}

// Codes only a real file system gives, so only the end-to-end scenarios can assert them.
const ONLY_ON_DISK: RuleCode[] = ['file-unreadable'];

describe('the rule catalogue', () => {
  it('has every code asserted as a diagnostic by a rule table or an end-to-end scenario', () => {
    const asserted = new Set<string>([...assertedCodes(TABLES), ...scenarioCodes()]);
    expect(CODES.filter((code) => !asserted.has(code))).toEqual([]);
  });

  it('has every code a workspace in memory can give asserted by a rule table', () => {
    const inTables = assertedCodes(TABLES);
    expect(CODES.filter((code) => !inTables.has(code))).toEqual(ONLY_ON_DISK);
  });

  it('has stable, kebab-case codes with a description each', () => {
    for (const [code, description] of Object.entries(RULES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(description.length).toBeGreaterThan(10);
    }
  });
});
