import type { Status } from '../core/ragg.js';
import type { KpiStatus } from '../core/status.js';
import type { Workspace } from '../model/workspace.js';
import type { Cell, FieldSpec, IndicatorMeta } from './open-data.js';

/**
 * The open data tables' columns and rows. Column names are lower case with underscores, as
 * reusers' tools expect; each has a title and a plain-English description in the package.
 */

const STATUSES: readonly Status[] = ['red', 'amber', 'green', 'grey', 'missing', 'na'];

export const SERIES_FIELDS: readonly FieldSpec[] = [
  { name: 'kpi', type: 'string', title: 'Indicator', description: 'The indicator’s reference (id in the indicators table)', required: true },
  { name: 'period', type: 'string', title: 'Period', description: 'Financial year 2025-26, quarter 2025-26-Q3 or month 2025-10', required: true },
  { name: 'value', type: 'number', title: 'Figure', description: 'The figure for the period; empty when there is none' },
  { name: 'unit', type: 'string', title: 'Unit', description: 'percentage, number, days, currency or rate; empty for a project or narrative indicator' },
];

export const INDICATOR_FIELDS: readonly FieldSpec[] = [
  { name: 'id', type: 'string', title: 'Reference', description: 'The indicator’s stable reference', required: true },
  { name: 'name', type: 'string', title: 'Name', description: 'The indicator as published', required: true },
  { name: 'priority', type: 'string', title: 'Council Plan priority', description: 'The priority the indicator serves', required: true },
  { name: 'service', type: 'string', title: 'Service', description: 'The service that owns the indicator', required: true },
  { name: 'owner', type: 'string', title: 'Owner', description: 'The role accountable for the indicator', required: true },
  { name: 'committee', type: 'string', title: 'Committee', description: 'The committee it is reported to', required: true },
  {
    name: 'kind',
    type: 'string',
    title: 'Kind',
    description: 'measure (a figure), project or narrative',
    values: ['measure', 'project', 'narrative'],
    required: true,
  },
  { name: 'definition', type: 'string', title: 'Definition', description: 'What the indicator measures', required: true },
  { name: 'purpose', type: 'string', title: 'Why it matters', description: 'Why it is measured', required: true },
  { name: 'formula', type: 'string', title: 'How it is calculated', description: 'The calculation; empty for a project or narrative' },
  { name: 'unit', type: 'string', title: 'Unit', description: 'percentage, number, days, currency or rate' },
  { name: 'decimals', type: 'integer', title: 'Decimal places', description: 'Decimal places the figure is reported to' },
  { name: 'polarity', type: 'string', title: 'Better when', description: 'higher or lower is better, or neutral', values: ['higher', 'lower', 'neutral'] },
  { name: 'frequency', type: 'string', title: 'How often', description: 'How often a figure is reported', required: true },
  { name: 'source', type: 'string', title: 'Where the data comes from', description: 'The system the figure is taken from' },
];

export const STATUS_FIELDS: readonly FieldSpec[] = [
  {
    name: 'period',
    type: 'string',
    title: 'Period',
    description: 'The published quarter, e.g. 2025-26-Q3, or year (2024-25) where only annual figures are published',
    required: true,
  },
  { name: 'kpi', type: 'string', title: 'Indicator', description: 'The indicator’s reference (id in the indicators table)', required: true },
  {
    name: 'value',
    type: 'number',
    title: 'Figure',
    description: 'The figure as printed in the paper (year to date where the indicator is cumulative); empty when there is none',
  },
  { name: 'target', type: 'number', title: 'Target', description: 'The target for the period; empty when there is none' },
  {
    name: 'status',
    type: 'string',
    title: 'Status',
    description: 'red, amber, green, grey (no target, or not yet due), missing (due, not received) or na (does not apply)',
    values: STATUSES,
    required: true,
  },
  { name: 'on_target', type: 'boolean', title: 'On target', description: 'Amber, green and grey count as on target; empty for missing and not applicable' },
  { name: 'explanation', type: 'string', title: 'Why', description: 'Why the indicator has its status, in one sentence', required: true },
];

export function indicatorRow(workspace: Workspace, k: KpiStatus): Cell[] {
  const entry = workspace.kpis.find((e) => e.id === k.id)!;
  const measure = entry.kind === 'measure' ? entry : null;
  return [
    k.id,
    k.name,
    priorityName(workspace, k.priority),
    k.service,
    entry.roles.owner,
    committeeName(workspace, k.committee),
    entry.kind,
    entry.definition,
    entry.purpose,
    measure?.formula ?? null,
    measure?.unit ?? null,
    measure?.decimals ?? null,
    measure?.polarity ?? null,
    entry.frequency,
    entry.source?.system ?? null,
  ];
}

export function statusRow(period: string, k: KpiStatus): Cell[] {
  return [period, k.id, k.value, k.target, k.status, k.onTarget, k.explanation];
}

export function indicatorMeta(workspace: Workspace, k: KpiStatus): IndicatorMeta {
  const entry = workspace.kpis.find((e) => e.id === k.id)!;
  return {
    id: k.id,
    name: k.name,
    definition: entry.definition,
    purpose: entry.purpose,
    unit: k.unit,
    polarity: k.polarity,
    service: k.service,
    owner: entry.roles.owner,
    priority: priorityName(workspace, k.priority),
    committee: committeeName(workspace, k.committee),
    frequency: entry.frequency,
  };
}

function priorityName(workspace: Workspace, id: string): string {
  return workspace.config.priorities.find((p) => p.id === id)?.name ?? id;
}

function committeeName(workspace: Workspace, id: string): string {
  return workspace.config.committees.find((c) => c.id === id)?.name ?? id;
}
