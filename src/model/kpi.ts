import * as z from 'zod';
import { FREQUENCIES, MONTH_NAMES } from './periods.js';
import { bandSchema, raggRuleSchema, spcLimitFields } from './config.js';
import { financialYear, finiteNumber, isoDate, kpiId, slug, text } from './common.js';

export const QUARTER_KEYS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
/** Profile keys for months are the month names periods use. */
export const MONTH_KEYS = MONTH_NAMES;

/** A period of a profile with no target: none set for it, or reported for information only (grey, with the reason). */
export const profileGapSchema = z.union([
  z.strictObject({ noTarget: text.describe('Why this period has no target') }),
  z.strictObject({ informationOnly: text.describe('Why this period is reported for information only') }),
]);

/** A profile maps each quarter (Q1-Q4) or each month (Jan-Dec) of the year to its target, or to no target with a reason. */
export const profileSchema = z
  .partialRecord(z.enum([...QUARTER_KEYS, ...MONTH_KEYS]), z.union([finiteNumber, profileGapSchema]))
  .describe('Target per quarter (Q1..Q4) or per month (Jan..Dec); a period may be { noTarget: reason } or { informationOnly: reason }');

/** How an annual target applies to a cumulative KPI's quarters or months: `linear` checks each at its share of the year. */
const annualProfile = z
  .literal('linear')
  .optional()
  .describe("linear: a cumulative KPI's year-to-date figure is checked against the period's share of the annual target (Q2: half)");

export const targetSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('single'),
      value: finiteNumber.describe("The target, in the KPI's unit"),
      profile: annualProfile,
    }),
    z.strictObject({
      type: z.literal('yearly'),
      years: z.record(financialYear, finiteNumber).describe('Target per financial year, e.g. 2025-26: 40'),
      profile: annualProfile,
    }),
    z.strictObject({
      type: z.literal('profiled'),
      profile: profileSchema.describe('The profile that applies every year unless a year has its own'),
      years: z.record(financialYear, profileSchema).optional().describe('Profiles for particular years'),
      others: z
        .union([finiteNumber, z.literal('none')])
        .optional()
        .describe('The target of every period the profile leaves out: the annual target, or none (grey). Without it the profile must cover every period'),
    }),
    z.strictObject({
      type: z.literal('toBeSet'),
      reason: text.describe('Why there is no target yet and who sets it, e.g. approved by Full Council with the budget'),
    }),
    z.strictObject({
      type: z.literal('none'),
      reason: text.describe('Why the measure has no target (for example monitoring only)'),
    }),
  ])
  .describe('single | yearly | profiled | toBeSet | none');

export const rolesSchema = z
  .strictObject({
    owner: text.describe('Accountable for the measure (a role, not necessarily a name)'),
    collector: text.describe('Inputs and produces the figure'),
    reviewer: text.describe('Verifies the figure; must not be the collector'),
    headOfService: text.describe('Strategic lead for the service'),
    strategicLead: text.describe('Director or portfolio lead'),
  })
  .describe('People responsible, by role');

export const sourceSchema = z.strictObject({
  system: text.describe('The system the data comes from'),
  systemChanges: text.describe('Changes to that system that affect the figure, or "none known"'),
  manualAmendments: text.describe('Manual amendments made to the data, or "none"'),
  reconciliation: text.describe('Reconciliation or cleansing done before the figure is produced'),
});

export const dataQualitySchema = z.strictObject({
  confidence: z.enum(['green', 'amber', 'red']).describe('From a system = green, manual/spreadsheet = amber, project-based = red'),
  score: z.number().int().min(1).max(5).optional().describe('Confidence score 1 (low) to 5 (high)'),
  notes: text.optional(),
});

export const baselineSchema = z
  .strictObject({
    value: finiteNumber.nullable().describe('The baseline figure, or null where there is none yet (say why in note)'),
    period: text.optional().describe('The period the baseline describes, e.g. 2022-23'),
    note: text.optional(),
  })
  .refine((b) => b.value !== null || b.note !== undefined, {
    message: 'a baseline without a value needs a note saying why (e.g. new measure: baseline set from the first year)',
  })
  .refine((b) => b.value === null || b.period !== undefined, {
    message: 'a baseline value needs the period it describes (e.g. period: 2022-23)',
  });

