import { CORE_SCHEMA, load } from 'js-yaml';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { RuleCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics/diagnostic.js';
import type * as YamlModule from 'yaml';

/** Aliases allowed when converting a document: enough for real files, too few for an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** Nesting allowed: a KPI entry needs four or five levels; thousands would exhaust the parser's stack. */
export const MAX_NESTING = 64;

/**
 * Where nesting first goes deeper than `limit`, counting flow brackets (`[`, `{`) outside quotes
 * and block indentation levels, or null. A cheap scan before parsing, so a hostile file gets a
 * message naming the limit rather than a stack overflow.
 */
export function tooDeep(text: string, limit = MAX_NESTING): Position | null {
  const indents: number[] = [];
  let line = 1;
  let lineStart = 0;
  let flow = 0;
  let quote: string | null = null;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      // A quoted scalar may run on over the line break, so the quote stays open.
      continue;
    }
    if (atLineStart && c !== ' ') {
      atLineStart = false;
      if (flow === 0 && c !== '#' && c !== '\r') {
        const indent = i - lineStart;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > limit) return { line, column: indent + 1 };
      }
    }
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    // A quote opens a scalar only where one can begin: "tenants' time" is plain text.
    if ((c === '"' || c === "'") && (i === lineStart || /[\s[{,]/.test(text[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === '[' || c === '{') {
      if (++flow + indents.length > limit) return { line, column: i - lineStart + 1 };
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return null;
}

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JS value, or undefined when the document could not be converted. */
  value: unknown;
}

const YAML_CODES: Record<string, RuleCode> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab',
};

const YAML_ADVICE: Record<string, string> = {
  DUPLICATE_KEY: 'remove one of the two or rename it',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
};

// The position-tracking parser is loaded on first use: a workspace whose files are all valid
// never needs it, and loading it costs every command's start.
let yamlModule: typeof YamlModule | null = null;
const yaml = () => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof YamlModule);

function parseWithPositions(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }), lineCounter };
}

// Anchors, aliases and tags (`&a`, `*a`, `!tag` as node properties) are left to the careful
// parser, which limits alias expansion. Text that merely contains these characters ("R&D",
// "*not bold*") may also take the careful path; that costs time, never correctness.
const NODE_PROPERTY = /(^|[\s[{,])[&*!][^\s,[\]{}]/m;
// The two parsers differ on numbers that overflow a double (js-yaml keeps "1e400" as text,
// yaml reads Infinity) and on YAML 1.1 binary (0b101): such files take the careful path.
// Only a number standing alone counts: a hash such as a file's SHA-256 (…b3e06023f…) is text to both.
const DIVERGENT_NUMBER = /(?<![\w.])[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)[eE][-+]?\d{3,}(?![\w.])|\b0b[01_]+\b/;

/**
 * The fast path for the common case, a valid file: js-yaml builds the plain value several times
 * faster than the position-tracking parser, which runs only if a message needs a line and column
 * (`doc` and `lineCounter` are parsed on first use). Both parse YAML 1.2's core schema (no
 * timestamps, `no` is text), and a test checks they agree on every YAML file in the repository.
 * Returns null whenever the fast parser objects or the file uses node properties: the caller
 * then takes the careful path, which reports the problem with its position.
 */
export function quickParseYaml(file: string, text: string): YamlSource | null {
  // No nesting scan here: a file deep enough to matter fails js-yaml or the schema and is then
  // read by the careful path, which names the nesting limit.
  if (NODE_PROPERTY.test(text) || DIVERGENT_NUMBER.test(text)) return null;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return null;
  }
  let parsed: ReturnType<typeof parseWithPositions> | null = null;
  const full = () => (parsed ??= parseWithPositions(text));
  return {
    file,
    value,
    get doc() {
      return full().doc;
    },
    get lineCounter() {
      return full().lineCounter;
    },
  };
}

/** Parses YAML text; syntax problems become diagnostics, never exceptions. */
export function parseYaml(file: string, text: string): { source: YamlSource | null; diagnostics: Diagnostic[] } {
  const deep = tooDeep(text);
  if (deep) {
    return {
      source: null,
      diagnostics: [
        diagnostic(
          file,
          deep,
          'error',
          'yaml-nesting-limit',
          `the nesting here is more than ${MAX_NESTING} levels deep, the most prf reads: flatten the structure`,
        ),
      ],
    };
  }
  const { doc, lineCounter } = parseWithPositions(text);
  const diagnostics: Diagnostic[] = [];
  // Only the first syntax error: the parser's later complaints are usually echoes of it.
  const err = doc.errors[0];
  if (err) {
    const at =
      err.code === 'MISSING_CHAR' && err.message.includes('"')
        ? (unclosedDoubleQuote(text) ?? positionOf(lineCounter, err.pos[0]))
        : positionOf(lineCounter, err.pos[0]);
    const first = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const advice = YAML_ADVICE[err.code];
    diagnostics.push(diagnostic(file, at, 'error', YAML_CODES[err.code] ?? 'yaml-syntax', advice ? `${first}: ${advice}` : `YAML syntax: ${first}`));
    return { source: null, diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    diagnostics.push(
      diagnostic(
        file,
        { line: 1, column: 1 },
        'error',
        'yaml-alias-limit',
        `${message} (prf allows at most ${MAX_ALIAS_COUNT} alias expansions per file): write the values out instead of using anchors`,
      ),
    );
    return { source: null, diagnostics };
  }
  return { source: { file, doc, lineCounter, value }, diagnostics };
}

/**
 * yaml reports a missing closing quote at the end of the file; the officer needs the line where
 * the quote was opened: the first line with an odd number of unescaped double quotes.
 */
function unclosedDoubleQuote(text: string): Position | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*#/.test(line)) continue;
    const quotes = [...line.matchAll(/(?<!\\)"/g)].map((m) => m.index);
    if (quotes.length % 2 === 1) return { line: i + 1, column: quotes[quotes.length - 1]! + 1 };
  }
  return undefined;
}

export function positionOf(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function keyOf(pair: Pair): unknown {
  return yaml().isScalar(pair.key) ? pair.key.value : pair.key;
}

function findPair(map: Node, key: string | number): Pair | undefined {
  const { isMap, isPair } = yaml();
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isPair(p) && String(keyOf(p)) === String(key));
}

/**
 * The 1-based position of the node at `path`, or of the nearest parent that exists.
 * With `key`, the last segment is a key of a mapping and the key itself is located (for unknown
 * keys); a mapping's position is that of the key that holds it, which is where an officer looks
 * for a missing field.
 */
export function locate(source: YamlSource, path: readonly PropertyKey[], options: { key?: boolean } = {}): Position {
  const { isMap, isSeq } = yaml();
  let node: unknown = source.doc.contents;
  let best: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (typeof seg === 'symbol') break;
    if (isMap(node)) {
      const pair = findPair(node, seg);
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      const isLast = i === path.length - 1;
      if (isLast && options.key) {
        best = keyStart ?? best;
        break;
      }
      // Point at the key for mappings and sequences (where a missing field's parent is named);
      // at the value for scalars (where the bad value is).
      const valueStart = rangeStart(pair.value);
      best = isMap(pair.value) || isSeq(pair.value) || valueStart === undefined ? (keyStart ?? best) : valueStart;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      best = rangeStart(item) ?? best;
      node = item;
    } else {
      break;
    }
  }
  return best === undefined ? { line: 1, column: 1 } : positionOf(source.lineCounter, best);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}
