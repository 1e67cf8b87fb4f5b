import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../eslint.config.js';

const REPO = resolve(import.meta.dirname, '../..');
const SRC = join(REPO, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative import of every file under src (static, re-exported and dynamic), as src-relative paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
      relative(SRC, resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(SRC, file), [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components with more than one member (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        on.delete(w);
        scc.push(w);
        if (w === v) break;
      }
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

const folderOf = (file: string) => file.split('/')[0]!;

describe('the stages as folders', () => {
  it('no file imports another that imports it back, directly or round a loop', () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  it('no folder imports another that imports it back: the folders form layers', () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of importGraph()) {
      const from = folderOf(file);
      const to = targets.map(folderOf).filter((f) => f !== from);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(cycles(folders)).toEqual([]);
  });

  it('the layer table the linter enforces has no loop in it', () => {
    const graph = new Map(Object.entries(LAYERS).map(([k, v]) => [k, [...v]]));
    expect(cycles(graph)).toEqual([]);
    for (const deps of graph.values()) for (const d of deps) expect(Object.keys(LAYERS)).toContain(d);
  });

  it('every folder under src is a stage the linter knows, or an edge', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const known = new Set([...Object.keys(LAYERS), 'commands', 'bin', 'tools']);
    expect(folders.filter((f) => !known.has(f))).toEqual([]);
  });
});

describe('the linter holds the boundaries', () => {
  // Type-aware rules need a file the TypeScript project knows; the boundary rules do not.
  const eslint = new ESLint({
    cwd: REPO,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  });
  const lint = async (file: string, text: string) =>
    (await eslint.lintText(text, { filePath: join(REPO, file) }))[0]!.messages.map((m) => `${m.ruleId}: ${m.message}`);

  it.each([
    ['src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", /src\/core is pure/],
    ['src/views/probe.ts', "import { spawnSync } from 'node:child_process';\nexport const x = spawnSync;\n", /src\/views is pure/],
    [
      'src/core/probe.ts',
      "import { loadWorkspace } from '../rules/load-workspace.js';\nexport const x = loadWorkspace;\n",
      /src\/core may import only from src\/model, src\/diagnostics/,
    ],
    ['src/render/probe.ts', "import { readSources } from '../load/read-sources.js';\nexport const x = readSources;\n", /src\/render may import only/],
    ['src/core/probe.ts', 'export const today = () => new Date();\n', /the clock is read only in src\/commands/],
    ['src/views/probe.ts', 'export const now = () => Date.now();\n', /the clock is read only in src\/commands/],
    ['src/model/probe.ts', 'export const argv = () => process.argv;\n', /process is touched only/],
  ])('%s: %s is refused', async (file, text, message) => {
    const messages = await lint(file, text);
    expect(
      messages.some((m) => message.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['src/load/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/commands/probe.ts', "import { loadWorkspace } from '../rules/load-workspace.js';\nexport const x = () => [loadWorkspace, new Date()];\n"],
    ['src/views/probe.ts', "import { formatFigure } from '../core/figures.js';\nexport const x = formatFigure;\n"],
  ])('%s: allowed', async (file, text) => {
    expect(await lint(file, text)).toEqual([]);
  });
});
