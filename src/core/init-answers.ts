import { MONTH_NAMES } from '../model/periods.js';
import { SLUG_PATTERN } from '../model/common.js';

/** What `prf init` needs to know about the council, from flags, prompts or defaults. */
export interface InitAnswers {
  organisation: string;
  financialYearStartMonth: number;
  committees: Array<{ id: string; name: string }>;
  priorities: Array<{ id: string; name: string; aims: Array<{ id: string; name: string }> }>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The defaults behind `--yes`: an English council's April year, one scrutiny committee and one
 * priority with one aim, so the example KPI has somewhere to belong. Every one is meant to be
 * edited in prf.yaml; docs/guide/workspace.md says so.
 */
export const INIT_DEFAULTS: InitAnswers = {
  organisation: 'Borough Council',
  financialYearStartMonth: 4,
  committees: [{ id: 'overview-scrutiny', name: 'Overview and Scrutiny Committee' }],
  priorities: [
    {
      id: 'council-plan',
      name: 'Delivering the Council Plan',
      aims: [{ id: 'good-services', name: 'Run good services that residents value' }],
    },
  ],
};

/** `housing-osc=Housing Overview and Scrutiny Committee`: an id and a name. */
export function parseIdName(text: string): Parsed<{ id: string; name: string }> {
  const eq = text.indexOf('=');
  const id = (eq === -1 ? text : text.slice(0, eq)).trim();
  const name = eq === -1 ? '' : text.slice(eq + 1).trim();
  if (!SLUG_PATTERN.test(id))
    return { ok: false, message: `"${id}" is not an id: use lower-case letters, digits and hyphens, e.g. housing-osc=Housing Overview and Scrutiny Committee` };
  if (name === '') return { ok: false, message: `"${text.trim()}" has no name: write id=Name, e.g. ${id}=Housing Overview and Scrutiny Committee` };
  return { ok: true, value: { id, name } };
}

/** `clean-safe/clean-streets=Keep streets clean`: an aim under a priority. */
export function parseAim(text: string): Parsed<{ priority: string; id: string; name: string }> {
  const slash = text.indexOf('/');
  const eq = text.indexOf('=');
  if (slash === -1 || (eq !== -1 && slash > eq))
    return { ok: false, message: `"${text.trim()}": write PRIORITY-ID/AIM-ID=Name, e.g. homes/repairs=Repair homes well` };
  const priority = text.slice(0, slash).trim();
  const rest = parseIdName(text.slice(slash + 1));
  if (!rest.ok) return rest;
  return { ok: true, value: { priority, ...rest.value } };
}

/** A month as 1-12 or its name (`4`, `April`, `apr`). */
export function parseMonth(text: string): Parsed<number> {
  const s = text.trim();
  if (/^\d{1,2}$/.test(s) && Number(s) >= 1 && Number(s) <= 12) return { ok: true, value: Number(s) };
  const i = MONTH_NAMES.findIndex((m) => s.length >= 3 && m.toLowerCase() === s.slice(0, 3).toLowerCase() && /^[a-z]+$/i.test(s));
  if (i !== -1) return { ok: true, value: i + 1 };
  return { ok: false, message: `"${s}" is not a month: give 1-12 or a month name (4 or April for an April-March year)` };
}

/**
 * Checks a complete set of answers: ids unique, every aim under a known priority, and an aim
 * under the first priority for the example KPI to serve.
 */
export function checkAnswers(a: InitAnswers): string[] {
  const problems: string[] = [];
  const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of new Set(dupes(a.committees.map((c) => c.id)))) problems.push(`committee ${id} is given twice`);
  for (const id of new Set(dupes(a.priorities.map((p) => p.id)))) problems.push(`priority ${id} is given twice`);
  for (const p of a.priorities) for (const id of new Set(dupes(p.aims.map((x) => x.id)))) problems.push(`aim ${id} is given twice under ${p.id}`);
  if (a.organisation.trim() === '') problems.push('the organisation name is empty');
  if (a.committees.length === 0) problems.push('give at least one committee');
  if (a.priorities.length === 0) problems.push('give at least one Council Plan priority');
  else if (a.priorities[0]!.aims.length === 0) {
    problems.push(`priority ${a.priorities[0]!.id} has no aims, and the example KPI needs one: add --aim ${a.priorities[0]!.id}/AIM-ID=Name`);
  }
  return problems;
}

/**
 * Folds the `--aim` flags into their priorities. An aim naming a priority that was not given is
 * a message, not a guess.
 */
export function attachAims(
  priorities: Array<{ id: string; name: string }>,
  aims: Array<{ priority: string; id: string; name: string }>,
): Parsed<InitAnswers['priorities']> {
  const unknown = aims.filter((a) => !priorities.some((p) => p.id === a.priority));
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `--aim ${unknown[0]!.priority}/${unknown[0]!.id}: there is no --priority ${unknown[0]!.priority}; the priorities are ${priorities.map((p) => p.id).join(', ') || 'none yet'}`,
    };
  }
  return { ok: true, value: priorities.map((p) => ({ ...p, aims: aims.filter((a) => a.priority === p.id).map(({ id, name }) => ({ id, name })) })) };
}
