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
  trendPrevious: Direction | null;
  trendLastYear: Direction | null;
  previousValue: number | null;
  lastYearValue: number | null;
  /** Making Data Count variation and assurance, in words; null before there are enough points. */
  spc: string | null;
  benchmark: string | null;
  confidence: string;
  sparkline: string;
  needsException: boolean;
}

export interface PriorityGroup {
  id: string;
  name: string;
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
  committee: { id: string; name: string; shortName: string };
  period: { name: string; title: string; previous: string; lastYear: string };
  draft: boolean;
  date: string | null;
  counts: Counts;
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
  committees: Array<{ name: string; counts: Counts; paper: string; exceptions: string; exceptionCount: number; gapCount: number }>;
}
