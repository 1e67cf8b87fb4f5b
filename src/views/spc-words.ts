import type { Status } from '../core/ragg.js';
import type { Assurance, Variation } from '../core/spc.js';
import type { StatusSpc } from '../core/status.js';

/**
 * Making Data Count in words. A row prints the short phrase; the key explains each once; the
 * exception page prints the long form. Assurance is a forecast from the process limits, so it
 * is only printed where the period's status does not contradict it: limits that still hold an
 * earlier process (before a real improvement or fall) can say "target consistently missed"
 * beside a figure that meets it, and the paper must not claim more than the status supports.
 */
const VARIATION: Record<Variation, { short: string; long: string; meaning: string }> = {
  common_cause: {
    short: 'Common cause',
    long: 'Common cause variation: the figures vary within the process limits, with no sign of real change',
    meaning: 'the figures vary within the process limits: no sign of real change',
  },
  special_cause_improving: {
    short: 'Improving',
    long: 'Special cause improvement: a point beyond the limits, a run or a trend in the better direction',
    meaning: 'special cause in the better direction: a point beyond the limits, a run on one side of the mean or a steady trend',
  },
  special_cause_concerning: {
    short: 'Concerning',
    long: 'Special cause concern: a point beyond the limits, a run or a trend in the worse direction',
    meaning: 'special cause in the worse direction',
  },
  special_cause_neither: {
    short: 'Unusual',
    long: 'Special cause variation with no better or worse direction',
    meaning: 'special cause where neither direction is better (monitoring only)',
  },
};

type AssuranceWord = Assurance | 'not_judged';

const ASSURANCE: Record<AssuranceWord, { short: string; long: string; meaning: string }> = {
  consistent_pass: {
    short: 'target met reliably',
    long: 'the process limits are all on the right side of the target, so it should be met every period',
    meaning: 'the whole process range is on the right side of the target: it should be met every period',
  },
  consistent_fail: {
    short: 'target missed reliably',
    long: 'the process limits are all on the wrong side of the target, so it will not be met without a change to the process',
    meaning: 'the whole process range is on the wrong side of the target: it will not be met without a change',
  },
  inconsistent: {
    short: 'target may or may not be met',
    long: 'the target lies within the process limits, so it will be met in some periods and missed in others by chance',
    meaning: 'the target lies within the process limits: met or missed by chance from period to period',
  },
  not_judged: {
    short: 'assurance not judged',
    long: 'the process limits include figures from before a real change, so they cannot say whether the target will be met; the status stands',
    meaning: "the limits still include figures from before a real change and disagree with this period's status, so no forecast is made",
  },
};

/** Whether the limits' forecast agrees with what the period's own figure shows. */
function assuranceWord(assurance: Assurance | null, status: Status): AssuranceWord | null {
  if (assurance === null) return null;
  if (assurance === 'consistent_fail' && (status === 'green' || status === 'grey')) return 'not_judged';
  if (assurance === 'consistent_pass' && (status === 'red' || status === 'amber')) return 'not_judged';
  return assurance;
}

/**
 * Where assurance was judged from, when that is not the whole series: since a special-cause run
 * began, or since a recorded process change (core/spc.ts judges it on the current process).
 */
function since(spc: StatusSpc): string {
  const basis = spc.assuranceBasis;
  return basis && (basis.kind === 'run' || spc.segments.length > 1) ? ` since ${basis.from}` : '';
}

const TRIAL = { short: ' (trial limits)', long: ' (trial limits: too few points since the process began to fix them)' };

export function spcShort(spc: StatusSpc | null, status: Status): string | null {
  if (!spc) return null;
  const a = assuranceWord(spc.assurance, status);
  return `${VARIATION[spc.variation].short}${spc.trial ? TRIAL.short : ''}${a ? `; ${ASSURANCE[a].short}${a === 'not_judged' ? '' : since(spc)}` : ''}`;
}

export function spcLong(spc: StatusSpc | null, status: Status): string | null {
  if (!spc) return null;
  const a = assuranceWord(spc.assurance, status);
  const basis = a && a !== 'not_judged' && since(spc) ? `, judged on the figures${since(spc)}` : '';
  return `${VARIATION[spc.variation].long}${spc.trial ? TRIAL.long : ''}${a ? `; ${ASSURANCE[a].long}${basis}` : ''}.`;
}

export const VARIATION_KEY = Object.values(VARIATION).map((v) => ({ phrase: v.short, meaning: v.meaning }));
export const ASSURANCE_KEY = [
  ...Object.values(ASSURANCE).map((v) => ({ phrase: v.short, meaning: v.meaning })),
  { phrase: 'since (a period)', meaning: 'assurance judged only on the figures since a real change began or a recorded process change' },
  { phrase: 'trial limits', meaning: 'fewer figures than the limits need since the process began: read them with care' },
];
