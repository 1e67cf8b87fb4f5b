/**
 * Small workspaces built in memory from the text a council's officer would write: prf.yaml,
 * one YAML file per KPI and an outturn CSV, read by the real loader.
 */
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Workspace } from '../../src/model/workspace.js';
import { sourceInMemory } from '../../src/load/decode.js';

const bytes = (text: string) => new TextEncoder().encode(text);

export function prfYaml(ragg: string): string {
  return `organisation: Test Council
committees:
  - id: osc
    name: Overview and Scrutiny Committee
priorities:
  - id: homes
    name: Good homes
    aims:
      - id: repairs
        name: Repair homes well
${ragg}
`;
}

export interface KpiText {
  id: string;
  unit?: string;
  decimals?: number;
  polarity?: 'higher' | 'lower';
  frequency?: string;
  aggregation?: string;
  cumulative?: boolean;
  /** YAML lines for the target (indented under target:). */
  target: string;
  /** Extra top-level YAML (ragg:, notApplicable:, range:, best:). */
  extra?: string;
}

export function kpiYaml(k: KpiText): string {
  return `id: ${k.id}
name: Measure ${k.id}
service: Housing
committee: osc
priority: homes
aim: repairs
level: kpi
kind: measure
definition: What it measures
purpose: Why it is measured
formula: a / b
workedExample: 3 of 100 is 3%
unit: ${k.unit ?? 'percentage'}
decimals: ${k.decimals ?? 2}
polarity: ${k.polarity ?? 'higher'}
frequency: ${k.frequency ?? 'quarterly'}
aggregation: ${k.aggregation ?? 'mean'}
cumulative: ${k.cumulative ?? false}
roles:
  owner: Owner
  collector: Collector
  reviewer: Reviewer
  headOfService: Head
  strategicLead: Director
dataQuality:
  confidence: green
reportingLagDays: 8
source:
  system: System
  systemChanges: none known
  manualAmendments: none
  reconciliation: none
baseline:
  value: null
  note: new measure
benchmarks: []
target:
${k.target}
${k.extra ?? ''}
`;
}

export function councilWorkspace(ragg: string, kpis: KpiText[], csvRows: string[]): { workspace: Workspace; diagnostics: Diagnostic[] } {
  const result = loadWorkspace({
    config: sourceInMemory('prf.yaml', bytes(prfYaml(ragg))),
    kpis: kpis.map((k) => sourceInMemory(`kpis/${k.id}.yaml`, bytes(kpiYaml(k)))),
    outturns: [sourceInMemory('data/outturns/2025-26.csv', bytes(['kpi,period,value,numerator,denominator,reviewed_by,note', ...csvRows].join('\n')))],
    commentary: [],
    readProblems: [],
  });
  if (!result.workspace) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return { workspace: result.workspace, diagnostics: result.diagnostics };
}
