/**
 * Builders of valid dictionary entries and workspaces for core tests. Entries and config go
 * through their zod schemas, so a fixture is exactly what the loader would hand the core
 * (defaults filled in) and a test cannot quietly rely on an entry the loader would refuse.
 */
import { formatPeriod, parsePeriod, type Period } from '../../src/model/periods.js';
import { commentarySchema, type Commentary } from '../../src/model/commentary.js';
import { configSchema, type Config } from '../../src/model/config.js';
import { measureSchema, qualitativeSchema, type Kpi, type Measure, type Qualitative } from '../../src/model/kpi.js';
import type { CommentaryFile, Observation, Workspace } from '../../src/model/workspace.js';

export function period(name: string): Period {
  const r = parsePeriod(name);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const base = {
  id: 'KPI-01',
  name: 'Test measure',
  service: 'Housing',
  committee: 'housing-osc',
  priority: 'homes',
  aim: 'good-homes',
  level: 'kpi',
  definition: 'What it measures',
  purpose: 'Why it is measured',
  roles: { owner: 'Owner', collector: 'Collector', reviewer: 'Reviewer', headOfService: 'Head', strategicLead: 'Director' },
  dataQuality: { confidence: 'green' },
  reportingLagDays: 8,
  source: { system: 'System', systemChanges: 'none known', manualAmendments: 'none', reconciliation: 'none' },
};

/** A monthly percentage measure, higher is better, 1 dp, ratio, single target 90 — unless overridden. */
export function measure(overrides: Partial<Measure> = {}): Measure {
  return measureSchema.parse({
    ...base,
    kind: 'measure',
    formula: 'a / b x 100',
    unit: 'percentage',
    decimals: 1,
    polarity: 'higher',
    frequency: 'monthly',
    aggregation: 'ratio',
    cumulative: false,
    target: { type: 'single', value: 90 },
    benchmarks: [],
    ...overrides,
  });
}

/** A quarterly project (or narrative, with kind overridden). */
export function qualitative(overrides: Partial<Qualitative> = {}): Qualitative {
  return qualitativeSchema.parse({ ...base, id: 'PRJ-01', name: 'Test project', kind: 'project', frequency: 'quarterly', ...overrides });
}

export function config(overrides: Partial<Config> = {}): Config {
  return configSchema.parse({
    organisation: 'Test Council',
    committees: [
      { id: 'housing-osc', name: 'Housing OSC' },
      { id: 'finance-osc', name: 'Finance OSC' },
    ],
    priorities: [{ id: 'homes', name: 'Homes', aims: [{ id: 'good-homes', name: 'Good homes' }] }],
    ...overrides,
  });
}

let line = 1;

/** One outturn row; `value` null is an `n/a` return. */
export function obs(kpi: string | Kpi, periodName: string, value: number | null, extra: Partial<Observation> = {}): Observation {
  const p = period(periodName);
  return {
    kpi: typeof kpi === 'string' ? kpi : kpi.id,
    period: p,
    periodName: formatPeriod(p),
    value,
    numerator: null,
    denominator: null,
    reviewedBy: null,
    note: null,
    origin: { file: 'data/outturns/test.csv', line: ++line },
    ...extra,
  };
}

/** Commentary for one period, given as the file would have it (defaults filled in). */
export type CommentaryInput = { period: string } & Partial<Omit<Commentary, 'period'>>;

/**
 * A workspace as the loader builds it. Entries are sorted by id as the loader sorts them;
 * observations keep the order given, so tests can check the core does not depend on it.
 */
export function workspace(parts: { kpis?: Kpi[]; observations?: Observation[]; commentary?: CommentaryInput[]; config?: Partial<Config> } = {}): Workspace {
  const kpis = [...(parts.kpis ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const commentary = new Map<string, CommentaryFile>();
  for (const c of parts.commentary ?? []) {
    const parsed = commentarySchema.parse(c);
    commentary.set(parsed.period, { commentary: parsed, period: period(parsed.period), origin: { file: `data/commentary/${parsed.period}.yaml`, line: 1 } });
  }
  return {
    config: config(parts.config),
    kpis,
    kpiOrigins: new Map(kpis.map((k) => [k.id, { file: `kpis/${k.id}.yaml`, line: 1 }])),
    observations: parts.observations ?? [],
    commentary,
  };
}

/** Monthly observations for consecutive months from `first` (e.g. '2024-04'), one per value. */
export function monthly(kpi: string | Kpi, first: string, values: Array<number | null>, extra: Partial<Observation> = {}): Observation[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return values.map((v, i) => {
    const k = y * 12 + (m - 1) + i;
    return obs(kpi, `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, v, extra);
  });
}
