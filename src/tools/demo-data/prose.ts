/**
 * ILLUSTRATIVE officer commentary for the demo workspace: exception text for the measures the
 * plan makes red in 2025-26, achievements and the forward look. Written per measure so each
 * reads as its service would write it; figures come from the generated data.
 */
import { formatFigure, roundTo } from '../../core/figures.js';
import type { Committee } from '../../model/config.js';
import type { Measure } from '../../model/kpi.js';
import type { Status } from '../../core/ragg.js';

/** A measure's status for a period, as prf computes it: what the prose is written against. */
export interface DemoStatus {
  kpi: Measure;
  status: Status;
  value: number | null;
  target: number | null;
}

export interface ProseContext {
  kpi: Measure;
  quarter: 1 | 2 | 3;
  /** e.g. 2025-26-Q3 */
  period: string;
  value: number;
  target: number;
  /** The figure with its unit, e.g. "74.2%". */
  fig: (x: number) => string;
  /** The figure at the KPI's decimal places, no unit. */
  fixed: (x: number) => string;
  previous: number | null;
  previousStatus: string | null;
  lastYear: number | null;
  yearToDate: number | null;
  yearTarget: number | null;
}

interface PlannedAction {
  action: string;
  owner: string;
  /** The quarter of 2025-26 whose commentary first lists it. */
  raised: 1 | 2 | 3;
  due: string;
  done?: string;
}

interface Exception {
  overview: (c: ProseContext) => string;
  actions: PlannedAction[];
  barriers: (c: ProseContext) => string;
  /** The likely year-end outturn, in the KPI's unit. */
  likely: (c: ProseContext) => number;
}

const QUARTER_END = { 1: '2025-06-30', 2: '2025-09-30', 3: '2025-12-31' } as const;
const QUARTER_START = { 1: '2025-04-01', 2: '2025-07-01', 3: '2025-10-01' } as const;

const lastYearText = (c: ProseContext): string => (c.lastYear === null ? '' : ` (${c.fig(c.lastYear)} in the same quarter last year)`);

/** A year-end figure part of the way from the current one to the target. */
const towards = (share: number) => (c: ProseContext) => c.value + share * (c.target - c.value);

/** Homes short of 100% in a compliance snapshot of the 4,850-home stock (plan.ts vol). */
const homesShort = (value: number): string => {
  const n = Math.round(((100 - value) / 100) * 4850);
  const words = ['No homes', 'One home', 'Two homes', 'Three homes', 'Four homes', 'Five homes', 'Six homes', 'Seven homes', 'Eight homes', 'Nine homes'];
  return words[n] ?? `${n} homes`;
};

