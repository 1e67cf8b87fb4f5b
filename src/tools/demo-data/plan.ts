/**
 * The story the demo data tells, KPI by KPI. Everything here is ILLUSTRATIVE: invented figures
 * shaped to exercise prf's reports, not any council's real performance.
 *
 * The design, checked by test/tools/demo-data.test.ts:
 * - 2025-26 Q3 (October to December 2025): 10 red and 9 amber measures, spread over the three
 *   committees, with every figure in, signed off and explained (the gaps are in Q2, below).
 * - HC-AM-01 (re-let time) improves month on month from April 2025, when a new void works
 *   contract started: recorded in its dictionary entry as a process change with rebase: true, so
 *   its control limits start again there (trial limits, a trend of improvement), and the row for
 *   the month it took effect carries the change as its note; FR-TR-01 (calls answered within 420 seconds) deteriorates from March 2025
 *   (an SPC shift and trend, concern).
 * - The 70% check through 2025-26 Q3: 52 of 80 comparable measures improved (65%), so the check
 *   is not met and four more improvements are needed.
 */

/** Planned status at 2025-26 Q3 (ignored where the KPI is grey: no target, tracker, annual). */
export type PlannedStatus = 'G' | 'A' | 'R';
/** Planned change in the year to date through Q3, 2025-26 against 2024-25. */
export type PlannedChange = '+' | '-' | '=';

export interface KpiPlan {
  q3: PlannedStatus;
  yoy: PlannedChange;
  /** Denominator per period at the KPI's own frequency (ratio KPIs); homes for compliance snapshots. */
  vol?: number;
  /** Seasonal pattern (see SEASONS) and its size relative to the KPI's scale (default 0.02). */
  season?: keyof typeof SEASONS;
  amp?: number;
  /**
   * Noise: with `levels`, a standard deviation in the KPI's unit; otherwise a share of the KPI's
   * scale (defaults: 0.012 monthly, 0.006 otherwise, as a share). Periods in `path` get a fifth of it.
   */
  noise?: number;
  /** Relative year-on-year step (default 0.04). */
  d?: number;
  /** Relative shortfall against target in 2025-26 (overrides the default for the planned status). */
  g?: number;
  /** Levels per financial year 2022-23..2025-26, in the KPI's unit (overrides the derived ones). */
  levels?: readonly [number, number, number, number];
  /** Figures for particular periods (before noise), in the KPI's unit. */
  path?: Readonly<Record<string, number>>;
  /** Counts per period for a ratio KPI: [numerator, denominator] (cumulative KPIs: the period's own counts). */
  counts?: Readonly<Record<string, readonly [number, number]>>;
  /** First financial year with data (default 2022). */
  start?: number;
  /** Copy this KPI's figures (the same count reported twice, e.g. a TSM and the council's own KPI). */
  mirror?: string;
}

/**
 * Seasonal "badness" by calendar month (January first): positive is worse than usual. Each is
 * shifted so October to December averages zero, so Q3 2025-26 lands where the plan puts it.
 */
export const SEASONS = {
  winterRepairs: [1.0, 0.8, 0.3, -0.2, -0.4, -0.5, -0.5, -0.4, -0.2, 0, 0.4, 1.0],
  winterDamp: [1.2, 1.0, 0.6, 0.0, -0.5, -0.9, -1.1, -1.0, -0.6, 0.0, 0.6, 1.0],
  springBilling: [0, 0.3, 1.2, 1.5, 0.6, 0, -0.3, -0.3, -0.2, -0.2, -0.2, 0],
  christmasBins: [0.9, 0.3, 0, -0.1, -0.2, 0, 0.1, 0.2, -0.1, -0.2, 0, 1.2],
  summerDemand: [-0.5, -0.5, -0.2, 0, 0.3, 0.6, 0.9, 0.8, 0.3, 0, -0.3, -0.6],
  gardenWaste: [1.4, 1.4, 1.4, -1, -1, -1, -0.8, -0.8, -0.8, 1.0, 1.0, 1.0],
} as const;

