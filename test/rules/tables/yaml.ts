import { MAX_ALIAS_COUNT } from '../../../src/load/yaml-source.js';
import { CONFIG, MEASURE } from '../../helpers/base-workspace.js';
import { edit, error, validateTable } from '../../helpers/rule-tester.js';

// An anchor on an inclusion, and n aliases of it as the exclusions: valid to the schema either way.
const aliases = (n: number) => (base: string) =>
  edit(
    'inclusions: [Responsive repairs]',
    'inclusions: [&w Responsive repairs]',
  )(edit('exclusions: [Planned works]', `exclusions: [${Array(n).fill('*w').join(', ')}]`)(base));
const nested = (n: number) => edit('inclusions: [Responsive repairs]', `inclusions: ${'['.repeat(n)}Responsive repairs${']'.repeat(n)}`);

/** YAML itself, before any schema: syntax, duplicate keys, tabs, aliases, nesting, the document's shape. */
export default validateTable({
  name: 'YAML syntax and limits',
  valid: [
    {
      name: 'a tab written as an escape, which is not a control character to refuse',
      files: { [MEASURE]: edit('service: Repairs', 'service: "Repairs\\tteam"') },
    },
    { name: `${MAX_ALIAS_COUNT - 1} aliases of one anchor`, files: { [MEASURE]: aliases(MAX_ALIAS_COUNT - 1) } },
    {
      name: 'a closed double quote',
      files: { [MEASURE]: edit('name: Percentage of repairs completed at first visit', 'name: "Percentage of repairs completed at first visit"') },
    },
    { name: 'a tab inside text is not indentation', files: { [MEASURE]: edit('definition: Repairs completed', 'definition: Repairs\tcompleted') } },
    { name: 'one key in two mappings (value under target and under baseline, as in the base)' },
  ],
  invalid: [
    {
      name: 'an unclosed double quote, reported where it opens',
      files: { [MEASURE]: edit('name: Percentage', 'name: "Percentage') },
      diagnostics: [error(MEASURE, 2, 7, 'yaml-syntax')],
    },
    {
      name: 'a key given twice',
      files: { [MEASURE]: edit('unit: percentage\n', 'unit: percentage\nunit: number\n') },
      diagnostics: [error(MEASURE, 16, 1, 'yaml-duplicate-key', 'remove one')],
    },
    {
      name: 'a tab used for indentation',
      files: { [MEASURE]: edit('  system: Repairs system', '\tsystem: Repairs system') },
      diagnostics: [error(MEASURE, 22, 1, 'yaml-tab', 'spaces')],
    },
    {
      name: `${MAX_ALIAS_COUNT + 1} aliases of one anchor`,
      files: { [MEASURE]: aliases(MAX_ALIAS_COUNT + 1) },
      diagnostics: [error(MEASURE, 1, 1, 'yaml-alias-limit', `at most ${MAX_ALIAS_COUNT}`)],
    },
    {
      // 62 brackets inside the top-level mapping's one level: 63 levels, which YAML reads; the schema then objects.
      name: 'nesting 63 levels deep is read, and a list of lists is not a list of text',
      files: { [MEASURE]: nested(62) },
      diagnostics: [error(MEASURE, 12, 14, 'schema-type', 'should be text')],
    },
    {
      name: 'nesting 65 levels deep, reported at the bracket that goes too deep',
      files: { [MEASURE]: nested(64) },
      diagnostics: [error(MEASURE, 12, 76, 'yaml-nesting-limit', '64 levels')],
    },
    {
      name: 'a KPI file that is a list',
      files: { 'kpis/HC-03.yaml': '- a\n- b\n' },
      diagnostics: [error('kpis/HC-03.yaml', 1, 1, 'yaml-not-mapping', 'a list')],
    },
    {
      name: 'a KPI file that is a single value',
      files: { 'kpis/HC-03.yaml': 'just some text\n' },
      diagnostics: [error('kpis/HC-03.yaml', 1, 1, 'yaml-not-mapping', 'a single value')],
    },
    {
      name: 'a control character written as an escape in prf.yaml',
      files: { [CONFIG]: edit('organisation: Fixture Council', 'organisation: "Fixture\\x07 Council"') },
      diagnostics: [error(CONFIG, 1, 15, 'text-control-character', 'organisation holds a control character (U+0007)')],
    },
    {
      name: 'a terminal escape in a KPI field',
      files: { [MEASURE]: edit('service: Repairs', 'service: "Repairs\\x1b[2K"') },
      diagnostics: [error(MEASURE, 3, 10, 'text-control-character', 'service holds a control character (U+001B)')],
    },
  ],
});
