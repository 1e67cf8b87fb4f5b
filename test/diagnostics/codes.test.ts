import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleDoc } from '../../src/diagnostics/codes.js';
import { REPO } from '../helpers/run.js';

// The compiler already refuses a diagnostic whose code is not in the catalogue (Diagnostic.code
// is a RuleCode). This checks the other direction: every catalogued rule is proved by a test.
function textOfTests(): string {
  const parts: string[] = [];
  const fixtures = join(REPO, 'fixtures/validate');
  for (const d of readdirSync(fixtures)) {
    if (!d.startsWith('_')) parts.push(readFileSync(join(fixtures, d, 'scenario.json'), 'utf8'));
  }
  const tests = join(REPO, 'test');
  for (const f of readdirSync(tests, { recursive: true, encoding: 'utf8' })) {
    if (f.endsWith('.test.ts') && !f.endsWith('codes.test.ts')) parts.push(readFileSync(join(tests, f), 'utf8'));
  }
  return parts.join('\n');
}

describe('the rule catalogue', () => {
  it('has a scenario or unit test asserting every code', () => {
    const text = textOfTests();
    expect(Object.keys(RULES).filter((code) => !text.includes(`'${code}'`) && !text.includes(`"${code}"`))).toEqual([]);
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
