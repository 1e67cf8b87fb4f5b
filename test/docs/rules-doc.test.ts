import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/codes.js';
import { rulesDoc } from '../../src/tools/rules-doc.js';
import { REPO } from '../helpers/run.js';

describe('the rules reference', () => {
  it('docs/guide/rules.md is what the catalogue writes (run "npm run docs" after changing a code)', () => {
    expect(readFileSync(join(REPO, 'docs/guide/rules.md'), 'utf8')).toBe(rulesDoc(RULES));
  });

  it('has a section for every code, in the catalogue order', () => {
    const headings = [...rulesDoc(RULES).matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(headings).toEqual(Object.keys(RULES));
  });

  it('never lets an example close its own code block', () => {
    const doc = rulesDoc({ 'x-y': { ...RULES['yaml-syntax'], example: { file: 'a.md', text: 'one ``` two ````' } } });
    expect(doc).toContain('`````text\none ``` two ````\n`````');
  });
});
