import * as z from 'zod';
import { parsePeriod } from './periods.js';
import { ISO_DATE_PATTERN, isIsoDate } from './dates.js';

/** A KPI reference: capitals, digits and hyphens, as councils print them (`HC-AM-01`, `TP01`). */
export const KPI_ID_PATTERN = /^[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*$/;
/** Committee, priority and aim ids in the config: lower-case slugs. */
export const SLUG_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const FY_PATTERN = /^\d{4}-\d{2}$/;

export const kpiId = z.string().regex(KPI_ID_PATTERN, 'a KPI id is capital letters, digits and hyphens, starting with a letter, e.g. HC-AM-01');

export const slug = z.string().regex(SLUG_PATTERN, 'an id here is lower-case letters, digits and hyphens, e.g. housing-osc');

export const text = z.string().trim().min(1, 'must not be empty');

export const financialYear = z
  .string()
  .regex(FY_PATTERN, 'a financial year is written 2025-26')
  .refine(
    (s) => {
      const p = parsePeriod(s);
      return p.ok && p.value.kind === 'year';
    },
    {
      error: (iss) => {
        const p = parsePeriod(String(iss.input));
        return p.ok ? `${String(iss.input)} is a ${p.value.kind}, not a financial year such as 2025-26` : p.message;
      },
    },
  );

export const isoDate = z.string().regex(ISO_DATE_PATTERN, 'a date is written YYYY-MM-DD, e.g. 2026-01-31').refine(isIsoDate, 'that date does not exist');

export const periodName = z.string().refine((s) => parsePeriod(s).ok, {
  error: (iss) => {
    const r = parsePeriod(String(iss.input));
    return r.ok ? 'invalid period' : r.message;
  },
});

export const finiteNumber = z.number().refine(Number.isFinite, 'must be a finite number');
