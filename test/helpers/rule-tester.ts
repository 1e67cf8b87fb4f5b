import { normalize } from 'node:path/posix';
import { describe, expect, it } from 'vitest';
import type { RuleCode } from '../../src/diagnostics/codes.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { sourceInMemory, type SourceFile } from '../../src/load/decode.js';
import { readPaths } from '../../src/load/read-sources.js';
import type { WorkspaceSources } from '../../src/load/sources.js';
import type { Workspace } from '../../src/model/workspace.js';
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import { applyStrict } from '../../src/commands/validate.js';
import { BASE_FILES } from './base-workspace.js';

/*
 * Rule tests as tables, in the manner of ESLint's RuleTester: each case is a workspace held in
 * memory (the base workspace with a file or two changed), run through the loader with no disk
 * and no binary. A valid case must give no diagnostic at all; an invalid one must give exactly
 * the diagnostics listed, in order, each with its file, line, column, severity and code, so an
 * extra or a moved diagnostic fails the case.
 */

/** One diagnostic a case expects; `includes` is a fragment its message must contain. */
export interface ExpectedDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: RuleCode;
  includes?: string;
}

/** An expected error or warning, written as a table row reads: file, line, column, code, message fragment. */
export function error(file: string, line: number, column: number, code: RuleCode, includes?: string): ExpectedDiagnostic {
  return includes === undefined ? { file, line, column, severity: 'error', code } : { file, line, column, severity: 'error', code, includes };
}
export function warning(file: string, line: number, column: number, code: RuleCode, includes?: string): ExpectedDiagnostic {
  return includes === undefined ? { file, line, column, severity: 'warning', code } : { file, line, column, severity: 'warning', code, includes };
}

/** A file's new content, a change to its base text, or null to delete it. */
export type FileChange = string | Uint8Array | null | ((base: string) => string);
export type FileChanges = Readonly<Record<string, FileChange>>;

/** The base text with `from` replaced by `to`; a `from` not in the text fails the case, so an edit never silently misses. */
export function edit(from: string, to: string): (base: string) => string {
  return (base) => {
    if (!base.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} is not in the file`);
    return base.replace(from, to);
  };
}

const encoder = new TextEncoder();

/** The base workspace with `changes` applied, as each file's bytes by workspace-relative path. */
export function workspaceFiles(changes: FileChanges = {}): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>(Object.entries(BASE_FILES).map(([path, text]) => [path, encoder.encode(text)]));
  for (const [path, change] of Object.entries(changes)) {
    if (change === null) {
      if (!files.delete(path)) throw new Error(`${path}: no such file to delete`);
    } else if (typeof change === 'function') {
      const base = BASE_FILES[path];
      if (base === undefined) throw new Error(`${path}: no base file to change`);
      files.set(path, encoder.encode(change(base)));
    } else files.set(path, typeof change === 'string' ? encoder.encode(change) : change);
  }
  return files;
}

/** A file as the reader hands it to the loader: the one place the tables depend on its shape. */
export function sourceFile(path: string, bytes: Uint8Array): SourceFile {
  return sourceInMemory(path, bytes);
}

/**
 * The sources the reader would give for these files: prf.yaml, and the files in the folders it
 * names (KPI and commentary YAML, outturn CSV). A file in no such folder is not read, as on disk.
 */
export function workspaceSources(files: ReadonlyMap<string, Uint8Array>): WorkspaceSources {
  const config = files.get('prf.yaml') ?? new Uint8Array();
  const paths = readPaths(new TextDecoder().decode(config));
  const within = (folder: string, extensions: readonly string[]) => {
    const prefix = `${normalize(folder).replace(/\/$/, '')}/`;
    return [...files]
      .filter(([path]) => path.startsWith(prefix) && extensions.some((e) => path.toLowerCase().endsWith(e)))
      .map(([path, bytes]) => sourceFile(path, bytes));
  };
  return {
    config: sourceFile('prf.yaml', config),
    kpis: within(paths.kpis, ['.yaml', '.yml']),
    outturns: within(paths.outturns, ['.csv']),
    commentary: within(paths.commentary, ['.yaml', '.yml']),
    readProblems: [],
  };
}

/** A workspace case: the changes to the base workspace, and whether prf validate has --strict. */
export interface WorkspaceCase {
  files?: FileChanges;
  strict?: boolean;
}

/** What prf validate reports for a workspace case, without the disk or the binary. */
export function validateCase(c: WorkspaceCase): Diagnostic[] {
  return applyStrict(loadWorkspace(workspaceSources(workspaceFiles(c.files))).diagnostics, c.strict ?? false);
}

/** A valid workspace for tables that run another command on it; an invalid one is a mistake in the table. */
export function loadValid(changes?: FileChanges): { workspace: Workspace; sources: WorkspaceSources } {
  const sources = workspaceSources(workspaceFiles(changes));
  const { workspace, diagnostics } = loadWorkspace(sources);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!workspace || errors.length > 0) throw new Error(`the case's workspace is invalid: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
  return { workspace, sources };
}

type Named<C> = C & { name: string };

/** A table of cases for one rule family, and how a case is run. */
export interface RuleTable<C extends object = WorkspaceCase> {
  name: string;
  run: (c: C) => Diagnostic[] | Promise<Diagnostic[]>;
  valid: Named<C>[];
  invalid: Named<C & { diagnostics: ExpectedDiagnostic[] }>[];
}

/** A table run as prf validate runs (the usual kind). */
export function validateTable(table: Omit<RuleTable, 'run'>): RuleTable {
  return { ...table, run: validateCase };
}

const shape = ({ file, line, column, severity, code }: Diagnostic | ExpectedDiagnostic) => ({ file, line, column, severity, code });

/** Checks one invalid case's diagnostics against what it expects: all of them, in order. */
export function expectDiagnostics(got: readonly Diagnostic[], want: readonly ExpectedDiagnostic[]): void {
  expect(got.map(shape)).toEqual(want.map(shape));
  want.forEach((w, i) => {
    if (w.includes !== undefined) expect(got[i]!.message).toContain(w.includes);
  });
}

/**
 * Any table, whatever its cases hold: what registering and counting codes need. Its run takes
 * `never` so a table of any case type fits; each case handed back to it is one of its own.
 */
export interface AnyRuleTable {
  name: string;
  run: (c: never) => Diagnostic[] | Promise<Diagnostic[]>;
  valid: readonly { name: string }[];
  invalid: readonly { name: string; diagnostics: readonly ExpectedDiagnostic[] }[];
}

/** Registers a table's cases as tests. */
export function runTable(table: AnyRuleTable): void {
  const run = (c: object) => table.run(c as never);
  describe(table.name, () => {
    it('has cases with unique names, and every invalid case expects a diagnostic', () => {
      const names = [...table.valid, ...table.invalid].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of table.invalid) expect(c.diagnostics.length, c.name).toBeGreaterThan(0);
    });
    if (table.valid.length > 0) {
      it.each(table.valid)('valid: $name', async (c) => {
        expect((await run(c)).map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
      });
    }
    it.each(table.invalid)('invalid: $name', async (c) => {
      expectDiagnostics(await run(c), c.diagnostics);
    });
  });
}

/** The codes the tables' invalid cases assert, so the catalogue test can ask that every code is asserted. */
export function assertedCodes(tables: readonly AnyRuleTable[]): Set<RuleCode> {
  return new Set(tables.flatMap((t) => t.invalid.flatMap((c) => c.diagnostics.map((d) => d.code))));
}
