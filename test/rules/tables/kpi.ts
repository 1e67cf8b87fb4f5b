import { BASE_FILES, COMMENTARY, MEASURE, OUTTURNS, PROJECT } from '../../helpers/base-workspace.js';
import { edit, error, validateTable, warning, type FileChange } from '../../helpers/rule-tester.js';

const target = (lines: string) => edit('target:\n  type: single\n  value: 86\n', `target:\n${lines}`);
const benchmarks = (upper: number, median: number, lower: number) =>
  `benchmarks:\n  - year: 2024-25\n    group: Housemark peer group\n    upperQuartile: ${upper}\n    median: ${median}\n    lowerQuartile: ${lower}\n`;
const withBenchmarks = (upper: number, median: number, lower: number) => edit('benchmarks: []\n', benchmarks(upper, median, lower));
const both =
  (...changes: ((base: string) => string)[]): FileChange =>
  (base) =>
    changes.reduce((text, change) => change(text), base);
// A KPI whose frequency or unit no longer fits the base figures is tested without them.
const NO_FIGURES = { [OUTTURNS]: null } as const;
const QUARTERS = '  type: profiled\n  profile: { Q1: 85, Q2: 86, Q3: 86, Q4: 87 }\n';
// A year-to-date count: summed, cumulative, with the base's single annual target.
const YEAR_TO_DATE = [edit('unit: percentage', 'unit: number'), edit('aggregation: ratio', 'aggregation: sum'), edit('cumulative: false', 'cumulative: true')];
// Lines appended after the base entry's last line (41), so the first is line 42.
const appended = (lines: string) => (base: string) => `${base}${lines}`;
const processChange = (date: string) => appended(`processChanges:\n  - date: ${date}\n    change: New repairs contract\n    decidedBy: Cabinet\n`);
const MONTHS = '  type: profiled\n  profile: { Jan: 1, Feb: 1, Mar: 1, Apr: 1, May: 1, Jun: 1, Jul: 1, Aug: 1, Sep: 1, Oct: 1, Nov: 1, Dec: 1 }\n';

