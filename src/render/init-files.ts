/**
 * The files of a new workspace, as text: pure, so a test can read exactly what `prf init` writes.
 *
 * The `$schema` lines point at `schemas/*.json` copies written into the workspace itself, made
 * from the running prf's own schemas: they work offline, in an editor with no node_modules, and
 * they match the prf that made them (`prf init` in a scratch folder refreshes them after an
 * upgrade; see docs/guide/workspace.md).
 */
import { stringify } from 'yaml';
import { PUBLISHED_SCHEMAS, toJsonSchemaText } from '../model/schemas.js';
import type { InitAnswers } from '../core/init-answers.js';
import { TSM_BENCHMARKS_CONFIG, TSM_PRIORITY, tsmKpiFiles } from './tsm-starter.js';

export interface WorkspaceFile {
  path: string;
  data: string;
}

export const EXAMPLE_KPI_ID = 'CS-01';

const yaml = (value: unknown) => stringify(value, { lineWidth: 100 });

function configText(a: InitAnswers, tsm: boolean): string {
  const config = {
    organisation: a.organisation,
    financialYearStartMonth: a.financialYearStartMonth,
    committees: a.committees,
    priorities: a.priorities,
  };
  return [
    '# yaml-language-server: $schema=./schemas/config.schema.json',
    '#',
    '# The workspace settings. The RAGG band (ragg:), the 70% check (improvement:), SPC settings (spc:)',
    '# and folders (paths:) take their defaults until set here; the README lists each.',
    yaml(config) + (tsm ? TSM_BENCHMARKS_CONFIG : ''),
  ].join('\n');
}

function exampleKpiText(a: InitAnswers): string {
  const priority = a.priorities[0]!;
  const entry = {
    id: EXAMPLE_KPI_ID,
    name: 'Percentage of stage 1 complaints answered within 10 working days',
    service: 'Customer Services',
    committee: a.committees[0]!.id,
    priority: priority.id,
    aim: priority.aims[0]!.id,
    level: 'kpi',
    kind: 'measure',
    definition: 'Stage 1 complaints answered in full within 10 working days of being logged, as a share of the stage 1 complaints answered in the period.',
    purpose: "A prompt answer is what complainants most often ask for, and the Housing Ombudsman's Complaint Handling Code sets 10 working days.",
    formula: 'Stage 1 complaints answered within 10 working days / stage 1 complaints answered x 100',
    inclusions: ['Every stage 1 complaint answered in the period, whichever service it concerns'],
    exclusions: ['Service requests and comments that are not complaints', 'Complaints withdrawn before an answer was due'],
    workedExample: '171 of 190 stage 1 complaints answered in October were answered within 10 working days: 171 / 190 x 100 = 90.0%.',
    unit: 'percentage',
    decimals: 1,
    polarity: 'higher',
    frequency: 'monthly',
    aggregation: 'ratio',
    cumulative: false,
    source: {
      system: 'The complaints case management system',
      systemChanges: 'None known',
      manualAmendments: 'None',
      reconciliation: 'Cases still open at month end are checked against the log before the figure is produced',
    },
    roles: {
      owner: 'Head of Customer Services',
      collector: 'Complaints Officer',
      reviewer: 'Customer Services Manager',
      headOfService: 'Head of Customer Services',
      strategicLead: 'Chief Executive',
    },
    dataQuality: { confidence: 'green' },
    reportingLagDays: 8,
    target: { type: 'single', value: 95 },
    baseline: { value: null, note: "A new measure: the first year's figures set the baseline" },
    benchmarks: [],
    changes: [],
  };
  return [
    '# yaml-language-server: $schema=../schemas/kpi.schema.json',
    '#',
    `# An example entry, complete and valid: change it into one of ${a.organisation}'s own measures or`,
    '# delete it. `prf new KPI-ID` writes a new entry with every field and a comment on each.',
    yaml(entry),
  ].join('\n');
}

const GITIGNORE = [
  '# Papers and return forms are made from the files in git; keep them out of it. Each published',
  "# set's manifest.json stays: it records what went out, for prf verify and prf site.",
  'reports/**',
  '!reports/*/',
  '!reports/*/manifest.json',
  '# prf itself, installed with npm install --save-dev.',
  'node_modules/',
  '# Temporary files of an interrupted prf write, and the lock of a prf that is writing (or was killed).',
  '.prf-tmp-*',
  '.prf-lock',
  '',
].join('\n');

const WORKFLOW = `# Checks the KPI dictionary, outturns and commentary on every push and pull request; each problem
# is marked on its line in the pull request.
#
# prf is installed from the package in vendor/ (package.json: "prf": "file:vendor/prf-VERSION.tgz"),
# so CI needs nothing beyond the npm registry for prf's own dependencies. Commit package.json,
# package-lock.json and vendor/ (README.md says how). "npx --no" runs that installed copy and
# never downloads whatever package happens to be called prf on the npm registry.
name: prf
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm ci --no-audit --no-fund
      - run: npx --no prf validate --strict --format github
`;

