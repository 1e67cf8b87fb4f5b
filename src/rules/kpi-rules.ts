import type { RuleCode } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Config } from '../model/config.js';
import { MONTH_KEYS, QUARTER_KEYS, type Kpi, type Measure, type ProfileEntry } from '../model/kpi.js';
import { ruleProblems, toRule } from '../core/rule.js';
import { figureRange } from '../core/figure-range.js';
import { suggestion } from '../diagnostics/suggest.js';
import { locate, type YamlSource } from '../load/yaml-source.js';

/** Rules for one schema-valid KPI entry that need the config or more than one field. */
/** The id a KPI file's name gives it: `kpis/housing/HC-01.yaml` is HC-01. */
export function kpiIdOfPath(path: string): string {
  return path
    .split('/')
    .pop()!
    .replace(/\.ya?ml$/i, '');
}

export function kpiRules(kpi: Kpi, source: YamlSource, config: Config | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: (string | number)[], opts?: { key?: boolean }) => locate(source, path, opts);
  const error = (path: (string | number)[], code: RuleCode, message: string) => out.push(diagnostic(source.file, at(path), 'error', code, message, path));

  const base = kpiIdOfPath(source.file);
  if (base !== kpi.id) {
    error(['id'], 'kpi-id-file-mismatch', `the id is ${kpi.id} but the file is named ${base}: rename the file to ${kpi.id}.yaml or correct the id`);
  }

  if (config) {
    const committees = config.committees.map((c) => c.id);
    if (!committees.includes(kpi.committee)) {
      error(
        ['committee'],
        'kpi-unknown-committee',
        `committee "${kpi.committee}" is not in prf.yaml.${suggestion(kpi.committee, committees) || ` Known committees: ${committees.join(', ')}.`}`,
      );
    }
    const priority = config.priorities.find((p) => p.id === kpi.priority);
    if (!priority) {
      const ids = config.priorities.map((p) => p.id);
      error(
        ['priority'],
        'kpi-unknown-priority',
        `priority "${kpi.priority}" is not in prf.yaml.${suggestion(kpi.priority, ids) || ` Known priorities: ${ids.join(', ')}.`}`,
      );
    } else if (!priority.aims.some((a) => a.id === kpi.aim)) {
      const ids = priority.aims.map((a) => a.id);
      error(
        ['aim'],
        'kpi-unknown-aim',
        `aim "${kpi.aim}" is not listed under priority ${priority.id} in prf.yaml.${suggestion(kpi.aim, ids) || ` Its aims: ${ids.join(', ') || 'none yet'}.`}`,
      );
    }
  }

  if (kpi.roles.collector.trim().toLowerCase() === kpi.roles.reviewer.trim().toLowerCase()) {
    error(
      ['roles', 'reviewer'],
      'kpi-reviewer-is-collector',
      `the reviewer is also the collector (${kpi.roles.collector}): name a different role to verify the figure`,
    );
  }

  if (kpi.kind === 'measure') {
    out.push(...targetRules(kpi, source));
    out.push(...benchmarkRules(kpi, source));
    out.push(...cumulativeTargetRules(kpi, source));
    out.push(...rangeRules(kpi, source));
    if (kpi.ragg !== undefined && 'rule' in kpi.ragg) {
      for (const p of ruleProblems(toRule(kpi.ragg))) error(['ragg', 'rule', ...p.path], p.code, `ragg: ${p.message}`);
    }
    const missing = (['workedExample', 'baseline', 'benchmarks'] as const).filter((k) => kpi[k] === undefined);
    for (const field of missing) {
      out.push(diagnostic(source.file, at([]), 'warning', 'kpi-recommended-missing', `${kpi.id} has no ${field}: ${RECOMMENDED_ADVICE[field]}`, [field]));
    }
  }
  return out;
}

const RECOMMENDED_ADVICE = {
  workedExample: 'add a short worked calculation so anyone can reproduce the figure',
  baseline: 'add the baseline value and period (or value: null with a note saying why there is none)',
  benchmarks: 'add benchmark quartiles for a named peer group (or benchmarks: [] if none exists)',
} as const;

/** A target lies where the KPI's figures can, and a count's target is not negative either. */
function targetRange(kpi: Measure): { min: number; max: number; what: string } | null {
  if (kpi.unit === 'number' && kpi.aggregation === 'sum') return { min: 0, max: Infinity, what: 'a count cannot be negative' };
  return figureRange(kpi);
}

function targetRules(kpi: Measure, source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const range = targetRange(kpi);
  const check = (value: number, path: (string | number)[]) => {
    if (range && (value < range.min || value > range.max)) {
      out.push(
        diagnostic(source.file, locate(source, path), 'error', 'kpi-target-out-of-range', `target ${value} does not fit ${kpi.id}'s unit: ${range.what}`, path),
      );
    }
  };
  const t = kpi.target;
  if (t.type === 'single') check(t.value, ['target', 'value']);
  if (t.type === 'yearly') for (const [y, v] of Object.entries(t.years)) check(v, ['target', 'years', y]);
  if (t.type === 'profiled') {
    const profiles: [Partial<Record<string, ProfileEntry>>, (string | number)[]][] = [[t.profile, ['target', 'profile']]];
    for (const [y, p] of Object.entries(t.years ?? {})) profiles.push([p, ['target', 'years', y]]);
    if (typeof t.others === 'number') check(t.others, ['target', 'others']);
    for (const [profile, path] of profiles) {
      for (const [k, v] of Object.entries(profile)) if (typeof v === 'number') check(v, [...path, k]);
      out.push(...profileRules(kpi, profile, t.others !== undefined, path, source));
    }
  }
  return out;
}