const EXCEPTIONS: Record<string, Exception> = {
  'FR-FS-04': {
    overview: (c) =>
      c.quarter === 1
        ? `The capital programme is forecast to underspend by ${c.fig(c.value)} of the revised budget at the end of Q1. Most of the variance sits in three housing schemes whose contractor start dates moved into 2026-27, and in the Maylands public realm works awaiting utility diversions.`
        : c.quarter === 2
          ? `The forecast capital variance is ${c.fig(c.value)} at Q2${c.previous === null ? '' : `, against ${c.fig(c.previous)} at Q1`}. Slippage on the housing new-build pipeline accounts for about two thirds of it; the leisure decarbonisation scheme has also been re-phased after the grant award was delayed.`
          : `At Q3 the forecast variance is ${c.fig(c.value)}${lastYearText(c)}. It is narrowing as schemes are re-profiled into next year's programme, but it is still well outside the 5-point tolerance because budgets were set before tender returns were known.`,
    actions: [
      {
        action: 'Re-profile slipped housing schemes into the 2026-27 capital programme and report the changes to Cabinet',
        owner: 'Capital and Treasury Manager',
        raised: 1,
        due: '2025-09-30',
        done: '2025-09-23',
      },
      {
        action: 'Introduce a gateway review so that schemes enter the capital budget only once tender prices are known',
        owner: 'Assistant Director, Finance (Deputy Section 151 Officer)',
        raised: 2,
        due: '2025-12-31',
        done: '2025-12-16',
      },
      {
        action: 'Monthly forecast challenge sessions with each capital budget holder through to year end',
        owner: 'Capital Accountant',
        raised: 3,
        due: '2026-03-31',
      },
    ],
    barriers: () =>
      "Contractor availability and utility company lead times sit outside the council's control, and several grant-funded schemes cannot start until funding agreements are signed.",
    likely: towards(0.35),
  },
  'FR-RB-02': {
    overview: (c) =>
      c.quarter === 1
        ? `Council tax contacts took ${c.fig(c.value)} on average to answer in Q1 against a target of ${c.fig(c.target)}. Annual billing brought the usual spring peak, made worse this year by questions about the second homes premium introduced on 1 April.`
        : c.quarter === 2
          ? `Response times improved only slightly to ${c.fig(c.value)} in Q2. The backlog from annual billing was cleared by mid-August, but two experienced officers left the team and their replacements are still in training.`
          : `Q3 response time was ${c.fig(c.value)}${lastYearText(c)}. Work in progress is lower than in the summer, but recovery notices issued in October generated a second peak of correspondence that the team has not yet absorbed.`,
    actions: [
      {
        action: 'Move council tax change-of-address forms to the online portal with automatic account updates',
        owner: 'Revenues Manager',
        raised: 1,
        due: '2025-09-30',
        done: '2025-09-05',
      },
      {
        action: 'Recruit to the two vacant revenues officer posts and run a structured training plan',
        owner: 'Head of Revenues and Benefits',
        raised: 2,
        due: '2025-11-30',
      },
      {
        action: 'Stagger the issue of reminder and recovery notices across the month to smooth incoming contact',
        owner: 'Revenues Team Leader',
        raised: 3,
        due: '2026-02-28',
      },
    ],
    barriers: () =>
      'New starters take about six months to reach full productivity on council tax casework, and annual billing in March will bring the next peak before they do.',
    likely: towards(0.4),
  },
  'FR-TR-01': {
    overview: (c) =>
      c.quarter === 2
        ? `Only ${c.fig(c.value)} of calls were answered within 420 seconds in Q2${c.previous === null ? '' : `, down from ${c.fig(c.previous)} in Q1`}, against a target of ${c.fig(c.target)}. Performance has fallen every month since March: call volumes are steady but average handling time has risen as more calls concern housing and cost of living enquiries.`
        : `Performance fell again to ${c.fig(c.value)} in Q3${lastYearText(c)}. The decline has now run for ten months and is a real change, not month-to-month noise. Three advisor vacancies and longer calls about housing applications are the main causes.`,
    actions: [
      {
        action: 'Fill the three customer service advisor vacancies, using agency staff in the interim',
        owner: 'Customer Service Manager',
        raised: 2,
        due: '2025-11-30',
        done: '2025-12-08',
      },
      {
        action: 'Add a housing register option to the telephone menu with a call-back instead of queueing',
        owner: 'Customer Service Team Leader',
        raised: 2,
        due: '2025-12-31',
      },
      {
        action: 'Review call scripts for the ten longest call types and publish self-service answers for them',
        owner: 'Head of Transformation',
        raised: 3,
        due: '2026-03-31',
      },
    ],
    barriers: () =>
      'Agency advisors need three weeks of training before taking calls alone, and demand from housing applicants is expected to stay high through the winter.',
    likely: (c) => c.value + 0.15 * (c.target - c.value),
  },
  'HC-AM-01': {
    overview: (c) =>
      c.quarter === 1
        ? `Homes took ${c.fig(c.value)} on average to re-let in Q1${lastYearText(c)}, against the ${c.fig(c.target)} target. The new void works contract started on 1 April and each month since has been quicker than the last as the contractor clears the homes inherited from the previous contract.`
        : `Re-let time fell to ${c.fig(c.value)} in Q2, still above target but improving every month since April. September's figure was the best for more than two years; the remaining long voids are major works properties that will be let in Q3.`,
    actions: [
      {
        action: 'Weekly void progress meetings with the new contractor, with a 10-working-day standard for minor works',
        owner: 'Head of Asset Management',
        raised: 1,
        due: '2025-07-31',
        done: '2025-07-14',
      },
      {
        action: 'Start pre-letting viewings while void works are still under way so that new tenancies begin on completion',
        owner: 'Voids and Lettings Manager',
        raised: 1,
        due: '2025-09-30',
        done: '2025-09-01',
      },
      {
        action: 'Clear the remaining major works voids held over from the previous contract',
        owner: 'Voids Performance Officer',
        raised: 2,
        due: '2025-12-31',
      },
    ],
    barriers: () => 'A small number of homes need asbestos removal or structural repairs before they can be let, which adds several weeks each.',
    likely: (c) => c.target - 0.5,
  },
  'HC-AM-08': {
    overview: (c) =>
      c.quarter === 1
        ? `${c.fig(c.value)} of new tenants surveyed in Q1 were satisfied with the lettings process, against a target of ${c.fig(c.target)}. Comments point to the condition of homes at handover (cleaning and decoration) rather than to how staff dealt with applicants.`
        : c.quarter === 2
          ? `Satisfaction with lettings was ${c.fig(c.value)} in Q2. Fewer comments mention cleanliness since the handover checklist began, but more now mention the time between offer and keys.`
          : `Satisfaction was ${c.fig(c.value)} in Q3${lastYearText(c)}. About 55 new tenants are surveyed each quarter, so one or two answers move the figure by several points, but it has been below target for three quarters in a row.`,
    actions: [
      {
        action: 'Introduce a handover checklist signed by the lettings officer and the new tenant',
        owner: 'Voids and Lettings Manager',
        raised: 1,
        due: '2025-08-31',
        done: '2025-08-04',
      },
      {
        action: 'Offer a decoration allowance or voucher where a home is let with worn decoration',
        owner: 'Head of Asset Management',
        raised: 2,
        due: '2025-12-31',
        done: '2025-11-17',
      },
      {
        action: 'Call every new tenant six weeks after the start of the tenancy and put right any snags found',
        owner: 'Lettings Officer',
        raised: 3,
        due: '2026-03-31',
      },
    ],
    barriers: () => 'The survey base is small (about 55 responses a quarter), so the figure will stay volatile while the changes take effect.',
    likely: towards(0.3),
  },
  'HC-AM-09': {
    overview: (c) =>
      c.quarter === 1
        ? `There were ${c.fixed(c.value)} live damp and mould cases at the end of June, against a target of no more than ${c.fixed(c.target)}. Cases usually fall over the summer; this year fewer were closed because surveyors were diverted to disrepair claims.`
        : c.quarter === 2
          ? `Live cases stood at ${c.fixed(c.value)} at the end of September. New reports have started to rise ahead of the winter and the backlog of cases awaiting a follow-up inspection is still high.`
          : `Live cases rose to ${c.fixed(c.value)} at the end of December${c.lastYear === null ? '' : `, compared with ${c.fixed(c.lastYear)} a year earlier`}. The rise is seasonal in part, but more of the cases now need major works (roof, damp-proof course or ventilation) that take longer to complete.`,
    actions: [
      {
        action: 'Appoint two temporary damp and mould surveyors for the winter',
        owner: 'Head of Asset Management',
        raised: 1,
        due: '2025-09-30',
        done: '2025-10-13',
      },
      {
        action: 'Triage every new report within two working days and visit category 1 hazards within ten',
        owner: 'Damp and Mould Case Coordinator',
        raised: 2,
        due: '2025-10-31',
        done: '2025-10-20',
      },
      {
        action: 'Let a ventilation and insulation works package for the 60 homes with repeat cases',
        owner: 'Responsive Repairs Manager',
        raised: 3,
        due: '2026-03-31',
      },
    ],
    barriers: () =>
      'Cases peak between December and February, and homes needing structural works rely on contractors who are also committed to the planned works programme.',
    likely: (c) => roundTo(c.value - 25, 0),
  },
  'HC-AM-10': {
    overview: (c) =>
      `${c.fig(c.value)} of homes have had a stock condition survey in the last five years at the end of ${c.quarter === 1 ? 'June' : 'September'}, against the ${c.fig(c.target)} to be reached by 31 March. The survey programme is on course for the year-end target; the status is red only because the target is for the year as a whole.`,
    actions: [
      {
        action: 'Keep surveyors on the agreed 230-homes-a-month schedule and report progress monthly',
        owner: 'Planned Works Manager',
        raised: 1,
        due: '2025-09-30',
        done: '2025-09-30',
      },
      {
        action: 'Ask the Portfolio Holder to agree a quarterly profile for this target so that in-year reports compare like with like',
        owner: 'Head of Asset Management',
        raised: 2,
        due: '2025-12-31',
      },
    ],
    barriers: () => 'Access refusals: about one home in twelve needs three or more appointments before surveyors get in.',
    likely: (c) => c.target + 1,
  },
  'HC-SC-06': {
    overview: (c) =>
      c.quarter === 1
        ? `Civil penalties were recovered in full on ${c.fig(c.value)} of final notices whose payment period has ended this year. The number of notices is small, so one unpaid penalty moves the figure a long way.`
        : c.quarter === 2
          ? `The year-to-date recovery rate is ${c.fig(c.value)}. Two landlords have not paid; one has appealed to the First-tier Tribunal and the other is being pursued through the county court.`
          : `Recovery stands at ${c.fig(c.value)} year to date at Q3${lastYearText(c)}, with two of nine penalties still unpaid. Both are now in formal recovery.`,
    actions: [
      {
        action: 'Register unpaid penalties as county court judgments within 28 days of the payment date',
        owner: 'Private Sector Housing Team Leader',
        raised: 1,
        due: '2025-09-30',
        done: '2025-08-22',
      },
      {
        action: 'Seek charging orders on the rental properties of landlords who have not paid',
        owner: 'Private Sector Housing Officer',
        raised: 2,
        due: '2025-12-31',
      },
      {
        action: 'Agree with Legal Services a standard timetable for enforcing Tribunal decisions',
        owner: 'Safe Communities Manager',
        raised: 3,
        due: '2026-02-27',
      },
    ],
    barriers: () => 'Appeals to the First-tier Tribunal suspend recovery, and court timescales for enforcement are currently around four months.',
    likely: (c) => roundTo(((7 + 2) / (9 + 2)) * 100, c.kpi.decimals),
  },
  'HC-SH-01': {
    overview: (c) =>
      c.quarter === 1
        ? `${c.fig(c.value)} of high-risk fire risk assessment actions were outstanding at the end of June, against a target of none. Most are fire door replacements in three blocks, waiting on certified doorsets.`
        : `Outstanding high-risk actions fell to ${c.fig(c.value)} at the end of September. The fire door programme is now on site in the last of the three blocks.`,
    actions: [
      {
        action: 'Complete the fire door replacement programme in the three outstanding blocks',
        owner: 'Fire Safety Manager',
        raised: 1,
        due: '2025-09-30',
        done: '2025-10-24',
      },
      {
        action: 'Weekly review of every open high-risk action with the contractor until none remain',
        owner: 'Head of Safe Homes',
        raised: 2,
        due: '2025-12-31',
        done: '2025-12-19',
      },
    ],
    barriers: () => 'Certified fire doorsets have a lead time of about ten weeks.',
    likely: () => 0,
  },
  'SP-NM-02': {
    overview: (c) =>
      c.quarter === 1
        ? `${c.fig(c.value)} of graffiti reports were cleared within seven days in Q1 against a target of ${c.fig(c.target)}. The graffiti team was reduced to one operative for six weeks while the other covered the street cleansing rounds.`
        : c.quarter === 2
          ? `${c.fig(c.value)} of graffiti was cleared within seven days in Q2. Offensive graffiti was still removed within 24 hours; the delays were on large tags on private walls, which need the owner's permission first.`
          : `Q3 performance was ${c.fig(c.value)}${lastYearText(c)}. Permission requests to private owners remain the main cause of delay, and the specialist cleaning vehicle was off the road for three weeks in November.`,
    actions: [
      {
        action: 'Restore a two-person graffiti team and cover absence from the street cleansing rota',
        owner: 'Neighbourhood Management Manager',
        raised: 1,
        due: '2025-08-31',
        done: '2025-07-28',
      },
      {
        action: 'Introduce a standing consent scheme so owners of frequently tagged walls agree to removal in advance',
        owner: 'Clean Team Supervisor',
        raised: 2,
        due: '2025-12-31',
      },
      {
        action: 'Arrange a hire agreement for a replacement cleaning vehicle during breakdowns',
        owner: 'Head of Neighbourhood Management',
        raised: 3,
        due: '2026-01-31',
      },
    ],
    barriers: () => "Removal from private property needs the owner's consent, which can take longer than the seven-day standard.",
    likely: towards(0.5),
  },
  'SP-PL-01': {
    overview: (c) =>
      c.quarter === 1
        ? `${c.fig(c.value)} of priority enforcement site visits were made within target in Q1 (target ${c.fig(c.target)}). The team has one vacant officer post and visits to listed buildings and trees took priority.`
        : c.quarter === 2
          ? `Performance was ${c.fig(c.value)} in Q2, better than a year ago but below target. Around 18 priority cases arrive each month, so every late visit costs more than five points.`
          : `${c.fig(c.value)} of priority visits were in time in Q3${lastYearText(c)}. Performance is improving on last year as the new officer takes on cases, but it is not yet at target.`,
    actions: [
      {
        action: 'Recruit to the vacant planning enforcement officer post',
        owner: 'Planning Enforcement Team Leader',
        raised: 1,
        due: '2025-09-30',
        done: '2025-09-15',
      },
      {
        action: 'Add a same-day duty officer rota for priority cases (works to listed buildings and protected trees)',
        owner: 'Development Management Manager',
        raised: 2,
        due: '2025-11-30',
        done: '2025-11-03',
      },
      {
        action: 'Report priority cases outstanding after three days to the Head of Planning each week',
        owner: 'Planning Enforcement Team Leader',
        raised: 3,
        due: '2026-01-31',
      },
    ],
    barriers: () => "A small team: one officer's leave or sickness affects a large share of the month's visits.",
    likely: towards(0.45),
  },
  'SP-RS-01': {
    overview: (c) =>
      c.quarter === 1
        ? `${c.fig(c.value)} of high-risk food inspections due in Q1 were done (target ${c.fig(c.target)}). Two officers were redeployed to an outbreak investigation in May.`
        : c.quarter === 2
          ? `${c.fig(c.value)} of high-risk inspections were achieved in Q2. The team has prioritised category A and B premises, so the inspections missed are category C and D, which carry lower risk.`
          : `Q3 achievement was ${c.fig(c.value)}${lastYearText(c)}. The Food Standards Agency recovery plan is on track for category A and B premises; a contractor is booked to clear the category C and D backlog in Q4.`,
    actions: [
      {
        action: 'Prioritise category A and B premises and agree the approach with the Food Standards Agency',
        owner: 'Food, Health and Safety Team Leader',
        raised: 1,
        due: '2025-07-31',
        done: '2025-07-18',
      },
      {
        action: 'Commission a contractor to inspect overdue category C and D premises',
        owner: 'Environmental Health Manager',
        raised: 2,
        due: '2025-12-31',
        done: '2025-12-12',
      },
      { action: 'Train two technical officers to carry out category D interventions', owner: 'Head of Regulatory Services', raised: 3, due: '2026-03-31' },
    ],
    barriers: () => 'Qualified food officers are scarce regionally, and outbreak work cannot be planned for.',
    likely: towards(0.6),
  },
  'HC-SQ-02': {
    overview: (c) =>
      `${c.fig(c.value)} of housing complaints were resolved within the policy timescale in Q1, against a target of ${c.fig(c.target)}${lastYearText(c)}. April and May were affected by the backlog from the winter repairs peak; fewer complaints have gone past their deadline since June.`,
    actions: [
      {
        action: 'Daily review of open complaints approaching their deadline by the complaints team',
        owner: 'Complaints and Customer Insight Manager',
        raised: 1,
        due: '2025-07-31',
        done: '2025-07-07',
      },
      {
        action: 'Give repairs supervisors direct access to the complaints system so that they can answer repairs complaints themselves',
        owner: 'Head of Strategy, Quality and Assurance',
        raised: 1,
        due: '2025-09-30',
        done: '2025-09-19',
      },
    ],
    barriers: () => "Complaints about repairs depend on a contractor visit before they can be resolved, which is outside the complaints team's control.",
    likely: towards(0.8),
  },
  'TSM-CH02-1': {
    overview: (c) =>
      `${c.fig(c.value)} of stage one complaints were responded to within the Complaint Handling Code timescale in Q1. Most late responses were repairs complaints from the winter backlog, answered in April; late responses have fallen week by week since mid-May.`,
    actions: [
      {
        action: 'Report stage one complaints due within three working days to service managers every morning',
        owner: 'Complaints and Feedback Manager',
        raised: 1,
        due: '2025-07-31',
        done: '2025-06-30',
      },
      {
        action: "Publish the self-assessment against the Complaint Handling Code with this year's results",
        owner: 'Head of Housing Management',
        raised: 1,
        due: '2025-09-30',
        done: '2025-09-26',
      },
    ],
    barriers: () =>
      'The Code allows an extension of up to ten working days only with a reason given to the tenant, which some teams have not yet recorded consistently.',
    likely: towards(0.7),
  },
  'TSM-BS03': {
    overview: (c) =>
      `${c.fig(c.value)} of homes needing an asbestos management survey had one at the end of ${c.quarter === 1 ? 'June' : 'September'}. ${homesShort(c.value)} are outstanding; in each the tenant has refused access and the case is with the tenancy team. The regulator's measure allows no tolerance, so this is red here while the council's own measure (HC-SH-06) is amber.`,
    actions: [
      {
        action: 'Follow the no-access procedure (letters, joint visit with the housing officer, then a court injunction) for each outstanding home',
        owner: 'Asbestos and Water Safety Manager',
        raised: 1,
        due: '2025-09-30',
      },
    ],
    barriers: () => 'Injunctions for access take three to four months to obtain.',
    likely: () => 100,
  },
};