/** The file name of prf's package in vendor/, as package.json names it. */
export const vendorPackage = (version: string) => `vendor/prf-${version}.tgz`;

function packageJsonText(a: InitAnswers, version: string): string {
  const name =
    a.organisation
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'workspace';
  const pkg = {
    name: `${name}-performance`,
    private: true,
    description: `${a.organisation}'s KPI dictionary, outturns and commentary, checked and reported with prf`,
    scripts: { validate: 'prf validate --strict', status: 'prf status', due: 'prf due', report: 'prf report' },
    devDependencies: { prf: `file:${vendorPackage(version)}` },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function readmeText(a: InitAnswers, version: string): string {
  return `# ${a.organisation}: performance management

The KPI dictionary (\`kpis/\`), the outturns (\`data/outturns/\`) and each period's commentary
(\`data/commentary/\`), kept in git and checked by prf on every push (\`.github/workflows/prf.yml\`).
prf is not on the npm registry: it is installed from its package in \`vendor/\`, and its guide comes
with it, in \`node_modules/prf/docs/guide/\` (\`onboarding.md\` first).

## Setting up (once)

1. Put prf's package in \`vendor/\`: \`${vendorPackage(version)}\` (\`npm pack\` in prf's own folder
   makes it; \`prf init --package FILE\` copies it here). package.json installs prf from it, so CI
   needs no registry entry for prf.
2. \`npm install\`, then commit \`package.json\`, \`package-lock.json\` and \`vendor/\`.
3. \`npx prf validate --strict\` (or \`npm run validate\`) should say "no problems".

To upgrade prf, put the new package in \`vendor/\`, change the version in package.json and run
\`npm install\` again.

## From spreadsheets to the first paper

1. \`npx prf adopt dictionary KPI-LIST.xlsx\`: a draft entry per measure; fill the blanks
   \`npx prf validate --strict\` names.
2. \`npx prf import HISTORY.xlsx\`: past figures from a sheet with a KPI a row and a period a column.
3. \`npx prf collect\`: a return form per data collector for the quarter in progress;
   \`npx prf import\` the filled forms.
4. \`npx prf signoff q3 --by "REVIEWER ROLE"\`: each data reviewer signs off their figures.
5. \`npx prf commentary q3\`: a skeleton for each off-target KPI's exception report, to fill.
6. \`npx prf due q3\` shows what is still owed and by whom; \`npx prf report q3\` writes the papers.

\`npx prf --help\` lists every command; \`npx prf COMMAND --help\` explains one.
`;
}

const TEMPLATES_README =
  "# Your report templates\n\nCopies of prf's report templates go here and override the defaults by name: `prf templates copy paper.html` puts one here to edit, `prf templates list` shows which are in use.\n";

const OUTTURNS_README =
  '# Outturns\n\nOne CSV per financial year (`2025-26.csv`), one row per KPI and period, columns `kpi,period,value,numerator,denominator,reviewed_by,note`. `prf import` adds the figures from filled return forms (`prf collect`) or from CSVs; you can also edit the files in a spreadsheet and save as "CSV UTF-8".\n';

const COMMENTARY_README =
  '# Commentary\n\nOne YAML file per period (`2025-26-Q1.yaml`): the exception report of each off-target KPI (overview, actions, barriers, likely outturn), the status and narrative of projects, achievements and the forward look. The schema is `schemas/commentary.schema.json`.\n';

/**
 * Every file of a new workspace, by workspace-relative path, for prf `version` (its package.json
 * installs that version). With `tsm`, the dictionary is the Tenant Satisfaction Measures (under
 * their own priority, whose aims are the regulator's themes) instead of the example entry, and
 * prf.yaml declares TSM peer groups.
 */
export function initFiles(answers: InitAnswers, version: string, options: { tsm?: boolean } = {}): WorkspaceFile[] {
  const tsm = options.tsm === true;
  const a = tsm && !answers.priorities.some((p) => p.id === TSM_PRIORITY.id) ? { ...answers, priorities: [...answers.priorities, TSM_PRIORITY] } : answers;
  const schemas = Object.entries(PUBLISHED_SCHEMAS).map(([name, schema]) => ({ path: `schemas/${name}`, data: toJsonSchemaText(schema) }));
  return [
    { path: 'prf.yaml', data: configText(a, tsm) },
    ...(tsm ? tsmKpiFiles(a) : [{ path: `kpis/${EXAMPLE_KPI_ID}.yaml`, data: exampleKpiText(a) }]),
    { path: 'data/outturns/README.md', data: OUTTURNS_README },
    { path: 'data/commentary/README.md', data: COMMENTARY_README },
    { path: 'templates/README.md', data: TEMPLATES_README },
    { path: '.gitignore', data: GITIGNORE },
    { path: '.github/workflows/prf.yml', data: WORKFLOW },
    { path: 'package.json', data: packageJsonText(a, version) },
    { path: 'README.md', data: readmeText(a, version) },
    ...schemas,
  ];
}
