import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/codes.js';
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

  it('has stable, kebab-case codes with a description each', () => {
    for (const [code, description] of Object.entries(RULES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(description.length).toBeGreaterThan(10);
    }
  });
});
