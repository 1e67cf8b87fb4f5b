/**
 * A new dictionary entry as YAML text, every field present with a one-line comment saying what
 * goes there. What only the officer can know is left blank (an empty text, a null number) so
 * that `prf validate --strict` names each blank and nothing else; what has a sensible default
 * (level, kind, decimals, lag) carries it, and its comment lists the alternatives.
 */
import { Document, isMap, isPair, isScalar, type Pair } from 'yaml';
import type { Config } from '../model/config.js';
import type { Kpi } from '../model/kpi.js';

const COMMENTS: Record<string, string> = {
  id: 'Stable reference, printed on papers; the file is named after it',
  name: "The measure's name as published",
  service: 'The service that delivers it',
  committee: 'The committee it reports to: an id from prf.yaml',
  priority: 'The Council Plan priority it serves: an id from prf.yaml',
  aim: 'The aim under that priority: an id from prf.yaml',
  level: 'kpi (committee) | spi (service) | tracker (monitoring only)',
  regulatorCode: 'Code of a regulatory return, e.g. TSM TP01 (optional)',
  kind: 'measure (a figure) | project | narrative (status and text in commentary)',
  definition: 'What the indicator measures, in plain words',
  purpose: 'Why it is measured',
  formula: 'How the figure is calculated, e.g. A / B x 100',
  inclusions: 'What is counted (a list; may be empty)',
  exclusions: 'What is left out (a list; may be empty)',
  workedExample: 'A worked calculation anyone can reproduce',
  unit: 'percentage | number | days | currency | rate',
  unitLabel: 'How the unit reads, e.g. per 1,000 homes (optional)',
  decimals: 'Decimal places to report to',
  polarity: 'higher | lower (is better) | neutral',
  frequency: 'monthly | quarterly | biannual | annual',
  aggregation: 'How months roll up: sum | mean | last (snapshot) | ratio (numerator / denominator)',
  cumulative: 'true if the reported figure is the year to date',
  source: 'Where the data comes from',
  'source.system': 'The system the figure comes from',
  'source.systemChanges': 'Changes to that system affecting the figure, or None known',
  'source.manualAmendments': 'Manual amendments made to the data, or None',
  'source.reconciliation': 'Reconciliation or cleansing done before the figure is produced',
  roles: 'People by role (not necessarily names)',
  'roles.owner': 'Accountable for the measure',
  'roles.collector': 'Produces the figure; prf collect sends this role the return form',
  'roles.reviewer': 'Signs the figure off; must not be the collector',
  'roles.headOfService': 'Writes the exception commentary when it is off target',
  'roles.strategicLead': 'Director or portfolio lead',
  dataQuality: 'How far the figure can be trusted',
  'dataQuality.confidence': 'green (from a system) | amber (manual or spreadsheet) | red (project-based)',
  'dataQuality.score': 'Confidence score 1 (low) to 5 (high) (optional)',
  'dataQuality.notes': 'Known data quality issues (optional)',
  reportingLagDays: 'Working days after the period ends that the figure is due',
  target: 'type: single (value) | yearly (years) | profiled (profile) | toBeSet (reason) | none (reason)',
  'target.value': 'The target, in the unit above',
  ragg: "This KPI's own amber band, overriding prf.yaml (optional)",
  baseline: 'The baseline value and its period (e.g. 2024-25), or value: null with a note saying why there is none',
  'baseline.note': 'Why there is no baseline yet, e.g. a new measure: the first year sets it',
  benchmarks: 'Peer-group quartiles by year, or [] if no suitable benchmark exists',
  milestones: 'Project milestones: name and due date',
  changes: 'Decisions that change this entry: date, decision, approver, fields',
};

export type Entry = Record<string, unknown>;

/** The entry for a brand-new measure: defaults where there is one, blanks where only the officer knows. */
export function blankEntry(id: string, config: Config, committee: string | undefined): Entry {
  const onlyPriority = config.priorities.length === 1 ? config.priorities[0]! : undefined;
  return {
    id,
    name: '',
    service: '',
    committee: committee ?? (config.committees.length === 1 ? config.committees[0]!.id : ''),
    priority: onlyPriority?.id ?? '',
    aim: onlyPriority?.aims.length === 1 ? onlyPriority.aims[0]!.id : '',
    level: 'kpi',
    kind: 'measure',
    definition: '',
    purpose: '',
    formula: '',
    inclusions: [],
    exclusions: [],
    workedExample: '',
    unit: '',
    decimals: 1,
    polarity: '',
    frequency: '',
    aggregation: '',
    cumulative: false,
    source: { system: '', systemChanges: '', manualAmendments: '', reconciliation: '' },
    roles: { owner: '', collector: '', reviewer: '', headOfService: '', strategicLead: '' },
    dataQuality: { confidence: '' },
    reportingLagDays: 8,
    target: { type: 'single', value: null },
    baseline: { value: null, note: '' },
    benchmarks: null,
    changes: [],
  };
}

/**
 * A copy of an existing entry for a related measure: its definition, source, roles and method
 * stay as a starting point; what belongs to the old measure's figures or history is cleared
 * (name, regulator code, worked example, target value, baseline, benchmarks, change record).
 */
export function entryFrom(source: Kpi, id: string, committee: string | undefined): Entry {
  const { regulatorCode: _code, ...rest } = source;
  const entry: Entry = { ...structuredClone(rest), id, name: '', changes: [] };
  if (committee !== undefined) entry.committee = committee;
  if (source.kind === 'measure') {
    entry.workedExample = '';
    entry.target = { type: 'single', value: null };
    entry.baseline = { value: null, note: '' };
    entry.benchmarks = null;
  }
  return entry;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

/** The entry as YAML with a comment above every key the catalogue knows. */
export function entryText(entry: Entry, schemaPath: string | null): string {
  const doc = new Document(entry);
  const annotate = (node: unknown, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const path = prefix === '' ? keyOf(pair) : `${prefix}.${keyOf(pair)}`;
      const comment = COMMENTS[path];
      if (comment && isScalar(pair.key)) pair.key.commentBefore = ` ${comment}`;
      annotate(pair.value, path);
    }
  };
  annotate(doc.contents, '');
  const header = [
    ...(schemaPath ? [`yaml-language-server: $schema=${schemaPath}`, ''] : []),
    "Fill every blank ('' or an empty value) and check each default; prf validate --strict names what is left.",
  ];
  doc.commentBefore = header.map((l) => (l === '' ? '' : ` ${l}`)).join('\n');
  return doc.toString({ lineWidth: 100 });
}

/** Lays fields over an entry; a dotted key (`roles.owner`) sets a field inside a section. */
export function withFields(entry: Entry, fields: Record<string, unknown>): Entry {
  const out = structuredClone(entry);
  for (const [key, value] of Object.entries(fields)) {
    const path = key.split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Entry;
    node[path[path.length - 1]!] = value;
  }
  return out;
}

/** The fields left blank (an empty text or a null), as dotted paths in the entry's order. */
export function blankFields(entry: Entry): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (node === '' || node === null) out.push(prefix);
    else if (typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node as Entry)) walk(v, prefix === '' ? k : `${prefix}.${k}`);
    }
  };
  walk(entry, '');
  return out;
}
