import type { AnyRuleTable } from '../../helpers/rule-tester.js';
import benchmarksTsm from './benchmarks-tsm.js';
import changeControl from './change-control.js';
import commentary from './commentary.js';
import config from './config.js';
import csv from './csv.js';
import files from './files.js';
import importCsv from './import-csv.js';
import importForm from './import-form.js';
import importTable from './import-table.js';
import kpi from './kpi.js';
import schema from './schema.js';
import yaml from './yaml.js';

/** Every rule table; the catalogue test reads the codes they assert, and a test checks each file here is listed. */
export const TABLES: readonly AnyRuleTable[] = [
  files,
  yaml,
  schema,
  config,
  kpi,
  csv,
  commentary,
  changeControl,
  importCsv,
  importForm,
  importTable,
  benchmarksTsm,
];
