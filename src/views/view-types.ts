import type { FigureStyle } from '../core/figures.js';
import type { Status } from '../core/ragg.js';
import type { Direction } from '../core/trend.js';

/**
 * What the report templates see. Every field is always present (null when there is nothing to
 * show), because templates compile in strict mode: a misspelt field is an error, never a blank.
 * Figures stay numbers with their style so each format prints them its own way; SVG fields are
 * markup built and escaped by prf, everything else is text the template must escape.
 */

export interface KpiRef {
  id: string;
  name: string;
}

export interface Counts {
  red: number;
  amber: number;
  green: number;
  grey: number;
  missing: number;
  /** Not applicable this period (counted apart, never on or off target). */
  na: number;
  total: number;
  onTarget: number;
  offTarget: number;
  /** Of the greys, those with no figure yet (an annual measure before its year end). */
  greyNotReported: number;
  /** The roll-up with its parts, in words: "60 of 64 on target: 31 green, 5 amber, 24 grey (of which 20 not yet reported). 4 off target (red)." */
  rollup: string;
}

/** A covering report field: its text, or why it is blank and where to add it. */
export interface Field {
  text: string | null;
  missing: string | null;
}

export interface CoveringView {
  reference: Field;
  meetingDate: Field;
  agendaItem: Field;
  reportOf: Field;
  contactOfficer: Field;
  portfolioHolder: Field;
  purpose: Field;
  recommendations: string[];
  recommendationsMissing: string | null;
  summary: Field;
  mainMessages: string[];
  implications: Array<Field & { heading: string }>;
}

/** What each colour, arrow and SPC phrase means, printed once beside the dashboard. */
export interface KeyView {
  /** `exceptions`: the own rules in one sentence on the Amber row, for templates copied before `ownRules`; null on the others. */
  statuses: Array<{ status: Status; meaning: string; exceptions: string | null }>;
  /** Indicators coloured by a rule of their own instead of the workspace's, grouped by rule. */
  ownRules: Array<{ kpis: string; rule: string }>;
  trends: Array<{ arrow: string; word: string; meaning: string }>;
  variation: Array<{ phrase: string; meaning: string }>;
  assurance: Array<{ phrase: string; meaning: string }>;
  /** The peer groups the dashboard's benchmark quartiles are read against. */
  benchmarkGroups: string[];
}

export interface DashboardRow {
  id: string;
  name: string;
  service: string;
  level: string;
  style: FigureStyle;
  value: number | null;
  /** Printed beside the figure: "year to date" for cumulative KPIs. */
  valueNote: string | null;
  target: number | null;
  targetNote: string | null;
  status: Status;
  explanation: string;
  /** Why a grey or missing row has no colour, or a KPI's own band: printed in the row. */
  reason: string | null;
  /** This year's earlier quarters (one per quarterColumns entry; null where none) and the year to date. */
  quarters: Array<number | null>;
  yearToDate: number | null;
  yearTarget: number | null;
  trendPrevious: Direction | null;
  trendLastYear: Direction | null;
  previousValue: number | null;
  lastYearValue: number | null;
  /** Making Data Count variation and assurance, the short phrase the key explains; null before there are enough points. */
  spc: string | null;
  /** The same in full, for the exception page. */
  spcLong: string | null;
  benchmark: string | null;
  /** The benchmark quartile alone (1 = best) for the dashboard; the key names the peer groups. */
  benchmarkQuartile: number | null;
  confidence: string;
  sparkline: string;
  needsException: boolean;
}

export interface PriorityGroup {
  id: string;
  name: string;
  counts: Counts;
  rows: DashboardRow[];
}

export interface ActionView {
  action: string;
  owner: string;
  due: string;
  done: string | null;
  overdue: boolean;
}

export interface ExceptionView {
  row: DashboardRow;
  committee: string;
  priority: string;
  aim: string | null;
  definition: string;
  formula: string | null;
  baseline: string;
  benchmark: string;
  overview: string | null;
  actions: ActionView[];
  barriers: string | null;
  likelyOutturn: number | null;
  author: string | null;
  chart: string;
  /** What is missing from this page, e.g. "no performance overview (Head of Repairs)". */
  gaps: string[];
}

export interface NoteView {
  kpi: KpiRef | null;
  text: string;
}

export interface OverdueAction extends ActionView {
  kpi: KpiRef;
  from: string;
}

export interface ImprovementView {
  year: string;
  through: string;
  comparedWith: string;
  threshold: number;
  share: number;
  met: boolean;
  improved: number;
  declined: number;
  unchanged: number;
  notComparable: number;
  moreNeeded: number;
  atRisk: Array<KpiRef & { outcome: string; reason: string }>;
}

export interface Gap {
  kpi: KpiRef;
  problem: string;
  who: string;
  /** The gap is commentary (an exception report, a project's status) or a sign-off: the refusal names the command that helps. */
  commentary: boolean;
  signOff: boolean;
}

export interface PaperView {
  organisation: string;
  /** What the organisation calls its plan (prf.yaml plan:), e.g. "Council Plan". */
  plan: string;
  committee: { id: string; name: string; shortName: string };
  period: { name: string; title: string; previous: string; lastYear: string };
  draft: boolean;
  date: string | null;
  counts: Counts;
  covering: CoveringView;
  key: KeyView;
  /** Headings of the earlier quarters' columns, e.g. Q1 Q2 at Q3; empty when the period is not a quarter. */
  quarterColumns: string[];
  /** Printed at the foot of every page: the reference, or that it is missing. */
  footer: string;
  /** The council-wide 70% check, and the same check over this committee's indicators. */
  improvement: ImprovementView;
  committeeImprovement: ImprovementView;
  changes: { newReds: KpiRef[]; recoveries: KpiRef[] };
  groups: PriorityGroup[];
  exceptions: ExceptionView[];
  achievements: NoteView[];
  forwardLook: NoteView[];
  overdueActions: OverdueAction[];
  gaps: Gap[];
  files: { paper: string; exceptions: string; index: string };
}

export interface IndexView {
  organisation: string;
  period: PaperView['period'];
  draft: boolean;
  date: string | null;
  counts: Counts;
  improvement: ImprovementView;
  footer: string;
  committees: Array<{ name: string; counts: Counts; paper: string; exceptions: string; exceptionCount: number; gapCount: number }>;
}