/** A KPI entry's rules beyond its schema: its id, the config's lists, roles, targets, benchmarks, recommended fields. */
export default validateTable({
  name: 'KPI entry rules',
  valid: [
    { name: 'a .yml file named after its id', files: { 'kpis/HC-03.yml': edit('id: HC-02', 'id: HC-03')(BASE_FILES[PROJECT]!) } },
    { name: 'a reviewer who is not the collector', files: { [MEASURE]: edit('reviewer: Repairs Manager', 'reviewer: Repairs Analyst Lead') } },
    { name: 'a percentage target of 100, the top of the range', files: { [MEASURE]: edit('  value: 86', '  value: 100') } },
    { name: 'a percentage target of 0, the bottom of the range', files: { [MEASURE]: edit('  value: 86', '  value: 0') } },
    {
      name: 'a count with a target of 0',
      files: {
        ...NO_FIGURES,
        [MEASURE]: both(edit('unit: percentage', 'unit: number'), edit('aggregation: ratio', 'aggregation: sum'), edit('  value: 86', '  value: 0')),
      },
    },
    { name: 'a quarterly profile with every quarter', files: { [MEASURE]: target(QUARTERS) } },
    { name: 'a monthly profile with every month, on a monthly KPI', files: { [MEASURE]: target(MONTHS) } },
    { name: 'benchmarks in order for higher-is-better', files: { [MEASURE]: withBenchmarks(90, 85, 80) } },
    { name: 'benchmark quartiles all equal', files: { [MEASURE]: withBenchmarks(85, 85, 85) } },
    { name: 'benchmarks in order for lower-is-better', files: { [MEASURE]: both(edit('polarity: higher', 'polarity: lower'), withBenchmarks(80, 85, 90)) } },
    {
      name: 'benchmarks in any order for a neutral KPI',
      files: { [MEASURE]: both(edit('polarity: higher', 'polarity: neutral'), withBenchmarks(80, 90, 85)) },
    },
    { name: 'a declared range in order, with the best value inside it', files: { [MEASURE]: appended('range:\n  min: 0\n  max: 100\nbest: 100\n') } },
    {
      name: 'a year-to-date total whose target is spread over the year',
      files: { ...NO_FIGURES, [MEASURE]: both(...YEAR_TO_DATE, edit('  value: 86\n', '  value: 86\n  profile: linear\n')) },
    },
    { name: 'a process change within the figures', files: { [MEASURE]: processChange('2025-11-01') } },
  ],
  invalid: [
    {
      name: 'the id differs from the file name',
      files: { [MEASURE]: edit('id: HC-01', 'id: HC-09'), [OUTTURNS]: null, [COMMENTARY]: null },
      diagnostics: [error(MEASURE, 1, 5, 'kpi-id-file-mismatch', 'rename the file to HC-09.yaml')],
    },
    {
      name: 'two files with one id',
      files: { 'kpis/more/HC-01.yaml': BASE_FILES[MEASURE]! },
      diagnostics: [error('kpis/more/HC-01.yaml', 1, 5, 'kpi-duplicate-id', 'already defined in kpis/HC-01.yaml')],
    },
    {
      name: 'a committee prf.yaml does not list, with a suggestion',
      files: { [MEASURE]: edit('committee: housing-osc', 'committee: housing-ocs') },
      diagnostics: [error(MEASURE, 4, 12, 'kpi-unknown-committee', 'Did you mean "housing-osc"?')],
    },
    {
      name: 'a committee like none listed names those there are',
      files: { [MEASURE]: edit('committee: housing-osc', 'committee: finance') },
      diagnostics: [error(MEASURE, 4, 12, 'kpi-unknown-committee', 'Known committees: housing-osc.')],
    },
    {
      name: 'a priority prf.yaml does not list',
      files: { [MEASURE]: edit('priority: homes', 'priority: homez') },
      diagnostics: [error(MEASURE, 5, 11, 'kpi-unknown-priority', 'Did you mean "homes"?')],
    },
    {
      name: 'an aim not under the priority',
      files: { [MEASURE]: edit('aim: repairs', 'aim: repair') },
      diagnostics: [error(MEASURE, 6, 6, 'kpi-unknown-aim', 'Did you mean "repairs"?')],
    },
    {
      name: 'the reviewer is the collector',
      files: { [MEASURE]: edit('reviewer: Repairs Manager', 'reviewer: Repairs Analyst') },
      diagnostics: [error(MEASURE, 29, 13, 'kpi-reviewer-is-collector', 'Repairs Analyst')],
    },
    {
      name: 'the reviewer is the collector, written in other case and spacing',
      files: { [MEASURE]: edit('reviewer: Repairs Manager', 'reviewer: " repairs analyst "') },
      diagnostics: [error(MEASURE, 29, 13, 'kpi-reviewer-is-collector')],
    },
    {
      name: 'a percentage target above 100',
      files: { [MEASURE]: edit('  value: 86', '  value: 100.5') },
      diagnostics: [error(MEASURE, 37, 10, 'kpi-target-out-of-range', 'target 100.5')],
    },
    {
      name: 'a negative percentage target',
      files: { [MEASURE]: edit('  value: 86', '  value: -1') },
      diagnostics: [error(MEASURE, 37, 10, 'kpi-target-out-of-range', 'target -1')],
    },
    {
      name: 'a count with a negative target',
      files: {
        ...NO_FIGURES,
        [MEASURE]: both(edit('unit: percentage', 'unit: number'), edit('aggregation: ratio', 'aggregation: sum'), edit('  value: 86', '  value: -1')),
      },
      diagnostics: [error(MEASURE, 37, 10, 'kpi-target-out-of-range', 'a count cannot be negative')],
    },
    {
      name: 'a profile target out of range, at its quarter',
      files: { [MEASURE]: target('  type: profiled\n  profile:\n    Q1: 85\n    Q2: 86\n    Q3: 101\n    Q4: 87\n') },
      diagnostics: [error(MEASURE, 40, 9, 'kpi-target-out-of-range', 'target 101')],
    },
    {
      name: 'a quarterly profile missing Q4',
      files: { [MEASURE]: target('  type: profiled\n  profile: { Q1: 85, Q2: 86, Q3: 86 }\n') },
      diagnostics: [error(MEASURE, 37, 3, 'kpi-target-profile-incomplete', 'no target for Q4')],
    },
    {
      name: 'a profile mixing quarters and months',
      files: { [MEASURE]: target('  type: profiled\n  profile: { Q1: 85, Q2: 86, Q3: 86, Q4: 87, Jan: 86 }\n') },
      diagnostics: [error(MEASURE, 37, 3, 'kpi-target-profile-incomplete', 'mixes quarters and months')],
    },
    {
      name: 'a monthly profile on a quarterly KPI',
      files: { ...NO_FIGURES, [MEASURE]: both(edit('frequency: monthly', 'frequency: quarterly'), target(MONTHS)) },
      diagnostics: [error(MEASURE, 37, 3, 'kpi-target-profile-frequency', 'profile by quarter')],
    },
    {
      name: 'any profile on an annual KPI',
      files: { ...NO_FIGURES, [MEASURE]: both(edit('frequency: monthly', 'frequency: annual'), target(QUARTERS)) },
      diagnostics: [error(MEASURE, 37, 3, 'kpi-target-profile-frequency', 'collected annually')],
    },
    {
      name: 'benchmark quartiles in the wrong order for higher-is-better',
      files: { [MEASURE]: withBenchmarks(80, 85, 90) },
      diagnostics: [error(MEASURE, 42, 5, 'kpi-benchmark-order', 'upper quartile (best) must be at or above the median')],
    },
    {
      name: 'benchmark quartiles in the wrong order for lower-is-better',
      files: { [MEASURE]: both(edit('polarity: higher', 'polarity: lower'), withBenchmarks(90, 85, 80)) },
      diagnostics: [error(MEASURE, 42, 5, 'kpi-benchmark-order', 'at or below')],
    },
    {
      name: 'no worked example is a warning',
      files: { [MEASURE]: edit('workedExample: 86 of 100 repairs fixed first time = 86.0%\n', '') },
      diagnostics: [warning(MEASURE, 1, 1, 'kpi-recommended-missing', 'HC-01 has no workedExample')],
    },
    {
      name: 'no baseline is a warning',
      files: { [MEASURE]: edit('baseline:\n  value: 84.2\n  period: 2022-23\n', '') },
      diagnostics: [warning(MEASURE, 1, 1, 'kpi-recommended-missing', 'HC-01 has no baseline')],
    },
    {
      name: 'no benchmarks, an error with --strict',
      strict: true,
      files: { [MEASURE]: edit('benchmarks: []\n', '') },
      diagnostics: [error(MEASURE, 1, 1, 'kpi-recommended-missing', 'or benchmarks: [] if none exists')],
    },
    {
      name: 'a declared range with its minimum above its maximum',
      files: { ...NO_FIGURES, [MEASURE]: appended('range:\n  min: 100\n  max: 0\n') },
      diagnostics: [error(MEASURE, 42, 1, 'kpi-range-order', 'the minimum 100 is above the maximum 0')],
    },
    {
      name: 'a best value outside the declared range',
      files: { [MEASURE]: appended('range:\n  min: 0\n  max: 90\nbest: 95\n') },
      diagnostics: [error(MEASURE, 45, 7, 'kpi-range-order', 'best 95 lies outside the declared range 0 to 90')],
    },
    {
      name: 'a year-to-date total with one annual target',
      files: { ...NO_FIGURES, [MEASURE]: both(...YEAR_TO_DATE) },
      diagnostics: [warning(MEASURE, 35, 1, 'kpi-target-cumulative-annual', 'add profile: linear to the target')],
    },
    {
      name: "a KPI's own status rule whose last band stops",
      files: { [MEASURE]: appended('ragg:\n  rule:\n    bands:\n      - status: green\n        upTo: 0.05\n      - status: red\n        upTo: 0.1\n') },
      diagnostics: [error(MEASURE, 48, 15, 'ragg-rule-coverage', 'ragg: the last band (Red) stops at 0.1')],
    },
    {
      name: 'a process change before the first figure',
      files: { [MEASURE]: processChange('2020-01-01') },
      diagnostics: [error(MEASURE, 43, 11, 'process-change-outside-series', 'is before the first figure (2025-10, from 2025-10-01)')],
    },
    {
      name: 'a process change after the latest figure',
      files: { [MEASURE]: processChange('2026-03-01') },
      diagnostics: [error(MEASURE, 43, 11, 'process-change-outside-series', 'is after the latest figure (2025-12, to 2025-12-31)')],
    },
    {
      name: 'a process change on a KPI with no figures',
      files: { ...NO_FIGURES, [MEASURE]: processChange('2025-11-01') },
      diagnostics: [error(MEASURE, 43, 11, 'process-change-outside-series', 'on a KPI with no figures yet')],
    },
  ],
});
