import { BASE_FILES, COMMENTARY, MEASURE } from '../../helpers/base-workspace.js';
import { edit, error, validateTable, warning } from '../../helpers/rule-tester.js';

// The base commentary, for reference:
//   1 period: 2025-26-Q3      3   HC-01: (overview, actions)      9   HC-02: (status, narrative)
//   12 achievements: 13   - kpi: HC-01
const notes = (from: string, to: string) => ({ [COMMENTARY]: edit(from, to) });

/** Commentary files: one per period, for known KPIs, with the parts each kind of KPI needs. */
export default validateTable({
  name: 'commentary rules',
  valid: [
    {
      name: 'a commentary for another quarter beside it',
      files: { 'data/commentary/2025-26-Q2.yaml': edit('period: 2025-26-Q3', 'period: 2025-26-Q2')(BASE_FILES[COMMENTARY]!) },
    },
    {
      name: 'a measure needs no commentary at all',
      files: notes(
        '  HC-01:\n    overview: Performance recovered in December after a new scheduling system.\n    actions:\n      - action: Extend van stock for common parts\n        owner: Head of Repairs\n        due: 2026-02-28\n',
        '',
      ),
    },
    {
      name: 'a case study for the annual review, about a KPI',
      files: notes(
        'achievements:',
        'caseStudies:\n  - title: Faster repairs\n    kpi: HC-01\n    text: Residents told us repairs now happen in one visit.\nachievements:',
      ),
    },
    {
      name: 'a covering report for a committee prf.yaml lists',
      files: { [COMMENTARY]: (b: string) => `${b}committees:\n  housing-osc:\n    agendaItem: '7'\n` },
    },
  ],
  invalid: [
    {
      name: 'a covering report for a committee prf.yaml does not list',
      files: { [COMMENTARY]: (b: string) => `${b}committees:\n  housing-scrutiny:\n    agendaItem: '7'\n` },
      diagnostics: [error(COMMENTARY, 16, 3, 'commentary-unknown-committee', '"housing-scrutiny" is not a committee in prf.yaml')],
    },
    {
      name: 'a quarter that does not exist',
      files: notes('period: 2025-26-Q3', 'period: 2025-26-Q5'),
      diagnostics: [error(COMMENTARY, 1, 9, 'schema-format', 'Q1 to Q4')],
    },
    {
      name: 'two commentary files for one quarter',
      files: { 'data/commentary/q3-copy.yaml': BASE_FILES[COMMENTARY]! },
      diagnostics: [
        error('data/commentary/q3-copy.yaml', 1, 9, 'commentary-duplicate-period', 'already in data/commentary/2025-26-Q3.yaml: keep one file per period'),
      ],
    },
    // A measure's commentary without its overview is the end-to-end scenario commentary-missing-overview.
    {
      name: 'a project without its status',
      files: notes('    status: amber\n', ''),
      diagnostics: [error(COMMENTARY, 9, 3, 'commentary-missing-part', 'no status: add it')],
    },
    {
      name: 'a project without status or narrative',
      files: notes('    status: amber\n    narrative: Surveys are two months behind; a second contractor starts in January.\n', '    overview: Behind.\n'),
      diagnostics: [error(COMMENTARY, 9, 3, 'commentary-missing-part', 'no status or narrative: add them')],
    },
    {
      name: 'a status written for a measure, whose status prf computes',
      files: notes('  HC-01:\n', '  HC-01:\n    status: red\n'),
      diagnostics: [warning(COMMENTARY, 4, 5, 'commentary-status-for-measure', 'ignored')],
    },
    {
      name: 'commentary for a KPI that does not exist',
      files: notes('  HC-01:', '  HC-1:'),
      diagnostics: [error(COMMENTARY, 3, 3, 'commentary-unknown-kpi', 'Did you mean "HC-01"?')],
    },
    {
      name: 'an achievement for a KPI that does not exist',
      files: notes('  - kpi: HC-01', '  - kpi: HC-10'),
      diagnostics: [error(COMMENTARY, 13, 10, 'commentary-unknown-kpi', '"HC-10" is not a KPI')],
    },
    {
      name: 'a case study for a KPI that does not exist',
      files: notes(
        'achievements:',
        'caseStudies:\n  - title: Faster repairs\n    kpi: HC-10\n    text: Residents told us repairs now happen in one visit.\nachievements:',
      ),
      diagnostics: [error(COMMENTARY, 14, 10, 'commentary-unknown-kpi', '"HC-10" is not a KPI')],
    },
    {
      name: 'a case study without its text for residents',
      files: notes('achievements:', 'caseStudies:\n  - title: Faster repairs\nachievements:'),
      diagnostics: [error(COMMENTARY, 13, 5, 'schema-missing-field', 'text')],
    },
    {
      name: 'a KPI whose own file is broken: its commentary is not reported as unknown',
      files: { [MEASURE]: edit('decimals: 1', 'decimals: one') },
      diagnostics: [error(MEASURE, 16, 11, 'schema-type')],
    },
  ],
});
