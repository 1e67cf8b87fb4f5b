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

export const implicationsSchema = z
  .strictObject({
    financial: text.optional(),
    legal: text.optional(),
    risk: text.optional(),
    equalities: text.optional(),
  })
  .describe('The implications every council paper states; one left out is printed as missing, never assumed to be none');

/** One committee's covering report for this period: what changes from meeting to meeting. */
export const coveringSchema = z.strictObject({
  meetingDate: isoDate.optional().describe('The date of the committee meeting, YYYY-MM-DD'),
  agendaItem: text.optional().describe('The agenda item number, e.g. 7'),
  reference: text.optional().describe("The report reference; replaces prf.yaml's referencePrefix for this period"),
  purpose: text.optional().describe("The purpose of the report; replaces prf.yaml's"),
  recommendations: z.array(text).optional().describe('Each recommendation, e.g. That the Committee notes the performance for Quarter 3'),
  summary: text.optional().describe('The summary in plain English'),
  mainMessages: z.array(text).optional().describe('The main messages for members, one a line'),
  implications: implicationsSchema.optional(),
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
    committees: z.record(z.string(), coveringSchema).default({}).describe("Each committee's covering report for this period, by committee id"),
  })
  .describe('Commentary for one reporting period');

export type Commentary = z.output<typeof commentarySchema>;
export type KpiCommentary = z.output<typeof kpiCommentarySchema>;
export type Action = z.output<typeof actionSchema>;
export type CaseStudy = z.output<typeof caseStudySchema>;
export type Covering = z.output<typeof coveringSchema>;
