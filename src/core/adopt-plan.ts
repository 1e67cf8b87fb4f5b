/**
 * A council's KPI list as draft dictionary entries: pure. Each row becomes one entry through
 * `prf new`'s template (render/kpi-template), filled with what the sheet says and blank where it
 * says nothing; the officer then fills the blanks `prf validate --strict` names.
 *
 * - A blank service or committee cell takes the one above it: appendices print a service once
 *   for the measures under it.
 * - A row with no measure name (a section title, a repeated header) is skipped and listed.
 * - A measure already in the dictionary by id, or by the same name, is skipped and listed, so
 *   running adopt again adds only the rows that are new; nothing is overwritten.
 * - A committee is matched to prf.yaml by id, name or short name (`&` reads as `and`); one it
 *   lacks is added to prf.yaml, with an id made from its name.
 * - A priority is matched to prf.yaml's priorities by id or name, and an aim to that priority's
 *   aims the same way; one it lacks is added (the aim under its priority), with an id made from
 *   its name, so an entry never names a priority or aim prf.yaml does not have.
 * - A service is matched to prf.yaml's services: list the same way (taking the list's spelling);
 *   one it lacks is added. A workspace without the list gets one, holding the services its
 *   dictionary already uses as well, so those entries are not flagged by the list they predate.
 * - Ids are proposed from the committee and service (`Housing & Communities OSC`, `Asset
 *   Management` give HC-AM-01, HC-AM-02...), numbered after those taken; an id column wins.
 */
import { KPI_ID_PATTERN } from '../model/common.js';
import type { Committee, Config, Priority } from '../model/config.js';
import { compareText } from '../text/compare.js';
import { mapColumns, normaliseHeading, type AdoptField } from './adopt-columns.js';
import { readTarget } from './adopt-targets.js';

export interface AdoptRow {
  line: number;
  cells: string[];
}

export interface DraftEntry {
  line: number;
  id: string;
  /** Workspace-relative file path. */
  file: string;
  /** Fields the sheet filled, to lay over prf new's blank entry. */
  fields: Record<string, unknown>;
  committee: string;
  notes: string[];
}

export interface AdoptPlan {
  columns: Array<{ header: string; field: AdoptField | null }>;
  entries: DraftEntry[];
  newCommittees: Committee[];
  /** Services to add to prf.yaml's services: list, in order. */
  newServices: string[];
  /** Priorities to add to prf.yaml, each with the aims the sheet gave it. */
  newPriorities: Priority[];
  /** Aims to add under priorities prf.yaml already has. */
  newAims: Array<{ priority: string; aim: { id: string; name: string } }>;
  skipped: Array<{ line: number; reason: string }>;
  problems: Array<{ line: number; message: string }>;
}

export interface AdoptContext {
  config: Config;
  /** Ids, names and services already in the dictionary. */
  existing: ReadonlyArray<{ id: string; name: string; service?: string }>;
  /** Files already present (workspace-relative), never written over. */
  fileExists: (path: string) => boolean;
  /** The financial year a "20/40/60 over 3 years" plan starts in. */
  firstFy: number;
}

const STOP = new Set(['and', 'of', 'the', 'for', 'osc', 'committee', 'overview', 'scrutiny']);
const slugOf = (s: string) => normaliseHeading(s).replace(/ /g, '-');

/** Capitals for an id part: the initials of up to `max` words that mean something, or the first two letters of one. */
function initials(text: string, max: number): string {
  const words = normaliseHeading(text)
    .split(' ')
    .filter((w) => w !== '' && !STOP.has(w));
  if (words.length === 0) return '';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return words
    .slice(0, max)
    .map((w) => w[0]!)
    .join('')
    .toUpperCase();
}

