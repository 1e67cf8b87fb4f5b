/**
 * Checks a data package against the Frictionless specs' MUSTs (Data Package, Data Resource,
 * Tabular Data Package, Tabular Data Resource, Table Schema, CSV Dialect: specs v1), and every
 * CSV against its schema: header, types, required, enum, unique primary key. Returns problems in
 * words; an empty list is a valid package. Written here because the npm validators need the
 * network or are no longer kept up.
 */
import { parse } from 'csv-parse/sync';

const NAME = /^[a-z0-9._-]+$/;
const RESOURCE_NAME = /^[-a-z0-9._/]+$/;
const TYPES = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
]);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$|^(NaN|INF|-INF)$/;
const INTEGER = /^[+-]?\d+$/;
const BOOLEAN = new Set(['true', 'True', 'TRUE', '1', 'false', 'False', 'FALSE', '0']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `files` maps a path inside the package's folder to its text. */
export function checkDataPackage(descriptor: unknown, files: Record<string, string>): string[] {
  const problems: string[] = [];
  if (!isObject(descriptor)) return ['the descriptor is not a JSON object'];
  if (descriptor['profile'] !== 'tabular-data-package') problems.push('profile is not tabular-data-package');
  if (descriptor['name'] !== undefined && !(typeof descriptor['name'] === 'string' && NAME.test(descriptor['name']))) problems.push('name breaks the pattern');
  const licenses = descriptor['licenses'];
  if (licenses !== undefined) {
    if (!Array.isArray(licenses) || licenses.length === 0) problems.push('licenses is not a non-empty array');
    else
      licenses.forEach((l, i) => {
        if (!isObject(l) || (l['name'] === undefined && l['path'] === undefined)) problems.push(`licenses[${i}] has neither name nor path`);
        else if (l['path'] !== undefined && !/^https?:\/\//.test(String(l['path']))) problems.push(`licenses[${i}].path is not a URL`);
      });
  }
  const resources = descriptor['resources'];
  if (!Array.isArray(resources) || resources.length === 0) return [...problems, 'resources is not a non-empty array'];
  const names = new Set<string>();
  resources.forEach((r, i) => {
    const at = `resources[${i}]`;
    if (!isObject(r)) return problems.push(`${at} is not an object`);
    const name = r['name'];
    if (typeof name !== 'string' || !RESOURCE_NAME.test(name)) problems.push(`${at}.name is missing or breaks the pattern`);
    else if (names.has(name)) problems.push(`${at}.name ${name} is not unique`);
    else names.add(name);
    if (r['profile'] !== 'tabular-data-resource') problems.push(`${at}.profile is not tabular-data-resource`);
    const path = r['path'];
    if (typeof path !== 'string') return problems.push(`${at}.path is missing (inline data is not used here)`);
    if (path.startsWith('/') || path.split('/').includes('..')) problems.push(`${at}.path ${path} is not a relative POSIX path inside the package`);
    const schema = r['schema'];
    if (!isObject(schema) || !Array.isArray(schema['fields']) || schema['fields'].length === 0) return problems.push(`${at}.schema has no fields`);
    const fields = schema['fields'] as unknown[];
    const fieldNames: string[] = [];
    for (const [j, f] of fields.entries()) {
      if (!isObject(f) || typeof f['name'] !== 'string') {
        problems.push(`${at}.schema.fields[${j}] has no name`);
        continue;
      }
      if (fieldNames.includes(f['name'])) problems.push(`${at}: field ${f['name']} is not unique`);
      fieldNames.push(f['name']);
      if (f['type'] !== undefined && !TYPES.has(String(f['type']))) problems.push(`${at}: field ${f['name']} has unknown type ${String(f['type'])}`);
    }
    const key = schema['primaryKey'];
    const keyFields = key === undefined ? [] : Array.isArray(key) ? (key as string[]) : [String(key)];
    for (const k of keyFields) if (!fieldNames.includes(k)) problems.push(`${at}: primary key ${k} is not a field`);
    const dialect = r['dialect'];
    if (dialect !== undefined && (!isObject(dialect) || (dialect['delimiter'] !== undefined && String(dialect['delimiter']).length !== 1)))
      problems.push(`${at}.dialect is not a CSV dialect`);
    const text = files[path];
    if (text === undefined) return problems.push(`${at}.path ${path} names no file in the package`);
    problems.push(
      ...checkCsv(
        path,
        text,
        fields as Json[],
        keyFields.filter((k) => fieldNames.includes(k)),
        (schema['missingValues'] as string[] | undefined) ?? [''],
      ),
    );
  });
  return problems;
}

function checkCsv(file: string, text: string, fields: Json[], key: string[], missing: string[]): string[] {
  const problems: string[] = [];
  const rows = parse(text, { relax_column_count: true }) as string[][];
  const header = rows[0] ?? [];
  const names = fields.map((f) => String(f['name']));
  if (header.join(',') !== names.join(',')) return [`${file}: header ${header.join(',')} is not the schema's fields ${names.join(',')}`];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.length !== names.length) return problems.push(`${file} line ${line}: ${row.length} cells, not ${names.length}`);
    fields.forEach((f, c) => {
      const cell = row[c]!;
      const constraints = isObject(f['constraints']) ? f['constraints'] : {};
      if (missing.includes(cell)) {
        if (constraints['required'] === true) problems.push(`${file} line ${line}: ${names[c]} is required`);
        return;
      }
      const ok = f['type'] === 'number' ? NUMBER.test(cell) : f['type'] === 'integer' ? INTEGER.test(cell) : f['type'] === 'boolean' ? BOOLEAN.has(cell) : true;
      if (!ok) problems.push(`${file} line ${line}: ${names[c]} ${cell} is not a ${String(f['type'])}`);
      const values = constraints['enum'];
      if (Array.isArray(values) && !values.includes(cell)) problems.push(`${file} line ${line}: ${names[c]} ${cell} is not one of ${values.join(', ')}`);
    });
    if (key.length > 0) {
      const k = key.map((n) => row[names.indexOf(n)]).join('\u0000');
      if (seen.has(k)) problems.push(`${file} line ${line}: primary key ${key.join('+')} repeats`);
      seen.add(k);
    }
  });
  return problems;
}
