import type * as z from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/suggest.js';
import { locate, type YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/**
 * Turns zod's issues for a YAML document into diagnostics that point at the offending node and
 * say what to write instead. Zod knows the schema, the YAML document knows the lines: this is
 * where the two meet.
 */
export function schemaDiagnostics(source: YamlSource, schema: AnySchema, issues: readonly Issue[], what: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) out.push(...issueDiagnostics(source, schema, issue, what));
  return out;
}

function issueDiagnostics(source: YamlSource, schema: AnySchema, issue: Issue, what: string): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = describePath(path, what);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, source.value, path);
      return issue.keys.map((key) =>
        diagnostic(
          source.file,
          locate(source, [...path, key], { key: true }),
          'error',
          'schema-unknown-key',
          `unknown key "${key}" in ${where}.${
            suggestion(
              key,
              known.filter((k) => !hasKey(valueAt(source.value, path), k)),
            ) || ` Allowed keys: ${known.join(', ')}.`
          }`,
          [...path, key],
        ),
      );
    }
    case 'invalid_value': {
      const input = valueAt(source.value, path);
      const options = issue.values.map(String);
      const last = path[path.length - 1];
      if (input === undefined && last !== undefined && !hasKey(valueAt(source.value, path.slice(0, -1)), String(last))) {
        return [missingField(source, schema, path.slice(0, -1), String(last), what, ` (one of ${options.join(', ')})`)];
      }
      return [
        diagnostic(
          source.file,
          locate(source, path),
          'error',
          'schema-invalid-value',
          `${where} is ${JSON.stringify(input)}, which is not allowed: use one of ${options.join(', ')}.${suggestion(String(input), options)}`,
          path,
        ),
      ];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        const discPath = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        const parentPath = discPath.slice(0, -1);
        const input = valueAt(source.value, discPath);
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        if (input === undefined) {
          return [missingField(source, schema, parentPath, issue.discriminator, what, ` (one of ${options.join(', ')})`)];
        }
        return [
          diagnostic(
            source.file,
            locate(source, discPath),
            'error',
            'schema-invalid-value',
            `${describePath(discPath, what)} is ${JSON.stringify(input)}, which is not allowed: use one of ${options.join(', ')}.${suggestion(String(input), options)}`,
            discPath,
          ),
        ];
      }
      return [
        diagnostic(
          source.file,
          locate(source, path),
          'error',
          'schema-type',
          `${where} does not match any allowed form: see the schema's description of ${where}.`,
          path,
        ),
      ];
    }
    case 'invalid_type': {
      const input = valueAt(source.value, path);
      const parentValue = valueAt(source.value, path.slice(0, -1));
      const last = path[path.length - 1];
      if (input === undefined && last !== undefined && !hasKey(parentValue, String(last))) {
        return [missingField(source, schema, path.slice(0, -1), String(last), what, '')];
      }
      return [
        diagnostic(
          source.file,
          locate(source, path),
          'error',
          'schema-type',
          `${where} should be ${describeExpected(issue.expected)}, not ${describeInput(input)}${typeAdvice(issue.expected, input)}.`,
          path,
        ),
      ];
    }
    case 'invalid_key': {
      const keyPath = path;
      const inner = issue.issues[0]?.message ?? issue.message;
      return [diagnostic(source.file, locate(source, keyPath, { key: true }), 'error', 'schema-format', `${where}: the key is not valid: ${inner}.`, keyPath)];
    }
    case 'invalid_element':
      return [diagnostic(source.file, locate(source, path), 'error', 'schema-format', `${where}: ${issue.message}.`, path)];
    default: {
      const input = valueAt(source.value, path);
      const message = refineMessage(issue, input);
      return [diagnostic(source.file, locate(source, path), 'error', 'schema-format', `${where} ${message}.`, path)];
    }
  }
}

function missingField(source: YamlSource, schema: AnySchema, parentPath: (string | number)[], field: string, what: string, extra: string): Diagnostic {
  const description = descriptionAt(schema, source.value, [...parentPath, field]);
  const place = parentPath.length === 0 ? what : describePath(parentPath, what);
  return diagnostic(
    source.file,
    locate(source, parentPath),
    'error',
    'schema-missing-field',
    `missing required field "${field}" in ${place}${extra}: add it${description ? ` (${description})` : ''}.`,
    [...parentPath, field],
  );
}