function actionsFor(e: Exception, quarter: 1 | 2 | 3) {
  const start = QUARTER_START[quarter];
  const end = QUARTER_END[quarter];
  return e.actions
    .filter((a) => a.raised <= quarter && (a.done === undefined || a.done >= start))
    .slice(-3)
    .map((a) => ({ action: a.action, owner: a.owner, due: a.due, ...(a.done !== undefined && a.done <= end ? { done: a.done } : {}) }));
}

/** Exception commentary for a measure that is red in the quarter. */
export function proseFor(c: ProseContext): Record<string, unknown> {
  const e = EXCEPTIONS[c.kpi.id];
  if (!e) throw new Error(`demo-data: ${c.kpi.id} is red at ${c.period} but prose.ts has no commentary for it: write some`);
  const actions = actionsFor(e, c.quarter);
  return {
    overview: e.overview(c),
    ...(actions.length > 0 ? { actions } : {}),
    barriers: e.barriers(c),
    likelyOutturn: roundTo(e.likely(c), c.kpi.decimals),
    author: c.kpi.roles.owner,
  };
}

/**
 * The action log for a measure that was red earlier in the year and is not red now: the
 * actions finished this quarter are recorded done, so the paper does not list as overdue an
 * action the achievements say is complete. Null when nothing was finished this quarter.
 */
