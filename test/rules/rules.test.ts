import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE_FILES } from '../helpers/base-workspace.js';
import { runTable, validateCase } from '../helpers/rule-tester.js';
import { REPO } from '../helpers/run.js';
import { TABLES } from './tables/index.js';

describe('the rule tables', () => {
  it('start from fixtures/validate/_base, byte for byte', () => {
    const base = join(REPO, 'fixtures/validate/_base');
    const onDisk = readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(base.length + 1))
      .sort();
    expect(Object.keys(BASE_FILES).sort()).toEqual(onDisk);
    for (const [path, text] of Object.entries(BASE_FILES)) expect(text, path).toBe(readFileSync(join(base, path), 'utf8'));
  });

  it('start from a workspace with no diagnostic, even under --strict', () => {
    expect(validateCase({ strict: true })).toEqual([]);
  });

  it('are all run: each file in tables/ is in TABLES once', () => {
    const files = readdirSync(join(import.meta.dirname, 'tables')).filter((f) => f !== 'index.ts');
    expect(TABLES).toHaveLength(files.length);
    expect(new Set(TABLES.map((t) => t.name)).size).toBe(TABLES.length);
  });
});

for (const table of TABLES) runTable(table);
