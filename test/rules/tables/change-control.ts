import { unrecordedChanges } from '../../../src/rules/change-control.js';
import { BASE_FILES, COMMENTARY, MEASURE, OUTTURNS } from '../../helpers/base-workspace.js';
import { edit, loadValid, warning, type FileChanges, type RuleTable } from '../../helpers/rule-tester.js';

/** The workspace at the --since revision, and as it is now. */
interface SinceCase {
  before?: FileChanges;
  files?: FileChanges;
}

const record = (fields: string, date = '2025-04-01') =>
  `changes:\n  - date: ${date}\n    decision: Agreed at Cabinet\n    approver: Cabinet\n    fields: [${fields}]\n`;
const TARGET_88 = edit('  value: 86', '  value: 88');
const withRecord =
  (fields: string, ...more: ((b: string) => string)[]) =>
  (b: string) =>
    more.reduce((t, change) => change(t), `${b}${record(fields)}`);

/** prf validate --since: a change to what a figure means needs a change record naming the field. */
const table: RuleTable<SinceCase> = {
  name: 'change control (validate --since)',
  run: (c) => {
    const before = loadValid(c.before);
    const after = loadValid(c.files);
    return unrecordedChanges(before.workspace, after.workspace, after.sources.kpis, 'v1');
  },
  valid: [
    { name: 'nothing changed' },
    { name: 'a change to the name, which is not controlled', files: { [MEASURE]: edit('name: Percentage of', 'name: Share of') } },
    { name: 'a target change with a new record naming the target', files: { [MEASURE]: withRecord('target', TARGET_88) } },
  ],
  invalid: [
    {
      name: 'a target change with no record, at the target',
      files: { [MEASURE]: TARGET_88 },
      diagnostics: [warning(MEASURE, 35, 1, 'change-unrecorded', 'target changed since v1 (target: 86% -> 88%)')],
    },
    {
      name: 'a definition change, at the definition',
      files: { [MEASURE]: edit('definition: Repairs completed', 'definition: Jobs completed') },
      diagnostics: [warning(MEASURE, 9, 13, 'change-unrecorded', 'definition changed since v1')],
    },
    {
      name: 'a record naming another field does not cover the target',
      files: { [MEASURE]: withRecord('definition', TARGET_88) },
      diagnostics: [warning(MEASURE, 35, 1, 'change-unrecorded', 'no new entry in changes naming target')],
    },
    {
      name: 'a record there before does not cover a later change',
      before: { [MEASURE]: (b) => `${b}${record('target')}` },
      files: { [MEASURE]: withRecord('target', TARGET_88) },
      diagnostics: [warning(MEASURE, 35, 1, 'change-unrecorded', 'target changed')],
    },
    {
      name: 'a renamed id, in the renamed file',
      files: { [MEASURE]: null, 'kpis/HC-11.yaml': edit('id: HC-01', 'id: HC-11')(BASE_FILES[MEASURE]!), [OUTTURNS]: null, [COMMENTARY]: null },
      diagnostics: [warning('kpis/HC-11.yaml', 1, 5, 'change-unrecorded', 'renamed from HC-01')],
    },
  ],
};
export default table;