export function followUpFor(c: ProseContext): Record<string, unknown> | null {
  const e = EXCEPTIONS[c.kpi.id];
  if (!e) return null;
  const start = QUARTER_START[c.quarter];
  const end = QUARTER_END[c.quarter];
  const finished = e.actions.filter((a) => a.raised < c.quarter && a.done !== undefined && a.done >= start && a.done <= end);
  if (finished.length === 0) return null;
  return {
    overview: `${c.fig(c.value)} in Q${c.quarter}, against a target of ${c.fig(c.target)}: no longer red. The improvement ${finished.length === 1 ? 'action below was' : 'actions below were'} completed in the quarter.`,
    actions: finished.map((a) => ({ action: a.action, owner: a.owner, due: a.due, done: a.done })),
    author: c.kpi.roles.owner,
  };
}

interface Note {
  kpi?: string;
  text: string;
}

interface CaseStudy {
  title: string;
  kpi?: string;
  text: string;
}

/** Achievements and the forward look for a quarter's commentary. */
export function extrasFor(
  quarter: 1 | 2 | 3,
  statuses: DemoStatus[],
  previous: DemoStatus[] | null,
  _measures: Measure[],
): { achievements: Note[]; forwardLook: Note[]; caseStudies: CaseStudy[] } {
  const at = (id: string) => statuses.find((s) => s.kpi.id === id);
  const fig = (id: string) => {
    const s = at(id);
    return s && s.value !== null ? formatFigure(s.value, s.kpi) : 'n/a';
  };
  const recovered = previous
    ? statuses.filter((s, i) => previous[i]?.status === 'red' && s.status !== 'red' && s.status !== 'missing').map((s) => s.kpi.id)
    : [];
  switch (quarter) {
    case 1:
      return {
        achievements: [
          { kpi: 'HC-SH-02', text: `Every council home with a gas supply had a valid gas safety certificate at the end of June (${fig('HC-SH-02')}).` },
          { kpi: 'FR-TR-04', text: `All stage 2 complaints due in the quarter were answered within the policy timescale (${fig('FR-TR-04')}).` },
          {
            kpi: 'SP-PC-03',
            text: `${fig('SP-PC-03')} young people attended the adventure playgrounds, ahead of the Q1 profile, helped by the new Saturday sessions.`,
          },
        ],
        forwardLook: [
          { kpi: 'HC-AM-01', text: 'The new void works contract beds in: re-let times are expected to fall each month through the summer.' },
          {
            text: 'The annual tenant perception survey fieldwork starts in September; results will be reported with the 2025-26 Tenant Satisfaction Measures.',
          },
        ],
        caseStudies: [
          {
            title: 'Saturday sessions at the adventure playgrounds',
            kpi: 'SP-PC-03',
            text: 'Parents told us weekday sessions clashed with work, so the playgrounds opened on Saturday mornings from April. Families who had never visited came along, and many now come every week.',
          },
        ],
      };
    case 2:
      return {
        achievements: [
          { kpi: 'HC-AM-10', text: `The stock condition survey programme reached ${fig('HC-AM-10')} of homes, on course for the 40% year-end target.` },
          { kpi: 'FR-FS-07', text: `All internal audit recommendations due in the quarter were implemented (${fig('FR-FS-07')}).` },
          { kpi: 'SP-ES-01', text: `Missed bin reports stayed well inside target at ${fig('SP-ES-01')}, through the route changes of August.` },
        ],
        forwardLook: [
          { kpi: 'FR-TR-01', text: 'Three customer service advisors start in November; call answering is expected to recover from January.' },
          { kpi: 'HC-AM-09', text: 'Damp and mould reports are expected to rise through the winter; two temporary surveyors join in October.' },
          { kpi: 'SP-RS-01', text: 'A contractor will start on the category C and D food inspection backlog in the new year.' },
        ],
        caseStudies: [],
      };
    case 3:
      return {
        achievements: [
          {
            kpi: 'HC-AM-01',
            text: `Average re-let time fell to ${fig('HC-AM-01')} in Q3, inside the 40-day target for the first time since the measure was adopted, after nine months of improvement under the new void works contract.`,
          },
          ...(recovered.includes('HC-SH-01')
            ? [
                {
                  kpi: 'HC-SH-01',
                  text: 'No high-risk fire risk assessment actions were outstanding at the end of December: the fire door programme in the three remaining blocks is complete.',
                },
              ]
            : []),
          { kpi: 'HC-SC-04', text: `Every anti-social behaviour report was acknowledged within the policy timescale (${fig('HC-SC-04')}).` },
        ],
        forwardLook: [
          {
            kpi: 'FR-RB-02',
            text: 'Annual council tax billing in March will bring the usual peak in contact; new starters in the revenues team will be fully trained by then.',
          },
          {
            kpi: 'HC-SH-06',
            text: `Injunctions for access are being sought for the ${homesShort(at('HC-SH-06')?.value ?? 100).toLowerCase()} still without an asbestos management survey.`,
          },
          { text: 'Targets for 2026-27 go to Full Council with the budget in February, including the first annual target for investment property income.' },
        ],
        caseStudies: [
          {
            title: 'Empty homes let faster',
            kpi: 'HC-AM-01',
            text: `Under the new repairs contract, empty council homes are made ready and let in ${fig('HC-AM-01')} on average, down from nearly 50 days a year ago. That means families waiting for a home move in weeks sooner, and less rent is lost to pay for services.`,
          },
        ],
      };
  }
}

