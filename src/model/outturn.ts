import * as z from 'zod';

/**
 * The columns of an outturn CSV. `kpi`, `period` and `value` are required; the rest may be
 * absent from the header or blank in a row.
 */
export const OUTTURN_COLUMNS = ['kpi', 'period', 'value', 'numerator', 'denominator', 'reviewed_by', 'note'] as const;
export const REQUIRED_OUTTURN_COLUMNS = ['kpi', 'period', 'value'] as const;
export type OutturnColumn = (typeof OUTTURN_COLUMNS)[number];

/**
 * One outturn after its cells have been read. `value` is null where the return says `n/a` or
 * is blank: the figure was not supplied, which status reports as missing data.
 */
export const outturnRowSchema = z.strictObject({
  kpi: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reviewedBy: z.string().nullable(),
  note: z.string().nullable(),
});

export type OutturnRow = z.output<typeof outturnRowSchema>;
