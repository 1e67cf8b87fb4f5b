import * as z from 'zod';
import { finiteNumber, slug, text } from './common.js';

export const RAGG_STATUSES = ['red', 'amber', 'green', 'grey'] as const;

export const bandSchema = z
  .strictObject({
    band: z.number().min(0).describe("Width of the amber band. Relative: a fraction of the target (0.05 = 5%). Absolute: in the KPI's own unit."),
    bandType: z.enum(['relative', 'absolute']).describe('relative (a share of the target) or absolute (in the unit)'),
  })
  .describe('How far worse than target a figure may be and still be amber.');

/**
 * How the control limits are taken, for a workspace (prf.yaml spc:) or one KPI (its spc:).
 * Each follows NHSRplotthedots: fixAfter is its fix_after_n_points, screenMovingRanges its
 * screen_outliers (on by default there; the Making Data Count Excel tool does not screen).
 */
export const spcLimitFields = {
  fixAfter: z
    .number()
    .int()
    .min(2)
    .nullable()
    .default(null)
    .describe("Take each segment's limits from its first N points and hold them (a fixed baseline); null: from every point"),
  screenMovingRanges: z
    .boolean()
    .default(true)
    .describe('Leave moving ranges of 3.267 x their mean or more out of the limits (NHSRplotthedots); false: keep them (the Making Data Count Excel tool)'),
};

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

/** What stays the same on a committee's covering report from one quarter to the next. */
export const coveringConfigSchema = z
  .strictObject({
    reportOf: text.optional().describe('Whose report it is, e.g. Assistant Director (Corporate and Contracted Services)'),
    contactOfficer: text.optional().describe('Who to ask about it: name, role and contact details'),
    portfolioHolder: text.optional().describe('The Cabinet or Portfolio Holder for this area'),
    purpose: text.optional().describe('The purpose of the report; a period commentary file may replace it'),
    referencePrefix: text.optional().describe('The start of the report reference printed on every page, e.g. HCOSC-PERF; the period is added'),
  })
  .describe('Covering report details for this committee, printed at the top of its paper.');

export const committeeSchema = z.strictObject({
  id: slug.describe('Stable id used by KPI entries, e.g. housing-osc'),
  name: text.describe('Full name as printed on papers'),
  shortName: text.optional().describe('Short name for tables and file names'),
  covering: coveringConfigSchema.optional(),
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

export const QUARTILE_METHODS = ['QUARTILE.INC', 'QUARTILE.EXC'] as const;

export const peerGroupSchema = z
  .strictObject({
    id: slug.describe('Stable id, used with --peers'),
    name: text.describe('As printed beside each quartile, e.g. Councils under 15,000 homes'),
    type: z
      .enum(['LA', 'PRP'])
      .optional()
      .describe('LA: councils (the regulator labelled them LARP in 2023-24); PRP: housing associations and other private providers'),
    tenure: z
      .enum(['LCRA', 'LCHO'])
      .default('LCRA')
      .describe('Which figures are compared: low cost rental (LCRA) or shared ownership (LCHO); also the home count used for homes'),
    homes: z
      .strictObject({
        atLeast: z.number().int().min(0).optional().describe('At least this many homes'),
        under: z.number().int().min(1).optional().describe('Fewer than this many homes'),
      })
      .optional()
      .describe("Home count range, from the CH01 denominator of the group's tenure"),
    codes: z.array(text).optional().describe("The regulator's landlord codes, where the group is a list"),
  })
  .describe('A peer group: the landlords meeting every condition given');

export const benchmarksConfigSchema = z
  .strictObject({
    method: z.enum(QUARTILE_METHODS).default('QUARTILE.INC').describe("How quartiles are computed: Excel's QUARTILE.INC (the default) or QUARTILE.EXC"),
    tsm: z
      .strictObject({
        landlord: text.optional().describe("Your landlord code in the regulator's data (used when --landlord is not given), e.g. 26UC"),
        tenure: z.enum(['LCRA', 'LCHO']).default('LCRA').describe('Whose perception and complaints figures are your own outturns'),
        peerGroups: z.array(peerGroupSchema).default([]).describe('The first listed is the one a paper places you in'),
      })
      .optional(),
  })
  .describe('Benchmarks computed by prf (prf benchmarks tsm)');

/** Open Government Licence v3.0: the default licence for UK public sector information. */
export const OPEN_GOVERNMENT_LICENCE = {
  name: 'OGL-UK-3.0',
  title: 'Open Government Licence v3.0',
  path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const;

export const licenceSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dots, hyphens and underscores only, e.g. OGL-UK-3.0 or CC-BY-4.0')
      .optional()
      .describe('The licence id as the Open Definition lists it, e.g. OGL-UK-3.0, CC-BY-4.0'),
    title: text.describe('The licence as printed on the site, e.g. Open Government Licence v3.0'),
    path: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'the address of the licence text, starting http:// or https://')
      .describe('Where the licence text is published'),
  })
  .describe('A licence as the Frictionless data package spec describes one: name (id), title and path (address)');

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
        minimumPoints: z
          .number()
          .int()
          .min(2)
          .default(13)
          .describe('Points a segment needs for firm limits; fewer give trial limits (default 13, as NHSRplotthedots warns below 13)'),
        shiftLength: z.number().int().min(2).default(7),
        trendLength: z.number().int().min(2).default(7),
        ...spcLimitFields,
      }),
    ),
    benchmarks: benchmarksConfigSchema.optional(),
    publication: withFieldDefaults(
      z.strictObject({
        licence: licenceSchema
          .default({ ...OPEN_GOVERNMENT_LICENCE })
          .describe('The licence the public website and its open data are published under (default: Open Government Licence v3.0)'),
      }),
    ).describe('The public website and open data (prf site)'),
    committees: z.array(committeeSchema).min(1, 'list at least one committee'),
    services: z
      .array(text)
      .default([])
      .describe("The services that deliver the KPIs, as each entry's service: names them; when listed, an entry naming another is flagged (a typing slip)"),
    plan: text
      .default('Council Plan')
      .describe(
        'What the organisation calls the plan its priorities come from, as papers and the website name it: Council Plan (the default), Corporate Plan, Business Plan',
      ),
    priorities: z.array(prioritySchema).min(1, 'list at least one Council Plan priority'),
  })
  .describe('prf workspace configuration (prf.yaml)');

export type Config = z.output<typeof configSchema>;
export type Committee = z.output<typeof committeeSchema>;
export type CoveringConfig = z.output<typeof coveringConfigSchema>;
export type Priority = z.output<typeof prioritySchema>;
export type PeerGroup = z.output<typeof peerGroupSchema>;
export type Licence = z.output<typeof licenceSchema>;
export type QuartileMethod = (typeof QUARTILE_METHODS)[number];

export type RaggRuleInput = z.output<typeof raggRuleSchema>;
