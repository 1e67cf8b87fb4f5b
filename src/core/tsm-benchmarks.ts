/**
 * Peer groups, quartiles and a landlord's own figures from a TSM release: pure.
 *
 * A peer group is the landlords meeting every condition it gives (type, a home count range on
 * its tenure, a list of codes). Quartiles are computed over the members' figures; a member with a
 * code ([U] unknown, [S] suppressed, [X] blank, [Z] not required, [E] excluded), a blank cell,
 * text, or no row on the sheet is left out and counted by reason, so the n printed beside each
 * quartile is the number of figures actually used.
 */
import type { Benchmark, Measure } from '../model/kpi.js';
import type { PeerGroup, QuartileMethod } from '../model/config.js';
import type { TsmMeasure, TsmTenure } from '../model/tsm-measures.js';
import { quartiles, type Quartiles } from './quartiles.js';
import { roundTo } from './figures.js';
import { figureKey, TSM_CODES, type TsmCell, type TsmFigure, type TsmLandlord, type TsmRelease } from './tsm-workbook.js';

const membersCache = new WeakMap<TsmRelease, Map<PeerGroup, TsmLandlord[]>>();

/** The group's members in a release, by code; worked out once per release and group. */
export function peerMembers(release: TsmRelease, group: PeerGroup): TsmLandlord[] {
  let byGroup = membersCache.get(release);
  if (!byGroup) membersCache.set(release, (byGroup = new Map()));
  let members = byGroup.get(group);
  if (!members) byGroup.set(group, (members = selectMembers(release, group)));
  return members;
}

function selectMembers(release: TsmRelease, group: PeerGroup): TsmLandlord[] {
  const codes = group.codes ? new Set(group.codes.map((c) => c.trim().toUpperCase())) : null;
  return [...release.landlords.values()]
    .filter((l) => {
      if (group.type !== undefined && l.type !== group.type) return false;
      if (codes && !codes.has(l.code.toUpperCase())) return false;
      if (group.homes) {
        const h = l.homes[group.tenure];
        if (h === null) return false;
        if (group.homes.atLeast !== undefined && h < group.homes.atLeast) return false;
        if (group.homes.under !== undefined && h >= group.homes.under) return false;
      }
      return true;
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Why a member's figure was left out, as counted and printed: `[Z]`, `blank`, `not a number`, `no row`. */
export function exclusionOf(cell: TsmCell | undefined): string | null {
  if (cell === undefined) return 'no row';
  if (cell.kind === 'value') return null;
  if (cell.kind === 'code') return `[${cell.code}]`;
  return cell.kind === 'blank' ? 'blank' : 'not a number';
}

export interface GroupQuartiles {
  measure: TsmMeasure;
  group: PeerGroup;
  /** Members of the group in this release. */
  members: number;
  /** Figures used. */
  n: number;
  excluded: Record<string, number>;
  quartiles: Quartiles | null;
}

export function groupQuartiles(release: TsmRelease, measure: TsmMeasure, group: PeerGroup, method: QuartileMethod): GroupQuartiles {
  const members = peerMembers(release, group);
  const values: number[] = [];
  const excluded: Record<string, number> = {};
  for (const l of members) {
    const cell = release.figures.get(figureKey(measure.key, group.tenure, l.code))?.cell;
    const why = exclusionOf(cell);
    if (why === null) values.push((cell as { value: number }).value);
    else excluded[why] = (excluded[why] ?? 0) + 1;
  }
  const sortedExcluded = Object.fromEntries(Object.entries(excluded).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { measure, group, members: members.length, n: values.length, excluded: sortedExcluded, quartiles: quartiles(values, method) };
}

export interface ReleaseSource {
  /** e.g. Regulator of Social Housing, Tenant Satisfaction Measures 2024 full data v1.1 */
  release: string;
  file: string;
  sha256: string;
}

/**
 * The dictionary benchmark for one group's quartiles, by the KPI's polarity: the upper quartile
 * is the boundary of the best quarter, so for lower-is-better it is the lowest of the three.
 * Neutral measures keep the numeric order (upper = highest). Rounded to the KPI's decimals.
 */
export function benchmarkOf(
  q: GroupQuartiles,
  year: string,
  kpi: Pick<Measure, 'polarity' | 'decimals'>,
  method: QuartileMethod,
  source: ReleaseSource,
): Benchmark | null {
  if (q.quartiles === null) return null;
  const r = (x: number) => roundTo(x, kpi.decimals);
  const [best, worst] = kpi.polarity === 'lower' ? [q.quartiles.lower, q.quartiles.upper] : [q.quartiles.upper, q.quartiles.lower];
  return {
    year,
    group: q.group.name,
    source: source.release,
    upperQuartile: r(best),
    median: r(q.quartiles.median),
    lowerQuartile: r(worst),
    n: q.n,
    ...(Object.keys(q.excluded).length > 0 ? { excluded: q.excluded } : {}),
    method,
    file: source.file,
    sha256: source.sha256,
  };
}

export interface OwnFigure {
  measure: TsmMeasure;
  figure: TsmFigure | null;
  /** The value to record: a number, or null for n/a. */
  value: number | null;
  /** Why it is n/a, or why it is not imported. */
  note: string | null;
  /** False where nothing is imported ([U], [S], [E], text, no row): listed instead. */
  imported: boolean;
}

const describe = (cell: TsmCell) =>
  cell.kind === 'code'
    ? `[${cell.code}] ${cell.reason ?? TSM_CODES[cell.code]}`
    : cell.kind === 'blank'
      ? 'a blank cell'
      : cell.kind === 'text'
        ? `"${cell.text}"`
        : '';

/**
 * A landlord's own figure for a measure. [Z] not required and [X] (or a blank) left blank are
 * recorded as n/a with a note naming the code; [U], [S], [E], text and a missing row are not
 * imported, since they say nothing about the landlord's own performance that n/a would carry.
 */
export function ownFigure(release: TsmRelease, measure: TsmMeasure, landlord: string, tenure: TsmTenure): OwnFigure {
  if (measure.rentedOnly && tenure === 'LCHO')
    return { measure, figure: null, value: null, note: 'n/a: the regulator does not ask shared owners (LCHO) this question', imported: true };
  const figure = release.figures.get(figureKey(measure.key, tenure, landlord)) ?? null;
  if (figure === null)
    return {
      measure,
      figure,
      value: null,
      note: `no row for ${landlord} on the ${measure.reported === 'perception' ? `${tenure} perception` : 'management information'} sheet`,
      imported: false,
    };
  const cell = figure.cell;
  if (cell.kind === 'value') return { measure, figure, value: cell.value, note: null, imported: true };
  const what = describe(cell);
  const na = (cell.kind === 'code' && (cell.code === 'Z' || cell.code === 'X') && cell.reason === undefined) || cell.kind === 'blank';
  return { measure, figure, value: null, note: na ? `n/a: the regulator's return shows ${what}` : `not imported: the return shows ${what}`, imported: na };
}