function profileRules(
  kpi: Measure,
  profile: Partial<Record<string, ProfileEntry>>,
  hasOthers: boolean,
  path: (string | number)[],
  source: YamlSource,
): Diagnostic[] {
  const keys = Object.keys(profile);
  const quarters = keys.filter((k) => (QUARTER_KEYS as readonly string[]).includes(k));
  const months = keys.filter((k) => (MONTH_KEYS as readonly string[]).includes(k));
  const d = (code: RuleCode, message: string) => [diagnostic(source.file, locate(source, path), 'error', code, message, path)];
  if (quarters.length > 0 && months.length > 0) {
    return d('kpi-target-profile-incomplete', 'the profile mixes quarters and months: give either Q1-Q4 or Jan-Dec');
  }
  if (kpi.frequency === 'annual') {
    return d('kpi-target-profile-frequency', `${kpi.id} is collected annually, so it has one target a year: use type: single or type: yearly`);
  }
  if (months.length > 0 && kpi.frequency !== 'monthly') {
    return d('kpi-target-profile-frequency', `${kpi.id} is collected ${kpi.frequency}, so a monthly profile cannot apply: profile by quarter (Q1-Q4)`);
  }
  const expected = months.length > 0 ? MONTH_KEYS : QUARTER_KEYS;
  const absent = expected.filter((k) => !(k in profile));
  // With `others`, the periods left out take the annual target or none, as it says.
  if (absent.length > 0 && !hasOthers) {
    return d(
      'kpi-target-profile-incomplete',
      `the profile has no target for ${absent.join(', ')}: give every ${months.length > 0 ? 'month' : 'quarter'}, mark one { noTarget: reason } or { informationOnly: reason }, or add others: (the annual target, or none) for the periods left out`,
    );
  }
  return [];
}

/**
 * A running total (cumulative, summed) collected through the year grows towards its annual
 * target, so checked against the whole of it every quarter it reads red until the year end.
 */
function cumulativeTargetRules(kpi: Measure, source: YamlSource): Diagnostic[] {
  if (!kpi.cumulative || kpi.aggregation !== 'sum' || kpi.frequency === 'annual') return [];
  const t = kpi.target;
  if ((t.type !== 'single' && t.type !== 'yearly') || t.profile !== undefined) return [];
  const path = ['target'];
  return [
    diagnostic(
      source.file,
      locate(source, path),
      'warning',
      'kpi-target-cumulative-annual',
      `${kpi.id} is a year-to-date total with one annual target, so every ${kpi.frequency === 'monthly' ? 'month' : 'period'} before the year end is checked against the whole year and reads red: add profile: linear to the target to check each period at its share of the year, or give a profiled target (type: profiled) with the figure expected by each ${kpi.frequency === 'monthly' ? 'month' : 'quarter'}`,
      path,
    ),
  ];
}

/** A declared range reads min to max, and a declared best value lies within it. */
function rangeRules(kpi: Measure, source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const min = kpi.range?.min ?? -Infinity;
  const max = kpi.range?.max ?? Infinity;
  const d = (path: (string | number)[], message: string) => out.push(diagnostic(source.file, locate(source, path), 'error', 'kpi-range-order', message, path));
  if (min > max) d(['range'], `range: the minimum ${min} is above the maximum ${max}: swap them`);
  else if (kpi.best !== undefined && (kpi.best < min || kpi.best > max))
    d(['best'], `best ${kpi.best} lies outside the declared range ${min} to ${max}: correct one of them`);
  return out;
}

function benchmarkRules(kpi: Measure, source: YamlSource): Diagnostic[] {
  if (kpi.polarity === 'neutral') return [];
  const out: Diagnostic[] = [];
  (kpi.benchmarks ?? []).forEach((b, i) => {
    const ordered =
      kpi.polarity === 'higher' ? b.upperQuartile >= b.median && b.median >= b.lowerQuartile : b.upperQuartile <= b.median && b.median <= b.lowerQuartile;
    if (!ordered) {
      const path = ['benchmarks', i];
      out.push(
        diagnostic(
          source.file,
          locate(source, path),
          'error',
          'kpi-benchmark-order',
          `for a ${kpi.polarity}-is-better KPI the upper quartile (best) must be ${kpi.polarity === 'higher' ? 'at or above' : 'at or below'} the median, and the median ${kpi.polarity === 'higher' ? 'at or above' : 'at or below'} the lower quartile: check the three figures`,
          path,
        ),
      );
    }
  });
  return out;
}
