/**
 * The base workspace of the rule tables, in memory: the same bytes as fixtures/validate/_base
 * (a test checks they agree), written out here so a table's line and column can be read off
 * the text beside it. HC-01 is a monthly ratio measure, HC-02 a quarterly project.
 */
export const BASE_FILES: Readonly<Record<string, string>> = {
  'prf.yaml': `organisation: Fixture Council
committees:
  - id: housing-osc
    name: Housing Overview and Scrutiny Committee
priorities:
  - id: homes
    name: Good homes
    aims:
      - id: repairs
        name: Repair homes well
`,
  'kpis/HC-01.yaml': `id: HC-01
name: Percentage of repairs completed at first visit
service: Repairs
committee: housing-osc
priority: homes
aim: repairs
level: kpi
kind: measure
definition: Repairs completed at the first visit as a share of repairs completed.
purpose: Fixing things first time saves tenants' time and money.
formula: Repairs completed at first visit / repairs completed x 100
inclusions: [Responsive repairs]
exclusions: [Planned works]
workedExample: 86 of 100 repairs fixed first time = 86.0%
unit: percentage
decimals: 1
polarity: higher
frequency: monthly
aggregation: ratio
cumulative: false
source:
  system: Repairs system
  systemChanges: None
  manualAmendments: None
  reconciliation: Monthly reconciliation to job tickets
roles:
  owner: Head of Repairs
  collector: Repairs Analyst
  reviewer: Repairs Manager
  headOfService: Assistant Director
  strategicLead: Strategic Director
dataQuality:
  confidence: green
reportingLagDays: 8
target:
  type: single
  value: 86
baseline:
  value: 84.2
  period: 2022-23
benchmarks: []
`,
  'kpis/HC-02.yaml': `id: HC-02
name: Stock condition survey programme
service: Asset Management
committee: housing-osc
priority: homes
aim: repairs
level: kpi
kind: project
definition: Delivery of the five-year stock condition survey programme.
purpose: Knowing the condition of every home.
frequency: quarterly
roles:
  owner: Head of Asset Management
  collector: Surveys Officer
  reviewer: Asset Manager
  headOfService: Assistant Director
  strategicLead: Strategic Director
dataQuality:
  confidence: red
reportingLagDays: 10
`,
  'data/outturns/2025-26.csv': `kpi,period,value,numerator,denominator,reviewed_by,note
HC-01,2025-10,86.0,86,100,Repairs Manager,
HC-01,2025-11,85.5,171,200,Repairs Manager,
HC-01,2025-12,87.0,87,100,,awaiting sign-off
`,
  'data/commentary/2025-26-Q3.yaml': `period: 2025-26-Q3
kpis:
  HC-01:
    overview: Performance recovered in December after a new scheduling system.
    actions:
      - action: Extend van stock for common parts
        owner: Head of Repairs
        due: 2026-02-28
  HC-02:
    status: amber
    narrative: Surveys are two months behind; a second contractor starts in January.
achievements:
  - kpi: HC-01
    text: Best December on record.
`,
};

/** The base workspace's files, by what they are. */
export const CONFIG = 'prf.yaml';
export const MEASURE = 'kpis/HC-01.yaml';
export const PROJECT = 'kpis/HC-02.yaml';
export const OUTTURNS = 'data/outturns/2025-26.csv';
export const COMMENTARY = 'data/commentary/2025-26-Q3.yaml';
