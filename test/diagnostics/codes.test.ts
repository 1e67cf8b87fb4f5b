import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleCode, type RuleDoc } from '../../src/diagnostics/codes.js';
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

  it('has stable, kebab-case codes, each with its summary, trigger, fix and example', () => {
    for (const [code, rule] of Object.entries<RuleDoc>(RULES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      for (const part of [rule.summary, rule.trigger, rule.fix]) expect(part, code).toMatch(/^[A-Z(a-z].{10,}\.$/s);
      expect(rule.example.file, code).toMatch(/^[\w./-]+$/);
      expect(rule.example.text !== '' || (rule.example.note ?? '') !== '', `${code}: an example needs its text or a note`).toBe(true);
    }
  });

  // Under --strict every warning is an error, so only the scenarios run without it show the severity prf gives.
  it('gives each code the severity the catalogue documents', () => {
    const fixtures = join(REPO, 'fixtures/validate');
    const seen = readdirSync(fixtures)
      .filter((d) => !d.startsWith('_'))
      .map((d) => JSON.parse(readFileSync(join(fixtures, d, 'scenario.json'), 'utf8')) as { args: string[]; expected: { code: string; severity: string }[] })
      .filter((s) => !s.args.includes('--strict'))
      .flatMap((s) => s.expected);
    expect(seen.length).toBeGreaterThan(0);
    for (const d of seen) expect(d.severity, d.code).toBe(RULES[d.code as keyof typeof RULES].severity);
  });
});
