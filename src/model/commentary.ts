import * as z from 'zod';
import { finiteNumber, isoDate, kpiId, periodName, text } from './common.js';
import { RAGG_STATUSES } from './config.js';

export const actionSchema = z.strictObject({
  action: text.describe('What will be done'),
  owner: text.describe('Who will do it (a role)'),
  due: isoDate.describe('When, YYYY-MM-DD'),
  done: isoDate.optional().describe('When it was completed'),
});

export const kpiCommentarySchema = z.strictObject({
  overview: text.optional().describe('Performance overview for the period'),
  actions: z.array(actionSchema).optional().describe('Actions to improve performance'),
  barriers: text.optional().describe('What stands in the way'),
  likelyOutturn: finiteNumber.optional().describe('The likely year-end outturn'),
  status: z.enum(RAGG_STATUSES).optional().describe("For projects and narrative indicators: the owner's RAGG"),
  narrative: text.optional().describe('For projects and narrative indicators'),
  author: text.optional().describe('Who wrote it (a role)'),
});

export const noteSchema = z.strictObject({
  kpi: kpiId.optional(),
  text: text,
});

export const caseStudySchema = z.strictObject({
  title: text.describe('A short headline, e.g. Warmer homes on the Highfield estate'),
  kpi: kpiId.optional().describe('The KPI the story illustrates, if any'),
  text: text.describe('The story in plain English for residents: what changed, for whom, and what they said'),
});

export const commentarySchema = z
  .strictObject({
    period: periodName.describe('The reporting period, e.g. 2025-26-Q3'),
    kpis: z.record(kpiId, kpiCommentarySchema).default({}),
    achievements: z.array(noteSchema).default([]).describe('Notable achievements this period'),
    forwardLook: z.array(noteSchema).default([]).describe('What is coming next period'),
    caseStudies: z
      .array(caseStudySchema)
      .default([])
      .describe("Case studies for the annual review and the public: a resident's-eye story of the period, written for residents"),
  })
  .describe('Commentary for one reporting period');

export type Commentary = z.output<typeof commentarySchema>;
export type KpiCommentary = z.output<typeof kpiCommentarySchema>;
export type Action = z.output<typeof actionSchema>;
export type CaseStudy = z.output<typeof caseStudySchema>;
