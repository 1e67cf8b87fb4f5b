import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/model/config.js';
import { measureSchema } from '../../src/model/kpi.js';
import { describeRule, ruleFor, ruleProblems, toRule } from '../../src/core/rule.js';
import { REPO } from '../helpers/run.js';

// The guide shows each council's rule as YAML: every block must be a rule prf accepts, and the
// key wording the guide quotes must be what describeRule prints.
const guide = readFileSync(join(REPO, 'docs/guide/status-rules-as-data.md'), 'utf8');
const blocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => yaml.load(m[1]!) as Record<string, unknown>);
const rules = blocks.filter((b) => 'ragg' in b);

describe('the status rules guide', () => {
  it('shows the seed, Bracknell Forest, Cheshire West and Chester and Camms rules', () => {
    expect(rules.length).toBeGreaterThanOrEqual(5);
  });

  it.each(rules.map((b, i) => [i, b] as const))('block %i is a valid rule, and the guide quotes its key', (_, block) => {
    const ragg = block.ragg as Record<string, unknown>;
    const rule = 'tolerance' in ragg ? toRule(measureSchema.shape.ragg.parse(ragg)!) : ruleFor({}, configSchema.shape.ragg.parse(ragg));
    expect(ruleProblems(rule)).toEqual([]);
    const words = describeRule(rule, 'tolerance' in ragg ? { unit: 'percentage', decimals: 2 } : undefined);
    expect(guide.replace(/\s+/g, ' ')).toContain(words);
  });
});