export const benchmarkSchema = z.strictObject({
  year: financialYear,
  group: text.describe('The peer group, e.g. Housemark: ALMOs and councils under 15,000 homes'),
  source: text.optional(),
  upperQuartile: finiteNumber.describe('Boundary of the best-performing quarter of the group'),
  median: finiteNumber,
  lowerQuartile: finiteNumber.describe('Boundary of the worst-performing quarter of the group'),
  n: z.number().int().min(0).optional().describe('How many figures the quartiles were computed from'),
  excluded: z
    .record(z.string(), z.number().int().min(1))
    .optional()
    .describe('Peer-group members left out, by reason: a code such as [Z] not required, or no figure'),
  method: text.optional().describe('How the quartiles were computed, e.g. QUARTILE.INC'),
  file: text.optional().describe('The file the figures came from'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .describe("That file's SHA-256, so anyone can check they have the same release"),
});

export const CHANGE_FIELDS = ['definition', 'formula', 'target', 'polarity', 'unit', 'frequency', 'aggregation', 'id', 'other'] as const;

export const changeSchema = z.strictObject({
  date: isoDate,
  decision: text.describe('What was decided'),
  approver: text.describe('Who approved it, e.g. Portfolio Holder for Housing, Cabinet'),
  reference: text.optional().describe('Decision or minute reference'),
  fields: z.array(z.enum(CHANGE_FIELDS)).min(1).describe('Which parts of the entry the decision changed'),
});

export const processChangeSchema = z.strictObject({
  date: isoDate.describe('When the process changed (YYYY-MM-DD)'),
  change: text.describe('What changed in how the work is done, e.g. new void works contract started'),
  decidedBy: text.describe('Who decided it, e.g. Cabinet, Head of Asset Management'),
  rebase: z
    .boolean()
    .default(false)
    .describe('Recalculate the control limits from the first period starting on or after the date (Making Data Count: only at a recorded, explained change)'),
  reference: text.optional().describe('Decision or minute reference'),
});

/** A KPI's own SPC settings, over the workspace's (prf.yaml spc:). */
export const kpiSpcSchema = z
  .strictObject({
    minimumPoints: z.number().int().min(2).optional().describe("Points a segment needs for firm limits (default: the workspace's)"),
    fixAfter: spcLimitFields.fixAfter.unwrap().optional(),
    screenMovingRanges: z.boolean().optional().describe("Screen large moving ranges out of the limits (default: the workspace's)"),
  })
  .describe("This KPI's SPC settings, over the workspace's");

const baseFields = {
  id: kpiId.describe('Stable reference; the file is named after it'),
  name: text.describe('Measure name as published'),
  service: text,
  committee: slug.describe('Committee id from prf.yaml'),
  priority: slug.describe('Council Plan priority id from prf.yaml'),
  aim: slug.describe('Aim id under that priority'),
  level: z.enum(['kpi', 'spi', 'tracker']).describe('kpi: governing body/committee; spi: service; tracker: monitoring only'),
  regulatorCode: text.optional().describe('Code of a regulatory return, e.g. TSM TP01'),
  definition: text.describe('What the indicator measures'),
  purpose: text.describe('Why it is measured'),
  roles: rolesSchema,
  dataQuality: dataQualitySchema,
  reportingLagDays: z.number().int().min(0).max(120).describe('Working days after period end that the figure is due'),
  changes: z.array(changeSchema).default([]).describe('Decisions that changed this entry'),
};

export const measureSchema = z.strictObject({
  ...baseFields,
  kind: z.literal('measure'),
  formula: text,
  inclusions: z.array(text).default([]),
  exclusions: z.array(text).default([]),
  workedExample: text.optional().describe('Recommended: a worked example of the calculation'),
  unit: z.enum(['percentage', 'number', 'days', 'currency', 'rate']),
  unitLabel: text.optional().describe('How the unit reads, e.g. "per 1,000 homes", "kg per household"'),
  decimals: z.number().int().min(0).max(6),
  polarity: z.enum(['higher', 'lower', 'neutral']).describe('Is a higher figure better?'),
  frequency: z.enum(FREQUENCIES),
  aggregation: z.enum(['sum', 'mean', 'last', 'ratio']).describe('How months roll up into quarters and the year'),
  cumulative: z.boolean().describe('Is the reported outturn year to date?'),
  source: sourceSchema,
  target: targetSchema,
  ragg: z
    .union([
      bandSchema,
      z.strictObject({ rule: raggRuleSchema }),
      z.strictObject({
        tolerance: z.number().min(0).describe("Amber when worse than target by no more than this, in the KPI's unit (3.00% ±0.25 points: 0.25)"),
      }),
    ])
    .optional()
    .describe("Overrides the workspace's status rule for this KPI: an amber band, a rule of bands, or a tolerance"),
  range: z
    .strictObject({ min: finiteNumber.optional(), max: finiteNumber.optional() })
    .optional()
    .describe('The values a figure can plausibly take; a figure outside is flagged as a likely typing slip'),
  best: finiteNumber.optional().describe('The best value the figure can take (a ceiling or floor); at it in both years counts as maintained in the 70% check'),
  notApplicable: z.record(financialYear, text).optional().describe('Years the measure does not apply, with the reason, e.g. 2025-26: no lifts in the stock'),
  baseline: baselineSchema.optional().describe('Recommended'),
  benchmarks: z.array(benchmarkSchema).optional().describe('Recommended. An empty list says no suitable benchmark exists; leaving it out is flagged'),
  processChanges: z
    .array(processChangeSchema)
    .default([])
    .describe('Dated changes to how the work is done, shown on charts; with rebase: true the control limits start again there'),
  spc: kpiSpcSchema.optional(),
});

export const qualitativeSchema = z.strictObject({
  ...baseFields,
  kind: z.enum(['project', 'narrative']),
  frequency: z.enum(FREQUENCIES),
  source: sourceSchema.optional(),
  milestones: z
    .array(z.strictObject({ name: text, due: isoDate }))
    .optional()
    .describe('Project milestones'),
});

export const kpiSchema = z.discriminatedUnion('kind', [measureSchema, qualitativeSchema]).describe('A KPI dictionary entry');

export type Kpi = z.output<typeof kpiSchema>;
export type Measure = z.output<typeof measureSchema>;
export type Qualitative = z.output<typeof qualitativeSchema>;
export type Target = z.output<typeof targetSchema>;
export type Benchmark = z.output<typeof benchmarkSchema>;
export type Band = z.output<typeof bandSchema>;
export type ProcessChange = z.output<typeof processChangeSchema>;
export type ProfileEntry = z.output<typeof finiteNumber> | z.output<typeof profileGapSchema>;
