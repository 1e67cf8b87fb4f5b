/**
 * Which column of a council's KPI list holds which dictionary field, recognised by its header in
 * any order and any case (`Measure Name`, `KPI`, `Indicator` are all the name), with `--map
 * "Column=field"` for a header prf does not know or reads wrongly. Pure.
 */
export const ADOPT_FIELDS = [
  'id',
  'name',
  'service',
  'committee',
  'target',
  'unit',
  'polarity',
  'frequency',
  'decimals',
  'priority',
  'aim',
  'level',
  'definition',
  'purpose',
  'formula',
  'system',
  'owner',
  'collector',
  'reviewer',
  'headOfService',
  'strategicLead',
  'reportingLagDays',
  'aggregation',
  'confidence',
] as const;
export type AdoptField = (typeof ADOPT_FIELDS)[number];

/** Headers as councils write them, normalised (lower case, words only), for each field. */
const HEADERS: Record<AdoptField, string[]> = {
  id: ['id', 'kpi id', 'ref', 'reference', 'kpi ref', 'kpi reference', 'code', 'pi ref', 'pi code', 'indicator ref'],
  name: [
    'name',
    'measure',
    'measure name',
    'kpi',
    'kpi name',
    'indicator',
    'indicator name',
    'performance indicator',
    'pi',
    'pi name',
    'measure title',
    'title',
  ],
  service: ['service', 'service area', 'team', 'department', 'directorate'],
  committee: ['committee', 'reported to', 'reporting committee', 'osc', 'scrutiny committee'],
  target: ['target', 'targets', 'target value', 'annual target'],
  unit: ['unit', 'units', 'return format', 'format', 'measure type', 'unit of measure'],
  polarity: ['polarity', 'good performance', 'good is', 'higher is better', 'direction', 'direction of travel', 'better if'],
  frequency: ['frequency', 'reporting frequency', 'collection frequency', 'collection interval', 'interval', 'reported'],
  decimals: ['decimals', 'decimal places', 'dp'],
  priority: ['priority', 'corporate priority', 'council plan priority', 'theme'],
  aim: ['aim', 'objective', 'aims', 'outcome'],
  level: ['level', 'kpi level', 'type'],
  definition: ['definition', 'description', 'kpi definition'],
  purpose: ['purpose', 'why', 'rationale'],
  formula: ['formula', 'calculation', 'method', 'how calculated'],
  system: ['system', 'source', 'data source', 'source system'],
  owner: ['owner', 'data owner', 'kpi owner', 'lead officer', 'responsible officer'],
  collector: ['collector', 'data collector', 'data input', 'inputter'],
  reviewer: ['reviewer', 'data reviewer', 'verifier', 'checker'],
  headOfService: ['head of service', 'hos'],
  strategicLead: ['strategic lead', 'director', 'portfolio holder', 'lead member'],
  reportingLagDays: ['reporting lag', 'lag', 'lag days', 'reporting lag days', 'working days to report'],
  aggregation: ['aggregation', 'roll up', 'rollup'],
  confidence: ['confidence', 'data quality', 'data confidence'],
};

export const normaliseHeading = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface ColumnMap {
  /** The field each column holds, by column index; null where the column is not read. */
  fields: Array<AdoptField | null>;
  problems: string[];
}

/** Parses `--map "Column=field"`; a field of `-` ignores the column. */
export function parseMaps(maps: readonly string[]): { maps: Map<string, AdoptField | null>; problems: string[] } {
  const out = new Map<string, AdoptField | null>();
  const problems: string[] = [];
  for (const m of maps) {
    const at = m.lastIndexOf('=');
    const column = at < 0 ? '' : m.slice(0, at).trim();
    const field = at < 0 ? '' : m.slice(at + 1).trim();
    if (column === '' || field === '') problems.push(`--map ${m}: write COLUMN=field, e.g. "Measure Name=name" (or COLUMN=- to ignore a column)`);
    else if (field === '-') out.set(normaliseHeading(column), null);
    else if (!(ADOPT_FIELDS as readonly string[]).includes(field))
      problems.push(`--map ${m}: ${field} is not a field adopt fills; the fields are ${ADOPT_FIELDS.join(', ')}`);
    else out.set(normaliseHeading(column), field as AdoptField);
  }
  return { maps: out, problems };
}

export function mapColumns(header: readonly string[], maps: ReadonlyMap<string, AdoptField | null>): ColumnMap {
  const fields: Array<AdoptField | null> = [];
  const problems: string[] = [];
  const taken = new Map<AdoptField, string>();
  header.forEach((h) => {
    const key = normaliseHeading(h);
    let field: AdoptField | null;
    if (maps.has(key)) field = maps.get(key)!;
    else if (key.startsWith('target')) field = 'target';
    else field = ADOPT_FIELDS.find((f) => HEADERS[f].includes(key)) ?? null;
    if (field !== null && taken.has(field)) {
      problems.push(`columns "${taken.get(field)}" and "${h}" both read as ${field}: add --map "${h}=-" to ignore one, or --map "${h}=FIELD"`);
      field = null;
    }
    if (field !== null) taken.set(field, h);
    fields.push(field);
  });
  for (const key of maps.keys()) {
    if (!header.some((h) => normaliseHeading(h) === key))
      problems.push(`--map: the sheet has no column headed "${key}"; its headers are ${header.filter(Boolean).join(', ')}`);
  }
  if (!taken.has('name')) problems.push(`no column holds the measure's name (headers: ${header.filter(Boolean).join(', ')}): add --map "YOUR HEADER=name"`);
  return { fields, problems };
}

/** The header row: the first row in which a column reads as the measure name. */
export function findHeader(rows: ReadonlyArray<{ cells: string[] }>, maps: ReadonlyMap<string, AdoptField | null>): number {
  return rows.findIndex((r) => r.cells.some((c) => c !== '' && mapColumns(r.cells, maps).fields.includes('name')));
}
