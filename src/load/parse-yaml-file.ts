import type * as z from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText, type SourceFile } from './decode.js';
import { schemaDiagnostics } from './schema-issues.js';
import { locate, parseYaml, quickParseYaml, type YamlSource } from './yaml-source.js';
import { codePointName, firstControl } from '../text/controls.js';

/**
 * Decodes, parses and schema-checks one YAML file. Every failure along the way is a diagnostic;
 * `data` is set only when the file is fully valid against the schema.
 */
export function parseYamlFile<S extends z.ZodType>(
  file: SourceFile,
  schema: S,
  what: string,
): { data: z.output<S> | null; source: YamlSource | null; diagnostics: Diagnostic[] } {
  const decoded = decodeText(file);
  if (decoded.text === null) return { data: null, source: null, diagnostics: decoded.diagnostics };
  const quick = quickParseYaml(file.path, decoded.text);
  if (quick && isMapping(quick.value)) {
    const result = schema.safeParse(quick.value);
    if (result.success) return { data: result.data, source: quick, diagnostics: controlCharacters(file.path, decoded.text, quick.value) };
  }
  // Anything short of a valid file is parsed again with positions, so every message has its line.
  const { source, diagnostics } = parseYaml(file.path, decoded.text);
  if (!source) return { data: null, source: null, diagnostics };
  const v = source.value;
  if (!isMapping(v)) {
    return {
      data: null,
      source,
      diagnostics: [
        diagnostic(
          file.path,
          { line: 1, column: 1 },
          'error',
          'yaml-not-mapping',
          `the file must be a mapping of keys to values (${what}), not ${Array.isArray(v) ? 'a list' : 'a single value'}`,
        ),
      ],
    };
  }
  const result = schema.safeParse(v, { reportInput: true });
  if (!result.success) {
    return { data: null, source, diagnostics: schemaDiagnostics(source, schema, result.error.issues, what) };
  }
  return { data: result.data, source, diagnostics: controlCharacters(file.path, decoded.text, v, source) };
}

/**
 * The text rule (src/text/controls.ts) for every string of a valid file: a control character
 * is an error at the value that holds it. Paths are collected first, so a clean file (the usual
 * case) costs one walk and never a second, position-tracking parse.
 */
function controlCharacters(path: string, text: string, value: unknown, withPositions?: YamlSource): Diagnostic[] {
  const found: Array<{ at: Array<string | number>; char: string }> = [];
  const walk = (v: unknown, at: Array<string | number>) => {
    if (typeof v === 'string') {
      const c = firstControl(v);
      if (c) found.push({ at, char: c.char });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(value, []);
  if (found.length === 0) return [];
  const source = withPositions ?? parseYaml(path, text).source;
  return found.map(({ at, char }) =>
    diagnostic(
      path,
      source ? locate(source, at) : { line: 1, column: 1 },
      'error',
      'text-control-character',
      `${at.join('.')} holds a control character (${codePointName(char)}), which can rewrite a terminal line or hide text: remove it (tabs and line breaks are fine)`,
      at,
    ),
  );
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
