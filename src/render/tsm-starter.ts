/**
 * The files of a TSM workspace (`prf init --tsm`): the regulator's 22 Tenant Satisfaction
 * Measures as 26 annual dictionary entries with the regulator's descriptions, and prf.yaml with
 * the themes as aims and three peer groups, ready for `prf benchmarks tsm`. No figures: the
 * baselines, benchmarks and outturns come from the regulator's workbooks. Pure.
 */
import { stringify } from 'yaml';
import { TSM_MEASURES, regulatorCodeOf, type TsmMeasure } from '../model/tsm-measures.js';
import type { InitAnswers } from '../core/init-answers.js';

export const TSM_PRIORITY = {
  id: 'tenant-satisfaction',
  name: 'Tenant Satisfaction Measures',
  aims: [
    { id: 'overall', name: 'Overall satisfaction' },
    { id: 'good-repair', name: 'Keeping properties in good repair' },
    { id: 'building-safety', name: 'Maintaining building safety' },
    { id: 'engagement', name: 'Respectful and helpful engagement' },
    { id: 'complaints', name: 'Effective handling of complaints' },
    { id: 'neighbourhood', name: 'Responsible neighbourhood management' },
  ],
};

/** The regulator's theme of each measure, as an aim id of TSM_PRIORITY. */
function themeOf(m: TsmMeasure): string {
  const n = Number(m.code.slice(2));
  if (m.code === 'TP01') return 'overall';
  if (m.code.startsWith('TP')) return n <= 4 ? 'good-repair' : n === 5 ? 'building-safety' : n <= 8 ? 'engagement' : n === 9 ? 'complaints' : 'neighbourhood';
  if (m.code.startsWith('RP')) return 'good-repair';
  if (m.code.startsWith('BS')) return 'building-safety';
  return m.code.startsWith('CH') ? 'complaints' : 'neighbourhood';
}

/** A worked calculation anyone can repeat, in the measure's own terms (not a figure of yours). */
function workedExample(m: TsmMeasure): string {
  if (m.unit === 'rate') return `${m.formula.split(' / ')[0]}: 120, homes at year end: 4,000. 120 / 4,000 x 1,000 = 30.0 per 1,000 homes.`;
  if (m.reported === 'perception') return '800 respondents answered the question and 584 gave the answers counted: 584 / 800 x 100 = 73.0%.';
  return '4,000 were counted in the denominator and 3,960 in the numerator: 3,960 / 4,000 x 100 = 99.0%.';
}

const PURPOSE =
  "A Tenant Satisfaction Measure: required by the Regulator of Social Housing's Transparency, Influence and Accountability Standard, published to tenants and returned to the regulator each year, and compared with other landlords through the regulator's published data.";

export function tsmEntry(m: TsmMeasure, a: InitAnswers): Record<string, unknown> {
  const perception = m.reported === 'perception';
  return {
    id: `TSM-${m.key}`,
    name: m.name,
    service: 'Housing (Tenant Satisfaction Measures)',
    committee: a.committees[0]!.id,
    priority: TSM_PRIORITY.id,
    aim: themeOf(m),
    level: 'kpi',
    regulatorCode: regulatorCodeOf(m),
    kind: 'measure',
    definition: m.definition,
    purpose: PURPOSE,
    formula: m.formula,
    inclusions: [],
    exclusions: [],
    workedExample: workedExample(m),
    unit: m.unit,
    ...(m.unit === 'rate' ? { unitLabel: 'per 1,000 homes' } : {}),
    decimals: 1,
    polarity: m.polarity,
    frequency: 'annual',
    aggregation: 'ratio',
    cumulative: false,
    source: {
      system: perception ? 'The annual tenant perception survey, as returned to the regulator' : 'Management information, as returned to the regulator',
      systemChanges: 'None known',
      manualAmendments: 'None',
      reconciliation: "The figure as published in the regulator's full-data release; prf benchmarks tsm records the release file and its SHA-256",
    },
    roles: {
      owner: 'Head of Housing',
      collector: 'Housing performance officer',
      reviewer: 'Housing performance manager',
      headOfService: 'Head of Housing',
      strategicLead: 'Director responsible for housing',
    },
    dataQuality: perception
      ? { confidence: 'amber', notes: "A sample survey: read small year-on-year changes against the survey's margin of error." }
      : { confidence: 'green' },
    reportingLagDays: 15,
    target: { type: 'none', reason: "The regulator sets no target; compared with peer-group quartiles from the regulator's data" },
    baseline: { value: null, note: "Set from the first year's published figure" },
    benchmarks: [],
    changes: [],
  };
}

export function tsmEntryText(m: TsmMeasure, a: InitAnswers): string {
  return [
    '# yaml-language-server: $schema=../schemas/kpi.schema.json',
    `# ${regulatorCodeOf(m)}: the regulator's description; check roles and source against your own arrangements.`,
    stringify(tsmEntry(m, a), { lineWidth: 100 }),
  ].join('\n');
}

export const TSM_BENCHMARKS_CONFIG = `
# Peer groups for prf benchmarks tsm: each is the landlords meeting every condition given (type LA
# or PRP; tenure LCRA or LCHO; homes: { atLeast, under } from the CH01 denominator; codes: [...]).
# The first listed is the group a paper places you in. prf benchmarks tsm --list-peers shows members.
benchmarks:
  method: QUARTILE.INC
  tsm:
    # landlord: your code on the workbook's Table_Coverage sheet, e.g. 26UC (or give --landlord)
    tenure: LCRA
    peerGroups:
      - id: all-landlords
        name: All landlords in the regulator's data
      - id: councils
        name: Councils
        type: LA
      - id: housing-associations
        name: Private registered providers
        type: PRP
`;

/** The dictionary files of a TSM workspace, by workspace-relative path. */
export function tsmKpiFiles(a: InitAnswers): Array<{ path: string; data: string }> {
  return TSM_MEASURES.map((m) => ({ path: `kpis/TSM-${m.key}.yaml`, data: tsmEntryText(m, a) }));
}
