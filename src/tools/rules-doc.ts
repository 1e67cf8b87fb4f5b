/**
 * The rules reference, docs/guide/rules.md, as text made from the diagnostic catalogue alone, so
 * the page cannot say what the code does not: `npm run docs` writes it, and a test fails while the
 * committed page differs from what this returns.
 */
import type { RuleDoc } from '../diagnostics/codes.js';

/** Headings for the families of codes, by the code's first word; a new family is headed by its word. */
const FAMILIES: Record<string, string> = {
  file: 'Files',
  yaml: 'YAML',
  schema: 'Schema',
  config: 'prf.yaml',
  kpi: 'KPI entries',
  csv: 'Outturn CSVs',
  commentary: 'Commentary',
  change: 'Change control',
  import: 'prf import',
};

/** workspace-path is about prf.yaml too, so it sits with the config codes. */
const familyOf = (code: string) => {
  const word = code.split('-')[0]!;
  return word === 'workspace' ? 'config' : word;
};

/** A fenced block's language from the example's file name, so editors and GitHub colour it. */
function languageOf(file: string): string {
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.csv$/i.test(file)) return 'csv';
  return 'text';
}

/** A fence longer than any run of backticks in the text, so an example can never close it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function entry(code: string, rule: RuleDoc): string {
  const { file, text, note } = rule.example;
  const lines = [
    `### \`${code}\``,
    '',
    `${rule.severity === 'error' ? 'Error' : 'Warning (an error with `--strict`)'}. ${rule.summary}`,
    '',
    `**When.** ${rule.trigger}`,
    '',
    `**Fix.** ${rule.fix}`,
    '',
  ];
  if (text === '') lines.push(`**Example.** \`${file}\`: ${note ?? ''}.`);
  else {
    const f = fence(text);
    lines.push(`**Example.** In \`${file}\`${note ? ` (${note})` : ''}:`, '', `${f}${languageOf(file)}`, text, f);
  }
  return `${lines.join('\n')}\n`;
}

export function rulesDoc(rules: Readonly<Record<string, RuleDoc>>): string {
  const codes = Object.keys(rules);
  const families = [...new Set(codes.map(familyOf))];
  const index = codes.map((code) => `| [\`${code}\`](#${code}) | ${rules[code]!.severity} | ${rules[code]!.summary.replace(/\|/g, '\\|')} |`);
  const sections = families.map((family) => {
    const members = codes.filter((code) => familyOf(code) === family);
    return [`## ${FAMILIES[family] ?? family}`, '', ...members.map((code) => entry(code, rules[code]!))].join('\n');
  });
  return [
    '# The rules: every diagnostic code',
    '',
    '<!-- Written by `npm run docs` from src/diagnostics/codes.ts: edit the catalogue there, not this page. -->',
    '',
    'Each problem prf finds is reported with its file, line, column, severity and one of these codes.',
    'The codes are stable, so CI rules and other tools can match on them. `prf validate` reports',
    'most of them; the `import-` codes come from `prf import`, and `change-unrecorded` from',
    '`prf validate --since`. A warning is an error under `--strict`. What `prf validate` checks, and',
    'its output formats, are in [ci.md](ci.md).',
    '',
    '| code | severity | meaning |',
    '|---|---|---|',
    ...index,
    '',
    ...sections,
  ].join('\n');
}
