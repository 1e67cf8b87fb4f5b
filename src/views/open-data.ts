import type { Licence } from '../model/config.js';

/**
 * The site's open data as plain data: tables with their Table Schema, and the Frictionless data
 * package that describes them (https://specs.frictionlessdata.io/tabular-data-package/). Numbers
 * stay numbers here, so the CSV writer never mistakes a negative figure for a formula.
 */

/** Table Schema field types used here (the spec's names). */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean';

export interface FieldSpec {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  /** Values the field may take, when it is a closed list. */
  values?: readonly string[];
  /** True when every row has a value (Table Schema's `required` constraint). */
  required?: boolean;
}

export type Cell = string | number | boolean | null;

export interface DataTable {
  /** The resource name: lower case letters, digits, `-`, `_`, `.`. */
  name: string;
  /** Path inside the site, slash-separated and relative. */
  path: string;
  title: string;
  description: string;
  fields: readonly FieldSpec[];
  primaryKey: readonly string[];
  rows: Cell[][];
}

/** One indicator as the package's metadata describes it: the dictionary, for reusers. */
export interface IndicatorMeta {
  id: string;
  name: string;
  definition: string;
  purpose: string;
  unit: string | null;
  polarity: string | null;
  service: string;
  owner: string;
  priority: string;
  committee: string;
  frequency: string;
}

export interface DataPackageInput {
  organisation: string;
  /** The latest published quarter the package covers. */
  period: string;
  licence: Licence;
  tables: readonly DataTable[];
  indicators: readonly IndicatorMeta[];
}

/** A package name: lower case, with only letters, digits, `-`, `_` and `.` (the spec's pattern). */
export function packageName(organisation: string): string {
  const slug = organisation
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug === '' ? 'council' : slug}-performance`;
}

function fieldDescriptor(f: FieldSpec): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints['required'] = true;
  if (f.values !== undefined) constraints['enum'] = [...f.values];
  return {
    name: f.name,
    type: f.type,
    title: f.title,
    description: f.description,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/** The `datapackage.json` descriptor for the tables, with the licence and the dictionary. */
export function dataPackage(input: DataPackageInput): Record<string, unknown> {
  const licence = input.licence;
  return {
    profile: 'tabular-data-package',
    name: packageName(input.organisation),
    title: `${input.organisation}: performance indicators`,
    description: `The performance figures ${input.organisation} published to its committees, up to ${input.period}, with the indicator dictionary that defines them. A figure appears here only after the committee paper that reported it was published.`,
    version: input.period,
    licenses: [{ ...(licence.name === undefined ? {} : { name: licence.name }), path: licence.path, title: licence.title }],
    contributors: [{ title: input.organisation, role: 'publisher' }],
    resources: input.tables.map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name,
      path: t.path,
      title: t.title,
      description: t.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: {
        fields: t.fields.map(fieldDescriptor),
        primaryKey: [...t.primaryKey],
        missingValues: [''],
      },
    })),
    // The dictionary as metadata (a custom property, as the spec allows): what each figure means.
    indicators: input.indicators.map((k) => ({ ...k })),
  };
}
