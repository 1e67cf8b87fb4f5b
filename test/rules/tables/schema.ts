import { CONFIG, MEASURE, PROJECT } from '../../helpers/base-workspace.js';
import { edit, error, validateTable } from '../../helpers/rule-tester.js';

const target = (lines: string) => edit('target:\n  type: single\n  value: 86\n', `target:\n${lines}`);

/** The schema of each file, as zod reports it, turned into a position and advice. */
export default validateTable({
  name: 'schema: keys, required fields, values, types and formats',
  valid: [
    {
      name: '"no" and an ISO date where text belongs are text (YAML 1.2)',
      files: {
        [MEASURE]: (b) =>
          edit('service: Repairs', 'service: no')(edit("purpose: Fixing things first time saves tenants' time and money.", 'purpose: 2024-01-01')(b)),
      },
    },
    { name: 'a number in quotes where text belongs', files: { [MEASURE]: edit('service: Repairs', 'service: "2024"') } },
    { name: 'a yearly target keyed by real financial years', files: { [MEASURE]: target('  type: yearly\n  years:\n    2025-26: 86\n    2026-27: 87\n') } },
  ],
  invalid: [
    {
      name: 'a mistyped key in prf.yaml: unknown, and the key it should have been is missing',
      files: { [CONFIG]: edit('organisation:', 'organisaton:') },
      diagnostics: [error(CONFIG, 1, 1, 'schema-missing-field', '"organisation"'), error(CONFIG, 1, 1, 'schema-unknown-key', 'Did you mean "organisation"?')],
    },
    {
      name: 'a mistyped key under roles',
      files: { [MEASURE]: edit('  owner: Head of Repairs', '  owener: Head of Repairs') },
      diagnostics: [error(MEASURE, 26, 1, 'schema-missing-field', '"owner"'), error(MEASURE, 27, 3, 'schema-unknown-key', 'Did you mean "owner"?')],
    },
    {
      name: 'a constructor key is an unknown key like any other',
      files: { [MEASURE]: (b) => `${b}constructor: Object\n` },
      diagnostics: [error(MEASURE, 42, 1, 'schema-unknown-key', 'constructor')],
    },
    {
      name: 'a __proto__ key cannot change how the entry is read',
      files: { [MEASURE]: (b) => `${b}__proto__:\n  polarity: lower\n` },
      diagnostics: [error(MEASURE, 42, 1, 'schema-unknown-key', '__proto__')],
    },
    {
      name: 'a missing required field points at its parent key',
      files: { [MEASURE]: edit('  reviewer: Repairs Manager\n', '') },
      diagnostics: [error(MEASURE, 26, 1, 'schema-missing-field', '"reviewer"')],
    },
    {
      name: 'a missing field whose value is one of a list names the choices',
      files: { [PROJECT]: edit('frequency: quarterly\n', '') },
      diagnostics: [
        error(PROJECT, 1, 1, 'schema-missing-field', 'missing required field "frequency" in the KPI entry (one of monthly, quarterly, biannual, annual)'),
      ],
    },
    {
      name: 'a mistyped polarity gets a suggestion',
      files: { [MEASURE]: edit('polarity: higher', 'polarity: hgiher') },
      diagnostics: [error(MEASURE, 17, 11, 'schema-invalid-value', 'Did you mean "higher"?')],
    },
    {
      name: 'a mistyped target type gets a suggestion',
      files: { [MEASURE]: edit('type: single', 'type: singel') },
      diagnostics: [error(MEASURE, 36, 9, 'schema-invalid-value', 'Did you mean "single"?')],
    },
    {
      name: 'a number where text belongs',
      files: { [MEASURE]: edit('service: Repairs', 'service: 2024') },
      diagnostics: [error(MEASURE, 3, 10, 'schema-type', 'put it in quotes ("2024")')],
    },
    {
      name: 'true where text belongs',
      files: { [MEASURE]: edit('service: Repairs', 'service: true') },
      diagnostics: [error(MEASURE, 3, 10, 'schema-type', 'put it in quotes ("true")')],
    },
    {
      name: 'a number too large for a double (1e400)',
      files: { [MEASURE]: edit('  value: 86', '  value: 1e400') },
      diagnostics: [error(MEASURE, 37, 10, 'schema-type', 'Infinity')],
    },
    { name: 'NaN as a target', files: { [MEASURE]: edit('  value: 86', '  value: .nan') }, diagnostics: [error(MEASURE, 37, 10, 'schema-type', 'NaN')] },
    {
      name: 'a target written as a percentage is text, with the plain number suggested',
      files: { [MEASURE]: edit('  value: 86', '  value: 86%') },
      diagnostics: [error(MEASURE, 37, 10, 'schema-type', 'write it as a plain number (86)')],
    },
    {
      name: 'a yearly target keyed by a malformed financial year',
      files: { [MEASURE]: target('  type: yearly\n  years:\n    2025-26: 86\n    2026-28: 87\n') },
      diagnostics: [error(MEASURE, 39, 5, 'schema-format', '2026-27')],
    },
  ],
});
