import type * as z from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText, type SourceFile } from './decode.js';
import { schemaDiagnostics } from './schema-issues.js';
import { parseYaml, quickParseYaml, type YamlSource } from './yaml-source.js';

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
    if (result.success) return { data: result.data, source: quick, diagnostics: [] };
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
  return { data: result.data, source, diagnostics: [] };
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
