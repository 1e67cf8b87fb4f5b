import type { Covering } from '../model/commentary.js';
import type { Committee } from '../model/config.js';
import { counted } from '../text/plural.js';
import type { Counts, CoveringView, Field } from './view-types.js';

const given = (text: string | undefined): Field => ({ text: text ?? null, missing: null });

/** A field left out is printed as missing with where to add it, never filled with a guess. */
function field(text: string | undefined, where: string): Field {
  return text === undefined ? { text: null, missing: `Not given: add ${where}.` } : given(text);
}

/**
 * The covering report a council puts in front of a committee (seeds 003 and 004): the fixed
 * parts from the committee's entry in prf.yaml, the meeting's parts from the period's
 * commentary file.
 */
export function coveringView(committee: Committee, covering: Covering | undefined, periodName: string, commentaryFile: string): CoveringView {
  const fixed = committee.covering ?? {};
  const inConfig = (key: string) => `committees → ${committee.id} → covering → ${key} in prf.yaml`;
  const inCommentary = (key: string) => `committees → ${committee.id} → ${key} in ${commentaryFile}`;
  const reference = covering?.reference ?? (fixed.referencePrefix ? `${fixed.referencePrefix}-${periodName}` : undefined);
  const implication = (key: 'financial' | 'legal' | 'risk' | 'equalities', heading: string) => ({
    heading,
    ...field(covering?.implications?.[key], inCommentary(`implications → ${key}`)),
  });
  return {
    reference: field(reference, `${inConfig('referencePrefix')}, or ${inCommentary('reference')}`),
    meetingDate: field(covering?.meetingDate, inCommentary('meetingDate')),
    agendaItem: field(covering?.agendaItem, inCommentary('agendaItem')),
    reportOf: field(fixed.reportOf, inConfig('reportOf')),
    contactOfficer: field(fixed.contactOfficer, inConfig('contactOfficer')),
    portfolioHolder: field(fixed.portfolioHolder, inConfig('portfolioHolder')),
    purpose: field(covering?.purpose ?? fixed.purpose, `${inConfig('purpose')}, or ${inCommentary('purpose')}`),
    recommendations: covering?.recommendations ?? [],
    recommendationsMissing: covering?.recommendations?.length ? null : `Not given: add ${inCommentary('recommendations')}.`,
    summary: field(covering?.summary, inCommentary('summary')),
    mainMessages: covering?.mainMessages ?? [],
    implications: [implication('financial', 'Financial'), implication('legal', 'Legal'), implication('risk', 'Risk'), implication('equalities', 'Equalities')],
  };
}

/**
 * The committee roll-up with its parts (004 §6.1.7 counts amber and grey as on target), so no
 * one reads a grey with no figure as an achievement.
 */
export function rollupText(c: Omit<Counts, 'rollup'>): string {
  const grey = c.grey === 0 ? '' : `, ${c.grey} grey${c.greyNotReported > 0 ? ` (of which ${c.greyNotReported} not yet reported)` : ''}`;
  const apart = [
    ...(c.missing > 0 ? [`${counted(c.missing, 'indicator')} with missing data`] : []),
    ...(c.na > 0 ? [`${counted(c.na, 'indicator')} not applicable`] : []),
  ];
  const neither = apart.length === 0 ? '' : `; ${apart.join(' and ')}, counted as neither`;
  return `${c.onTarget} of ${c.total} on target: ${c.green} green, ${c.amber} amber${grey}. ${c.offTarget} off target (red)${neither}.`;
}