/** When each quarter goes to committee (004 §11: Q1 in September, Q2 in November, Q3 in March). */
const MEETING_MONTH = { 1: '2025-09', 2: '2025-11', 3: '2026-03' } as const;
const QUARTER_WORDS = { 1: 'Quarter 1 (April to June 2025)', 2: 'Quarter 2 (July to September 2025)', 3: 'Quarter 3 (October to December 2025)' } as const;

/**
 * A committee's covering report for the quarter: the meeting, the recommendations, a summary
 * naming only what the figures show (the reds and the recoveries, as prf computes them) and
 * the implications. The counts themselves are printed by prf from the same figures.
 */
export function coveringFor(
  quarter: 1 | 2 | 3,
  committee: Committee,
  index: number,
  statuses: DemoStatus[],
  previous: DemoStatus[] | null,
): Record<string, unknown> {
  const mine = statuses.filter((s) => s.kpi.committee === committee.id);
  const reds = mine.filter((s) => s.status === 'red');
  const before = new Map((previous ?? []).map((s) => [s.kpi.id, s.status]));
  const recovered = mine.filter((s) => before.get(s.kpi.id) === 'red' && s.status !== 'red' && s.status !== 'missing');
  const fig = (s: DemoStatus, x: number | null) => (x === null ? 'no figure' : formatFigure(x, s.kpi));
  const redWords =
    reds.length === 0
      ? `No indicator reported to this committee is red in ${QUARTER_WORDS[quarter]}.`
      : `${reds.length === 1 ? 'One indicator is' : `${reds.length} indicators are`} red this quarter, further from target than the amber band allows, and ${reds.length === 1 ? 'has an exception report' : 'each has an exception report'} setting out the reasons and the actions agreed.`;
  const recoveredWords =
    recovered.length === 0
      ? ''
      : ` ${recovered.length === 1 ? 'One indicator has' : `${recovered.length} indicators have`} recovered from red since last quarter.`;
  return {
    meetingDate: `${MEETING_MONTH[quarter]}-${String(10 + index).padStart(2, '0')}`,
    agendaItem: String(6 + index),
    recommendations: [
      `That the Committee notes the performance against the Council Plan indicators for ${QUARTER_WORDS[quarter]}.`,
      ...(reds.length > 0 ? ['That the Committee notes the exception reports for the indicators off target and the actions agreed to improve them.'] : []),
      'That the Committee identifies any indicator it wishes to examine in more detail at a future meeting.',
    ],
    summary: `This report sets out how the services reporting to the committee performed in ${QUARTER_WORDS[quarter]}. ${redWords}${recoveredWords}`,
    mainMessages: [
      ...reds.map((s) => `${s.kpi.id} ${s.kpi.name}: ${fig(s, s.value)} against a target of ${fig(s, s.target)}; see the exception report.`),
      ...recovered.map((s) => `${s.kpi.id} ${s.kpi.name}: back within target at ${fig(s, s.value)} (target ${fig(s, s.target)}).`),
    ],
    implications: {
      financial: 'None arising directly from this report. The improvement actions are met from existing service budgets.',
      legal: 'None arising directly from this report. The Council publishes its performance under its Performance Management Framework.',
      risk: 'Indicators off target for two quarters or more are considered for the service risk register by the Head of Service.',
      equalities:
        'None arising directly from this report, which monitors performance; changes to services that follow from it will be assessed in their own right.',
    },
  };
}
