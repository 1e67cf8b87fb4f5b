import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, toJsonSchemaText } from '../../src/model/schemas.js';
import { REPO } from '../helpers/run.js';

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f))
    .sort();
}

describe('published JSON Schemas', () => {
  it.each(Object.keys(PUBLISHED_SCHEMAS))('schemas/%s matches the zod schema (run "npm run schemas" after changing one)', (name) => {
    const committed = readFileSync(join(REPO, 'schemas', name), 'utf8');
    expect(committed).toBe(toJsonSchemaText(PUBLISHED_SCHEMAS[name]!));
  });

  it('schemas/ holds no stale files', () => {
    expect(readdirSync(join(REPO, 'schemas')).sort()).toEqual(Object.keys(PUBLISHED_SCHEMAS).sort());
  });

  // VS Code's YAML extension validates and completes as the officer types only if this first line
  // points at the schema by a path that resolves from the file's own folder.
  it.each(filesUnder(join(REPO, 'kpis'), '.yaml').map((f) => relative(REPO, f)))('%s starts with its $schema line', (file) => {
    const first = readFileSync(join(REPO, file), 'utf8').split('\n', 1)[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    expect(relative(REPO, join(REPO, file, '..', match![1]!))).toBe('schemas/kpi.schema.json');
  });
});