export const DEMO_FIRST_FY = 2022;
export const DEMO_LAST_FY = 2025;

/*
 * The gaps that hold a report up are all in 2025-26 Q2, so `prf report q2` shows how prf refuses
 * an incomplete quarter while the current quarter, Q3, is complete and `prf report q3` writes
 * papers fit for committee.
 */
/** Monthly KPIs whose September 2025 row was never signed off. */
export const AWAITING_SIGN_OFF = ['FR-DG-01', 'HC-AM-02', 'SP-NM-01'] as const;
export const AWAITING_SIGN_OFF_PERIOD = '2025-09';
/** The monthly KPI whose September 2025 return never arrived. */
export const MISSING_RETURN = { kpi: 'SP-RS-02', period: '2025-09' } as const;
/** The monthly KPI whose November 2025 figure was lost to a system outage. */
export const NOT_AVAILABLE = { kpi: 'HC-HO-05', period: '2025-11', note: 'system outage: figure not available' } as const;
/** The restated figure: late-closed jobs added after the October return was first made. */
export const RESTATED = { kpi: 'HC-AM-03', period: '2025-10', date: '2025-11-14', addedJobs: 120, reason: 'late-closed jobs added' } as const;
/** The red KPI left without commentary in 2025-26 Q2, so that quarter's reports show the gap. */
export const RED_WITHOUT_COMMENTARY = 'TSM-BS03';
export const RED_WITHOUT_COMMENTARY_QUARTER = 2;
/** Other notes, as an officer would add them. */
export const NOTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'FR-FS-04': { '2025-26-Q3': 'provisional: capital programme reprofiling goes to Cabinet in February' },
};

