/**
 * A target as councils write it in a KPI list, read into the dictionary's target types: pure.
 *
 * | written                                   | read as                                        |
 * |-------------------------------------------|------------------------------------------------|
 * | `97%`, `40 Days`, `1,200`, `12.50% (annually)` | single; `%` and `days` also give the unit  |
 * | `Q1 2.86 Q2 2.88 Q3 2.89 Q4 3.2` (`:` `-` `–` between) | profiled by quarter                 |
 * | `Q4 23/24: 23 Q4 24/25: 38`, `2024/25: 20 2025/26: 40` | yearly, by financial year           |
 * | `20/40/60/80/100 over (the next) 5 years` | yearly, from the first year given (--first-year) |
 * | `No target`, `Monitoring only`, `n/a`, `-`| none, with the text as its reason               |
 * | blank                                     | none, reason left blank for the officer         |
 * | any other words (`Will be approved by Full Council...`, `Profiled Target`) | toBeSet, the words as its reason |
 */
import { fyName } from '../model/periods.js';

export type AdoptedTarget =
  | { type: 'single'; value: number }
  | { type: 'yearly'; years: Record<string, number> }
  | { type: 'profiled'; profile: Record<string, number> }
  | { type: 'toBeSet'; reason: string }
  | { type: 'none'; reason: string };

export interface TargetReading {
  target: AdoptedTarget;
  /** The unit the target's own suffix shows (`97%`, `40 Days`). */
  unit: 'percentage' | 'days' | null;
  /** How the words were read, when they were not a figure: shown so the officer can check. */
  note: string | null;
}

const NUM = String.raw`-?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?`;
const num = (s: string) => Number(s.replace(/,/g, ''));
const SINGLE = new RegExp(String.raw`^(${NUM})\s*(%|days?)?\s*(?:\((?:annually|annual|per year|yearly|monthly|quarterly|ytd|year to date)\))?$`, 'i');
const PROFILE = new RegExp(String.raw`Q([1-4])\s*[:\-–—]?\s*(${NUM})\s*(%)?`, 'gi');
const QUARTER_YEAR = new RegExp(String.raw`(?:Q[1-4]\s+)?((?:20)?\d{2})\s*[/-]\s*(\d{2})\s*[:\-–—]\s*(${NUM})\s*(%)?`, 'gi');
const STEPS = new RegExp(
  String.raw`^(${NUM}(?:\s*/\s*${NUM})+)\s*(%)?\b.*?\b(?:over|across|in)\b.*?\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years?\b`,
  'i',
);
const NONE = /^(?:-|–|—|n\/?a|none|no target|no target set|monitoring only|monitor only|for monitoring|tracker|data only|contextual)\.?$/i;
const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Whether the whole text is consumed by the global regex's matches (only spaces and commas between). */
function consumed(text: string, re: RegExp): RegExpExecArray[] | null {
  const matches = [...text.matchAll(re)];
  if (matches.length < 2) return null;
  const rest = text.replace(re, '').replace(/[\s,;]+/g, '');
  return rest === '' ? (matches as RegExpExecArray[]) : null;
}

export function readTarget(raw: string, firstFy: number): TargetReading {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return { target: { type: 'none', reason: '' }, unit: null, note: 'no target given: say why in target.reason, or give the target' };
  const single = SINGLE.exec(text);
  if (single && single[1] !== '' && single[1] !== '-') {
    const suffix = single[2]?.toLowerCase();
    return { target: { type: 'single', value: num(single[1]!) }, unit: suffix === '%' ? 'percentage' : suffix ? 'days' : null, note: null };
  }
  const profile = consumed(text, PROFILE);
  if (profile) {
    const quarters = Object.fromEntries(profile.map((m) => [`Q${m[1]}`, num(m[2]!)]));
    return { target: { type: 'profiled', profile: quarters }, unit: profile.some((m) => m[3]) ? 'percentage' : null, note: null };
  }
  const yearly = consumed(text, QUARTER_YEAR);
  if (yearly) {
    const years: Record<string, number> = {};
    for (const m of yearly) {
      const start = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
      years[fyName(start)] = num(m[3]!);
    }
    return { target: { type: 'yearly', years }, unit: yearly.some((m) => m[4]) ? 'percentage' : null, note: null };
  }
  const steps = STEPS.exec(text);
  if (steps) {
    const values = steps[1]!.split('/').map((v) => num(v.trim()));
    const count = WORDS[steps[3]!.toLowerCase()] ?? Number(steps[3]);
    if (count === values.length) {
      const years = Object.fromEntries(values.map((v, i) => [fyName(firstFy + i), v]));
      return {
        target: { type: 'yearly', years },
        unit: steps[2] ? 'percentage' : null,
        note: `read as one target a year from ${fyName(firstFy)} (--first-year sets the first)`,
      };
    }
  }
  if (NONE.test(text)) return { target: { type: 'none', reason: text }, unit: null, note: 'no target: monitoring only; write the reason in full' };
  return { target: { type: 'toBeSet', reason: text }, unit: null, note: 'not a figure: kept as the reason the target is yet to be set' };
}
