import * as z from 'zod';
import { finiteNumber, slug, text } from './common.js';

export const RAGG_STATUSES = ['red', 'amber', 'green', 'grey'] as const;

export const bandSchema = z
  .strictObject({
    band: z.number().min(0).describe("Width of the amber band. Relative: a fraction of the target (0.05 = 5%). Absolute: in the KPI's own unit."),
    bandType: z.enum(['relative', 'absolute']).describe('relative (a share of the target) or absolute (in the unit)'),
  })
  .describe('How far worse than target a figure may be and still be amber.');

/** The colours a status rule's bands may give; grey, missing and N/A come before any rule applies. */
export const RULE_STATUSES = ['green', 'amber', 'red'] as const;

export const ruleBandSchema = z
  .strictObject({
    status: z.enum(RULE_STATUSES).describe('The colour a figure in this band takes'),
    name: text.optional().describe('The band\'s own name, printed in the key (e.g. "Exceeding", "Off track"), as Camms names thresholds'),
    upTo: finiteNumber
      .optional()
      .describe(
        'The largest shortfall from target in this band, inclusive: 0 is on target, 0.05 is 5% (relative) or 0.05 units (absolute) worse, -0.1 is 10% better. Leave it out on the last band, which takes every figure beyond.',
      ),
  })
  .describe('One band of a status rule.');

export const raggRuleSchema = z
  .strictObject({
    measure: z
      .enum(['relative', 'absolute'])
      .default('relative')
      .describe("relative: thresholds are shares of the target (0.05 = 5%); absolute: in the KPI's own unit (percentage points for a percentage)"),
    bands: z.array(ruleBandSchema).min(2).max(5).describe('Two to five bands, best first, each up to a larger shortfall; the last has no upTo'),
  })
  .describe('A status rule as bands of the shortfall from target, best first.');

export const committeeSchema = z.strictObject({
  id: slug.describe('Stable id used by KPI entries, e.g. housing-osc'),
  name: text.describe('Full name as printed on papers'),
  shortName: text.optional().describe('Short name for tables and file names'),
});

export const aimSchema = z.strictObject({
  id: slug,
  name: text,
});

export const prioritySchema = z.strictObject({
  id: slug.describe('Stable id used by KPI entries'),
  name: text.describe('The Council Plan priority'),
  aims: z.array(aimSchema).default([]).describe('The aims or objectives under this priority (the golden thread)'),
});

/** A section whose every field has a default: left out, it is those defaults (written once, on the fields). */
function withFieldDefaults<T extends z.ZodObject>(schema: T) {
  return schema.default(() => schema.parse({}) as z.util.NoUndefined<z.output<T>>);
}

export const pathsSchema = z
  .strictObject({
    kpis: z.string().default('kpis'),
    outturns: z.string().default('data/outturns'),
    commentary: z.string().default('data/commentary'),
    templates: z.string().default('templates'),
    reports: z.string().default('reports'),
  })
  .describe('Folders, relative to the workspace root.');

export const configSchema = z
  .strictObject({
    organisation: text.describe('The organisation, as printed on papers'),
    financialYearStartMonth: z.number().int().min(1).max(12).default(4).describe('1-12; 4 = April'),
    paths: withFieldDefaults(pathsSchema),
    ragg: withFieldDefaults(
      z.strictObject({
        band: z.number().min(0).default(0.05),
        bandType: z.enum(['relative', 'absolute']).default('relative'),
        rule: raggRuleSchema
          .optional()
          .describe('A status rule as bands (e.g. green up to 5% short, amber up to 10%, red beyond); when given, band and bandType are not used'),
        exceptionsFor: z
          .array(z.enum(['red', 'amber']))
          .default(['red'])
          .describe('Which statuses need an exception report'),
      }),
    ),
    improvement: withFieldDefaults(
      z.strictObject({
        threshold: z.number().min(0).max(1).default(0.7),
        maintainedAtTargetCountsAsImproved: z.boolean().default(false),
      }),
    ),
    spc: withFieldDefaults(
      z.strictObject({
        minimumPoints: z.number().int().min(2).default(12),
        shiftLength: z.number().int().min(2).default(7),
        trendLength: z.number().int().min(2).default(7),
      }),
    ),
    committees: z.array(committeeSchema).min(1, 'list at least one committee'),
    priorities: z.array(prioritySchema).min(1, 'list at least one Council Plan priority'),
  })
  .describe('prf workspace configuration (prf.yaml)');

export type Config = z.output<typeof configSchema>;
export type Committee = z.output<typeof committeeSchema>;
export type Priority = z.output<typeof prioritySchema>;
export type RaggRuleInput = z.output<typeof raggRuleSchema>;