const UNITS: Array<[RegExp, string]> = [
  [/^(%|percent|percentage|per ?cent|proportion)$/, 'percentage'],
  [/^(number|no\.?|count|#|total|numeric)$/, 'number'],
  [/^(days?|working days|calendar days)$/, 'days'],
  [/^(£|currency|pounds|money|£k|gbp|cash)$/, 'currency'],
  [/^(rate|ratio|per .*)$/, 'rate'],
];
const POLARITY: Array<[RegExp, string]> = [
  [/^(higher|high|up|increase|bigger|larger|more|↑|higher is better|bigger is better|high is good|higher the better|aim to maximise|maximise)$/, 'higher'],
  [/^(lower|low|down|decrease|smaller|less|fewer|↓|lower is better|smaller is better|low is good|lower the better|aim to minimise|minimise)$/, 'lower'],
  [/^(neutral|none|n\/a|monitor|monitoring)$/, 'neutral'],
];
const FREQUENCY: Array<[RegExp, string]> = [
  [/^(monthly|month|m|every month)$/, 'monthly'],
  [/^(quarterly|quarter|q|every quarter)$/, 'quarterly'],
  [/^(biannual|bi-annual|biannually|half[- ]?yearly|six[- ]monthly|6[- ]monthly|twice a year|twice yearly|measured twice per year)$/, 'biannual'],
  [/^(annual|annually|yearly|year|once a year|a)$/, 'annual'],
];
/** A name's opening words that say its unit. */
const UNIT_IN_NAME: Array<[RegExp, string]> = [
  [/^(percentage|proportion|%) /, 'percentage'],
  [/^(total )?number of /, 'number'],
];
const pick = (table: Array<[RegExp, string]>, raw: string) => table.find(([re]) => re.test(raw.trim().toLowerCase()))?.[1] ?? null;

/** "... to 2 decimal points" at the end of a name is an instruction, not part of it. */
const DECIMALS_IN_NAME = /\s*[-–,]?\s*to (\d) decimal (?:points|places?)\.?$/i;

/** A measure's name as a key to match on: case, punctuation and a "to 2 decimal points" ending aside, as adopt writes names. */
export const measureNameKey = (name: string) => normaliseHeading(name.replace(/\s+/g, ' ').trim().replace(DECIMALS_IN_NAME, ''));

function committeeOf(text: string, config: Config, added: Committee[]): Committee | null {
  const key = normaliseHeading(text);
  if (key === '') return null;
  const all = [...config.committees, ...added];
  return all.find((c) => [c.id, c.name, c.shortName ?? ''].some((s) => normaliseHeading(s) === key || s === text)) ?? null;
}

export function planAdoption(header: readonly string[], rows: readonly AdoptRow[], maps: ReadonlyMap<string, AdoptField | null>, ctx: AdoptContext): AdoptPlan {
  const columns = mapColumns(header, maps);
  const plan: AdoptPlan = {
    columns: header.map((h, i) => ({ header: h, field: columns.fields[i] ?? null })),
    entries: [],
    newCommittees: [],
    newServices: [],
    newPriorities: [],
    newAims: [],
    skipped: [],
    problems: columns.problems.map((message) => ({ line: 0, message })),
  };
  if (plan.problems.length > 0) return plan;
  const byName = new Map(ctx.existing.map((k) => [normaliseHeading(k.name), k.id]));
  const taken = new Set(ctx.existing.map((k) => k.id));
  const kpiFolder = ctx.config.paths.kpis.replace(/\/+$/, '');
  const headerKey = header.map(normaliseHeading).join('|');
  const services = [...ctx.config.services];
  /** The listed spelling of a service, adding it to the list (and the plan) when it is new. */
  const listedService = (name: string): string => {
    const found = services.find((s) => normaliseHeading(s) === normaliseHeading(name));
    if (found !== undefined) return found;
    services.push(name);
    plan.newServices.push(name);
    return name;
  };
  if (ctx.config.services.length === 0) for (const k of ctx.existing) if (k.service?.trim()) listedService(k.service.trim());
  const priorities: Priority[] = ctx.config.priorities.map((p) => ({ ...p, aims: [...p.aims] }));
  const named = <T extends { id: string; name: string }>(list: readonly T[], text: string): T | undefined =>
    list.find((x) => normaliseHeading(x.id) === normaliseHeading(text) || normaliseHeading(x.name) === normaliseHeading(text));
  /** The priority a cell names, added to the plan when prf.yaml lacks it. */
  const listedPriority = (text: string): Priority => {
    const found = named(priorities, text);
    if (found !== undefined) return found;
    const added: Priority = { id: slugOf(text), name: text, aims: [] };
    priorities.push(added);
    plan.newPriorities.push(added);
    return added;
  };
  /** The aim a cell names under `priority`, added to it when it lacks it. */
  const listedAim = (priority: Priority, text: string): string => {
    const found = named(priority.aims, text);
    if (found !== undefined) return found.id;
    const aim = { id: slugOf(text), name: text };
    priority.aims.push(aim);
    if (!plan.newPriorities.includes(priority)) plan.newAims.push({ priority: priority.id, aim });
    return aim.id;
  };
  let lastService = '';
  let lastCommittee = '';
  for (const row of rows) {
    const cell = (f: AdoptField) => {
      const i = columns.fields.indexOf(f);
      return i < 0 ? '' : (row.cells[i] ?? '').trim();
    };
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (row.cells.map(normaliseHeading).join('|') === headerKey) {
      plan.skipped.push({ line: row.line, reason: 'the header again' });
      continue;
    }
    const service = cell('service') || lastService;
    const committeeText = cell('committee') || lastCommittee;
    if (cell('service')) lastService = service;
    if (cell('committee')) lastCommittee = committeeText;
    let name = cell('name').replace(/\s+/g, ' ');
    if (name === '') {
      plan.skipped.push({ line: row.line, reason: `no measure name (${row.cells.filter(Boolean).join(' | ').slice(0, 60)})` });
      continue;
    }
    const notes: string[] = [];
    const fields: Record<string, unknown> = {};
    const decimalsInName = DECIMALS_IN_NAME.exec(name);
    if (decimalsInName) {
      name = name.slice(0, decimalsInName.index);
      fields.decimals = Number(decimalsInName[1]);
    }
    const same = byName.get(normaliseHeading(name));
    if (same !== undefined) {
      plan.skipped.push({ line: row.line, reason: `${name}: already in the dictionary as ${same}` });
      continue;
    }
    fields.name = name;
    if (service) fields.service = listedService(service.replace(/\s+/g, ' '));

    let committee: Committee | null = null;
    if (committeeText) {
      committee = committeeOf(committeeText, ctx.config, plan.newCommittees);
      if (committee === null) {
        const id = slugOf(committeeText.replace(/\bO\s*&\s*S\b/i, 'OS'));
        committee = { id, name: committeeText };
        plan.newCommittees.push(committee);
      }
      fields.committee = committee.id;
    } else if (ctx.config.committees.length === 1) committee = ctx.config.committees[0]!;

    let id = cell('id').toUpperCase();
    if (id !== '' && !KPI_ID_PATTERN.test(id)) {
      plan.problems.push({ line: row.line, message: `${cell('id')}: a KPI id is capital letters, digits and hyphens, starting with a letter, e.g. HC-AM-01` });
      continue;
    }
    if (id !== '' && taken.has(id)) {
      plan.problems.push({
        line: row.line,
        message: `${id} is already in the dictionary or earlier in the sheet: give another id, or clear the cell for prf to propose one`,
      });
      continue;
    }
    if (id === '') {
      const prefix = [committee ? initials(committee.id, 2) : '', initials(service, 2) || 'KPI'].filter(Boolean).join('-');
      let n = 1;
      while (taken.has(`${prefix}-${String(n).padStart(2, '0')}`)) n++;
      id = `${prefix}-${String(n).padStart(2, '0')}`;
    }
    taken.add(id);
    fields.id = id;

    const target = readTarget(cell('target'), ctx.firstFy);
    fields.target = target.target;
    if (target.note) notes.push(`target "${cell('target')}": ${target.note}`);
    const unitText = cell('unit');
    let unit = unitText ? pick(UNITS, unitText) : target.unit;
    if (unitText && unit === null) notes.push(`unit "${unitText}" is not one prf knows (percentage, number, days, currency, rate): left blank`);
    if (!unitText && unit === null) {
      // "Percentage of...", "Number of..." say the unit when the target does not: taken, and said.
      unit = pick(UNIT_IN_NAME, name);
      if (unit) notes.push(`unit: ${unit}, from the name "${name.split(' ').slice(0, 3).join(' ')}..." (no unit column, and the target has none)`);
    }
    if (unit) fields.unit = unit;
    for (const [field, table, words] of [
      ['polarity', POLARITY, 'higher, lower or neutral'],
      ['frequency', FREQUENCY, 'monthly, quarterly, biannual or annual'],
    ] as const) {
      const raw = cell(field);
      if (raw === '') continue;
      const value = pick(table, raw);
      if (value) fields[field] = value;
      else notes.push(`${field} "${raw}" is not one of ${words}: left blank`);
    }
    const decimals = cell('decimals');
    if (decimals !== '') {
      if (/^[0-6]$/.test(decimals)) fields.decimals = Number(decimals);
      else notes.push(`decimals "${decimals}" is not 0 to 6: left as the default`);
    }
    const lag = cell('reportingLagDays');
    if (lag !== '') {
      if (/^\d{1,3}$/.test(lag)) fields.reportingLagDays = Number(lag);
      else notes.push(`reporting lag "${lag}" is not a number of working days: left as the default`);
    }
    for (const f of ['definition', 'purpose', 'formula'] as const) if (cell(f)) fields[f] = cell(f);
    if (cell('priority')) {
      const priority = listedPriority(cell('priority').replace(/\s+/g, ' '));
      fields.priority = priority.id;
      // No aim in the row: blank for the officer, never another priority's aim from the template.
      fields.aim = cell('aim') ? listedAim(priority, cell('aim').replace(/\s+/g, ' ')) : '';
    } else if (cell('aim')) notes.push(`aim "${cell('aim')}" has no priority in its row to sit under: left blank`);
    const level = cell('level').toLowerCase();
    if (level !== '') {
      if (['kpi', 'spi', 'tracker'].includes(level)) fields.level = level;
      else notes.push(`level "${cell('level')}" is not kpi, spi or tracker: left as kpi`);
    }
    const aggregation = cell('aggregation').toLowerCase();
    if (['sum', 'mean', 'last', 'ratio'].includes(aggregation)) fields.aggregation = aggregation;
    else if (aggregation !== '') notes.push(`aggregation "${cell('aggregation')}" is not sum, mean, last or ratio: left blank`);
    const confidence = cell('confidence').toLowerCase();
    if (['green', 'amber', 'red'].includes(confidence)) fields['dataQuality.confidence'] = confidence;
    else if (confidence !== '') notes.push(`confidence "${cell('confidence')}" is not green, amber or red: left blank`);
    if (cell('system')) fields['source.system'] = cell('system');
    for (const f of ['systemChanges', 'manualAmendments', 'reconciliation'] as const) if (cell(f)) fields[`source.${f}`] = cell(f);
    if (cell('workedExample')) fields.workedExample = cell('workedExample');
    for (const r of ['owner', 'collector', 'reviewer', 'headOfService', 'strategicLead'] as const) if (cell(r)) fields[`roles.${r}`] = cell(r);

    const folder = [kpiFolder, committee ? committee.id : null, service ? slugOf(service) : null].filter(Boolean).join('/');
    const file = `${folder}/${id}.yaml`;
    if (ctx.fileExists(file)) {
      plan.problems.push({ line: row.line, message: `${file} already exists; adopt never writes over a file: give this row another id` });
      continue;
    }
    plan.entries.push({ line: row.line, id, file, fields, committee: committee?.id ?? '', notes });
  }
  plan.entries.sort((a, b) => a.line - b.line || compareText(a.id, b.id));
  return plan;
}