const q = (fy: number, quarter: number) => `${fy}-${String((fy + 1) % 100).padStart(2, '0')}-Q${quarter}`;
const quarters = (fy: number, values: readonly number[]): Record<string, number> => Object.fromEntries(values.map((v, i) => [q(fy, i + 1), v]));
const months = (year: number, firstMonth: number, values: readonly number[]): Record<string, number> =>
  Object.fromEntries(
    values.map((v, i) => {
      const m = firstMonth - 1 + i;
      return [`${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, v];
    }),
  );

export const PLANS: Readonly<Record<string, KpiPlan>> = {
  // Finance and Resources OSC
  'FR-CM-01': { q3: 'G', yoy: '+', vol: 412, start: 2024 },
  'FR-DG-01': { q3: 'G', yoy: '+', vol: 46 },
  'FR-FS-01': { q3: 'A', yoy: '-', vol: 1900, d: 0.03 },
  'FR-FS-02': { q3: 'G', yoy: '+', levels: [1.8, 1.1, 1.4, -0.3], noise: 0.12 },
  'FR-FS-03': { q3: 'G', yoy: '-', levels: [0.9, -0.4, -0.9, -0.4], noise: 0.08 },
  'FR-FS-04': { q3: 'R', yoy: '+', levels: [18.6, 21.3, 17.8, 11.6], noise: 0.6 },
  'FR-FS-05': { q3: 'G', yoy: '-', levels: [1040000, 1385000, 1310000, 1175000], noise: 12000 },
  'FR-FS-06': { q3: 'G', yoy: '+', vol: 1180 },
  'FR-FS-07': { q3: 'G', yoy: '+', vol: 14, d: 0.12 },
  'FR-LD-01': { q3: 'G', yoy: '+', vol: 44, d: 0.05 },
  'FR-LD-02': { q3: 'G', yoy: '-', vol: 212, g: -0.04, d: 0.02 },
  'FR-PE-01': { q3: 'A', yoy: '-', vol: 800, d: 0.05 },
  'FR-PE-02': { q3: 'G', yoy: '+', levels: [16.4, 15.8, 14.9, 13.6], noise: 0.15 },
  'FR-PE-03': { q3: 'G', yoy: '+', vol: 36, start: 2024, g: -0.08 },
  'FR-RB-01': { q3: 'G', yoy: '+', vol: 1100, season: 'springBilling', g: -0.05 },
  'FR-RB-02': { q3: 'R', yoy: '-', vol: 1650, season: 'springBilling', amp: 0.04 },
  'FR-TR-01': {
    q3: 'R',
    yoy: '-',
    vol: 9500,
    levels: [78.4, 82.6, 87.2, 75.7],
    noise: 0.9,
    path: months(2025, 3, [85.6, 83.6, 82.0, 80.8, 79.6, 78.4, 77.3, 76.3, 75.2, 74.0]),
  },
  'FR-TR-02': { q3: 'G', yoy: '+', vol: 190, g: -0.1, d: 0.1 },
  'FR-TR-03': { q3: 'G', yoy: '+', vol: 110 },
  'FR-TR-04': { q3: 'G', yoy: '+', vol: 14, d: 0.1 },
  'FR-TR-05': { q3: 'G', yoy: '+', levels: [8.1, 11.2, 13.0, 13.0], vol: 4300 },

  // Housing and Communities OSC
  'HC-AM-01': {
    q3: 'G',
    yoy: '+',
    vol: 14,
    levels: [46.3, 47.2, 49.0, 38.6],
    noise: 1.2,
    path: months(2025, 4, [47.9, 46.4, 45.2, 44.0, 42.8, 41.6, 40.3, 39.0, 37.8]),
  },
  'HC-AM-02': { q3: 'G', yoy: '+', vol: 1150, season: 'winterRepairs' },
  'HC-AM-03': { q3: 'A', yoy: '+', vol: 1050, season: 'winterRepairs', amp: 0.01, g: 0.035, noise: 0.006 },
  'HC-AM-04': { q3: 'G', yoy: '-', vol: 210, g: -0.003, d: 0.003, noise: 0.002 },
  'HC-AM-05': { q3: 'G', yoy: '+', levels: [14, 9, 6, 6] },
  'HC-AM-06': { q3: 'G', yoy: '+', vol: 62 },
  'HC-AM-07': { q3: 'G', yoy: '+', vol: 180, season: 'winterRepairs', amp: 0.01 },
  'HC-AM-08': { q3: 'R', yoy: '-', vol: 58 },
  'HC-AM-09': { q3: 'R', yoy: '-', season: 'winterDamp', amp: 0.08, levels: [263, 214, 208, 238], noise: 7 },
  'HC-AM-10': {
    q3: 'G',
    yoy: '+',
    levels: [4.4, 6.2, 21.0, 40.4],
    noise: 0,
    path: {
      ...quarters(2022, [1.2, 2.4, 3.5, 4.4]),
      ...quarters(2023, [4.9, 5.4, 5.8, 6.2]),
      ...quarters(2024, [9.6, 13.5, 17.4, 21.0]),
      ...quarters(2025, [27.3, 33.9, 40.4]),
    },
  },
  'HC-CC-01': { q3: 'G', yoy: '=', start: 2024, levels: [0, 0, 0, 0], noise: 0, path: { [q(2024, 1)]: 7.1 } },
  'HC-HO-01': { q3: 'G', yoy: '+', vol: 150 },
  'HC-HO-02': { q3: 'G', yoy: '+', season: 'winterRepairs', amp: 0.01, g: -0.03 },
  'HC-HO-03': { q3: 'A', yoy: '-', vol: 2300000, g: 0.012, d: 0.006, noise: 0.003 },
  'HC-HO-04': { q3: 'G', yoy: '+', vol: 60 },
  'HC-HO-05': { q3: 'G', yoy: '-', levels: [131, 148, 166, 187], noise: 4, season: 'winterDamp', amp: 0.02 },
  'HC-ID-01': {
    q3: 'G',
    yoy: '+',
    noise: 0,
    levels: [0, 0, 0, 0],
    path: { ...quarters(2022, [5, 8, 6, 12]), ...quarters(2023, [3, 6, 9, 7]), ...quarters(2024, [4, 9, 6, 14]), ...quarters(2025, [6, 11, 8]) },
  },
  'HC-ID-02': { q3: 'G', yoy: '-', vol: 24, g: -0.02, d: 0.04, noise: 0 },
  'HC-PS-01': { q3: 'G', yoy: '+', g: -0.08, d: 0.06 },
  'HC-PS-02': { q3: 'G', yoy: '-', levels: [88.6, 90.8, 92.5, 91.2], noise: 0.25 },
  'HC-PS-03': { q3: 'G', yoy: '+', levels: [602500, 611000, 618000, 627000], noise: 4000 },
  'HC-SC-01': { q3: 'G', yoy: '+', vol: 42, g: -0.04 },
  'HC-SC-02': { q3: 'G', yoy: '=', vol: 12, start: 2024 },
  'HC-SC-03': { q3: 'G', yoy: '=', vol: 21, start: 2024 },
  'HC-SC-04': { q3: 'G', yoy: '+', vol: 70 },
  'HC-SC-05': { q3: 'G', yoy: '+', levels: [7, 8, 9, 9], noise: 1.2, start: 2024 },
  'HC-SC-06': {
    q3: 'R',
    yoy: '-',
    start: 2024,
    counts: {
      ...Object.fromEntries(
        [
          [2, 2],
          [3, 4],
          [3, 3],
          [2, 3],
        ].map((c, i) => [q(2024, i + 1), c as [number, number]]),
      ),
      ...Object.fromEntries(
        [
          [2, 3],
          [3, 4],
          [2, 2],
        ].map((c, i) => [q(2025, i + 1), c as [number, number]]),
      ),
    },
  },
  'HC-SC-07': {
    q3: 'G',
    yoy: '+',
    noise: 0,
    levels: [0, 0, 0, 0],
    path: { ...quarters(2022, [2, 1, 0, 2]), ...quarters(2023, [1, 1, 2, 1]), ...quarters(2024, [1, 1, 2, 2]), ...quarters(2025, [1, 2, 2]) },
  },
  'HC-SH-01': {
    q3: 'G',
    yoy: '+',
    levels: [5.8, 3.9, 2.6, 0],
    noise: 0,
    path: months(2025, 4, [2.4, 1.9, 1.6, 1.2, 0.9, 0.6, 0.3, 0.1, 0]),
  },
  'HC-SH-02': { q3: 'G', yoy: '+', vol: 4850, levels: [99.91, 99.9, 99.94, 100], noise: 0.02 },
  'HC-SH-03': { q3: 'G', yoy: '+', vol: 4850, levels: [98.42, 98.9, 99.4, 100], noise: 0.08 },
  'HC-SH-04': { q3: 'G', yoy: '+', vol: 96, levels: [97.1, 97.9, 97.9, 100], noise: 0 },
  'HC-SH-05': { q3: 'G', yoy: '+', vol: 612, levels: [98.8, 99.35, 99.5, 100], noise: 0.05 },
  'HC-SH-06': { q3: 'A', yoy: '-', vol: 4850, levels: [99.2, 99.6, 99.96, 99.87], noise: 0.01 },
  'HC-SH-07': { q3: 'G', yoy: '=', vol: 612, levels: [100, 100, 100, 100] },
  'HC-SH-08': { q3: 'G', yoy: '+', vol: 102, levels: [99.02, 99.02, 98.04, 100], noise: 0 },
  'HC-SQ-01': { q3: 'G', yoy: '+', vol: 46, g: -0.02 },
  'HC-SQ-02': { q3: 'A', yoy: '+', vol: 45, d: 0.07 },

  // Strategic Planning and Environment OSC
  'SP-ES-01': { q3: 'G', yoy: '+', vol: 1.864, season: 'christmasBins', amp: 0.05, g: -0.06 },
  'SP-ES-02': { q3: 'A', yoy: '-', vol: 9200, season: 'gardenWaste', amp: 0.03, d: 0.02 },
  'SP-ES-03': { q3: 'G', yoy: '+', g: -0.04, d: 0.03 },
  'SP-NM-01': { q3: 'G', yoy: '+', vol: 260, season: 'summerDemand' },
  'SP-NM-02': { q3: 'R', yoy: '-', vol: 36, g: 0.1 },
  'SP-NM-03': { q3: 'G', yoy: '+', levels: [74.9, 75.8, 77.0, 78.6], noise: 0.3 },
  'SP-NM-04': { q3: 'A', yoy: '-', vol: 221000, g: 0.025, noise: 0.008 },
  'SP-PC-01': { q3: 'G', yoy: '+', levels: [87.3, 88.9, 90.4, 92.1], noise: 0.4 },
  'SP-PC-02': { q3: 'G', yoy: '+', start: 2024, g: -0.08, d: 0.06 },
  'SP-PC-03': { q3: 'G', yoy: '-', g: -0.03, d: 0.035 },
  'SP-PC-04': { q3: 'G', yoy: '+', vol: 310 },
  'SP-PL-01': { q3: 'R', yoy: '+', vol: 18, g: 0.11, d: 0.05, noise: 0.004 },
  'SP-PL-02': { q3: 'G', yoy: '+', vol: 240 },
  'SP-RS-01': { q3: 'R', yoy: '-', vol: 46 },
  'SP-RS-02': { q3: 'G', yoy: '+', vol: 320, season: 'summerDemand' },
  'SP-RS-03': { q3: 'G', yoy: '+', vol: 88 },
  'SP-RS-04': { q3: 'G', yoy: '+', vol: 150, start: 2024 },

  // Tenant Satisfaction Measures (Housing and Communities OSC)
  'TSM-BS01': { q3: 'G', yoy: '+', mirror: 'HC-SH-02' },
  'TSM-BS02': { q3: 'G', yoy: '+', mirror: 'HC-SH-05' },
  'TSM-BS03': { q3: 'R', yoy: '-', mirror: 'HC-SH-06' },
  'TSM-BS04': { q3: 'G', yoy: '=', mirror: 'HC-SH-07' },
  'TSM-BS05': { q3: 'G', yoy: '+', mirror: 'HC-SH-08' },
  'TSM-CH01-1': { q3: 'G', yoy: '+', vol: 4.85, start: 2023, d: 0.08 },
  'TSM-CH01-2': { q3: 'G', yoy: '+', vol: 4.85, start: 2023, d: 0.1 },
  'TSM-CH02-1': { q3: 'A', yoy: '+', vol: 190, g: 0.03, d: 0.05 },
  'TSM-CH02-2': { q3: 'G', yoy: '+', vol: 14, d: 0.1 },
  'TSM-NM01-1': { q3: 'G', yoy: '-', vol: 4.85, start: 2023, d: 0.06 },
  'TSM-NM01-2': { q3: 'G', yoy: '+', vol: 4.85, start: 2023, d: 0.2 },
  'TSM-RP01': { q3: 'G', yoy: '+', start: 2023, d: 0.2 },
  'TSM-RP02-1': { q3: 'G', yoy: '+', vol: 950, season: 'winterRepairs' },
  'TSM-RP02-2': { q3: 'G', yoy: '-', vol: 210, d: 0.03 },
  'TSM-TP01': { q3: 'G', yoy: '+', vol: 640, start: 2023 },
  'TSM-TP02': { q3: 'G', yoy: '+', vol: 640, start: 2023 },
  'TSM-TP03': { q3: 'G', yoy: '-', vol: 640, start: 2023 },
  'TSM-TP04': { q3: 'G', yoy: '+', vol: 640, start: 2023 },
  'TSM-TP05': { q3: 'G', yoy: '+', vol: 640, start: 2023 },
  'TSM-TP06': { q3: 'G', yoy: '-', vol: 640, start: 2023 },
  'TSM-TP07': { q3: 'G', yoy: '+', vol: 640, start: 2023 },
  'TSM-TP08': { q3: 'G', yoy: '+', vol: 640, start: 2023 },
  'TSM-TP09': { q3: 'G', yoy: '+', vol: 412, start: 2023, d: 0.08 },
  'TSM-TP10': { q3: 'G', yoy: '-', vol: 640, start: 2023 },
  'TSM-TP11': { q3: 'G', yoy: '+', vol: 640, start: 2023 },
  'TSM-TP12': { q3: 'G', yoy: '+', vol: 298, start: 2023 },
};