function refineMessage(issue: Issue, input: unknown): string {
  const shown = input === undefined || typeof input === 'object' ? '' : ` (${JSON.stringify(input)})`;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `${issue.message}`;
      return `is too small${shown}: the least allowed is ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `has too many items: at most ${String(issue.maximum)}`;
      return `is too large${shown}: the most allowed is ${String(issue.maximum)}`;
    default:
      return `${shown ? `is${shown} ` : ''}invalid: ${issue.message}`;
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping of keys to values';
    default:
      return expected;
  }
}

function describeInput(input: unknown): string {
  if (input === null) return 'empty (null)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `text ${JSON.stringify(input)}`;
  if (typeof input === 'number' && !Number.isFinite(input)) return `${String(input)}, which is not a usable number`;
  return `${typeof input} ${JSON.stringify(input)}`;
}

function typeAdvice(expected: string, input: unknown): string {
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return `: put it in quotes ("${String(input)}")`;
  }
  if (expected === 'number' && typeof input === 'string') {
    const cleaned = input.replace(/[%,\s]/g, '');
    if (cleaned !== '' && Number.isFinite(Number(cleaned))) return `: write it as a plain number (${cleaned})`;
  }
  if (input === null) return ': give a value or remove the key';
  return '';
}

function describePath(path: readonly (string | number)[], what: string): string {
  if (path.length === 0) return what;
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : i === 0 ? p : `.${p}`)).join('');
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function hasKey(value: unknown, key: string): boolean {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key);
}

// --- Walking the zod schema alongside the data ------------------------------------------------

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  options?: AnySchema[];
  discriminator?: string;
  element?: AnySchema;
  valueType?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strips wrappers (optional, default, nullable, pipes) to the schema that holds the structure. */
function unwrap(schema: AnySchema, value: unknown): AnySchema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else if (def.type === 'union' && def.options) {
      const pick = pickUnionOption(def, value);
      if (!pick) return s;
      s = pick;
    } else return s;
  }
  return s;
}

function pickUnionOption(def: Def, value: unknown): AnySchema | undefined {
  const options = def.options ?? [];
  if (def.discriminator && value !== null && typeof value === 'object') {
    const disc = (value as Record<string, unknown>)[def.discriminator];
    const match = options.find((o) => {
      const shape = defOf(unwrap(o, undefined)).shape;
      const discSchema = shape?.[def.discriminator!];
      if (!discSchema) return false;
      const d = defOf(discSchema) as Def & { values?: unknown[]; entries?: Record<string, unknown> };
      const allowed = d.values ?? (d.entries ? Object.values(d.entries) : []);
      return allowed.includes(disc);
    });
    if (match) return match;
  }
  return options.find((o) => defOf(unwrap(o, undefined)).type === 'object') ?? options[0];
}

/** The schema at `path` as declared (wrappers such as optional and default still on), with the value there. */
function declaredAt(schema: AnySchema, value: unknown, path: readonly (string | number)[]): { s: AnySchema; v: unknown } | undefined {
  let s: AnySchema | undefined = schema;
  let v = value;
  for (const seg of path) {
    if (!s) return undefined;
    const def = defOf(unwrap(s, v));
    if (def.type === 'object') s = def.shape?.[String(seg)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    v = valueAt(v, [seg]);
  }
  return s ? { s, v } : undefined;
}

function schemaAt(schema: AnySchema, value: unknown, path: readonly (string | number)[]): AnySchema | undefined {
  const at = declaredAt(schema, value, path);
  return at ? unwrap(at.s, at.v) : undefined;
}

function knownKeys(schema: AnySchema, value: unknown, path: readonly (string | number)[]): string[] {
  const s = schemaAt(schema, value, path);
  const shape = s ? defOf(s).shape : undefined;
  return shape ? Object.keys(shape) : [];
}

function descriptionAt(schema: AnySchema, value: unknown, path: readonly (string | number)[]): string | undefined {
  // The description sits on the declared field, outside any optional or default wrapper.
  return (declaredAt(schema, value, path)?.s as unknown as { description?: string } | undefined)?.description;
}
