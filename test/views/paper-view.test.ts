import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/model/periods.js';
import { buildReport, type ReportViews } from '../../src/views/build-report.js';
import type { Counts, PaperView } from '../../src/views/view-types.js';
import { COMMENTARY, CONFIG, MEASURE, OUTTURNS, PROJECT } from '../helpers/base-workspace.js';
import { edit, loadValid, type FileChanges } from '../helpers/rule-tester.js';

/*
 * The papers' view models as tables: each case is the base workspace (HC-01, a monthly ratio
 * measure with target 86%; HC-02, a project) with a file or two changed, and the part of the
 * view it is about, as JSON. The HTML snapshots show how a view is drawn; these say what it
 * holds: the counts, the on/off-target roll-up, each row's status, the exceptions and the gaps.
 */

/** What a paper holds, in the few words a reader checks. */
/** The counts without the roll-up sentence, which test/views/papers.test.ts words. */
type CountParts = Omit<Counts, 'rollup'>;
const parts = ({ rollup: _rollup, ...c }: Counts): CountParts => c;

interface PaperSummary {
  committee: string;
  counts: CountParts;
  rows: { id: string; status: string; value: number | null; target: number | null; needsException: boolean }[];
  exceptions: { id: string; gaps: string[] }[];
  gaps: string[];
  newReds: string[];
  recoveries: string[];
  overdueActions: string[];
  achievements: string[];
  forwardLook: string[];
}

function summary(p: PaperView): PaperSummary {
  const about = (n: { kpi: { id: string } | null; text: string }) => `${n.kpi?.id ?? 'general'}: ${n.text}`;
  return {
    committee: p.committee.id,
    counts: parts(p.counts),
    rows: p.groups.flatMap((g) => g.rows.map((r) => ({ id: r.id, status: r.status, value: r.value, target: r.target, needsException: r.needsException }))),
    exceptions: p.exceptions.map((e) => ({ id: e.row.id, gaps: e.gaps })),
    gaps: p.gaps.map((g) => `${g.kpi.id}: ${g.problem} (${g.who})`),
    newReds: p.changes.newReds.map((k) => k.id),
    recoveries: p.changes.recoveries.map((k) => k.id),
    overdueActions: p.overdueActions.map((a) => `${a.kpi.id}: ${a.action}, due ${a.due} (${a.from})`),
    achievements: p.achievements.map(about),
    forwardLook: p.forwardLook.map(about),
  };
}

interface ReportCase {
  files?: FileChanges;
  period?: string;
  /** The paper's date (prf report --date), which judges overdue actions; the period's end when absent. */
  date?: string;
  committee?: string;
}

function report(c: ReportCase): ReportViews {
  const p = parsePeriod(c.period ?? '2025-26-Q3');
  if (!p.ok) throw new Error(p.message);
  const options = { draft: false, date: c.date ?? null, isHoliday: () => false };
  return buildReport(loadValid(c.files).workspace, p.value, c.committee === undefined ? options : { ...options, committee: c.committee });
}

const HEADER = 'kpi,period,value,numerator,denominator,reviewed_by,note\n';
/** HC-01's figures as counts per 1,000 for the months given, each signed off. */
const monthly = (months: Record<string, number>) => ({
  [OUTTURNS]:
    HEADER +
    Object.entries(months)
      .map(([month, n]) => `HC-01,${month},,${n},1000,Repairs Manager,\n`)
      .join(''),
});
const q3 = (n: number) => monthly({ '2025-10': n, '2025-11': n, '2025-12': n });
const NO_HC01_COMMENTARY = {
  [COMMENTARY]: edit(
    '  HC-01:\n    overview: Performance recovered in December after a new scheduling system.\n    actions:\n      - action: Extend van stock for common parts\n        owner: Head of Repairs\n        due: 2026-02-28\n',
    '',
  ),
};
const TWO_COMMITTEES = {
  [CONFIG]: edit('priorities:', '  - id: finance\n    name: Finance Committee\npriorities:'),
  [PROJECT]: edit('committee: housing-osc', 'committee: finance'),
  [COMMENTARY]: (b: string) => `${b}  - text: Tenants' panel met twice.\nforwardLook:\n  - kpi: HC-02\n    text: Second contractor starts in January.\n`,
};

const counts = (c: Partial<CountParts>): CountParts => ({
  red: 0,
  amber: 0,
  green: 0,
  grey: 0,
  missing: 0,
  na: 0,
  onTarget: 0,
  offTarget: 0,
  total: 0,
  greyNotReported: 0,
  ...c,
});

type IndexSummary = { counts: CountParts; committees: { name: string; total: number; exceptionCount: number; gapCount: number }[] };

/** A case gives the keys it is about for each paper, in order, and may give the index's roll-up; each key given must match exactly. */
interface ViewCase extends ReportCase {
  name: string;
  papers: Partial<PaperSummary>[];
  index?: IndexSummary;
}

const SIGN_OFF = 'HC-01: the figure for 2025-12 awaits sign-off by the data reviewer (Repairs Manager (data reviewer))';
const GREEN_86 = { id: 'HC-01', status: 'green', value: 86, target: 86, needsException: false };
const PROJECT_AMBER = { id: 'HC-02', status: 'amber', value: null, target: null, needsException: false };
const RED_70 = { id: 'HC-01', status: 'red', value: 70, target: 86, needsException: true };

const TABLE: ViewCase[] = [
  {
    name: 'the base: a green measure and an amber project, both on target; a figure awaiting sign-off is a gap',
    papers: [
      {
        committee: 'housing-osc',
        counts: counts({ amber: 1, green: 1, onTarget: 2, total: 2 }),
        rows: [GREEN_86, PROJECT_AMBER],
        exceptions: [],
        gaps: [SIGN_OFF],
        newReds: [],
        recoveries: [],
        overdueActions: [],
        achievements: ['HC-01: Best December on record.'],
        forwardLook: [],
      },
    ],
    index: {
      counts: counts({ amber: 1, green: 1, onTarget: 2, total: 2 }),
      committees: [{ name: 'Housing Overview and Scrutiny Committee', total: 2, exceptionCount: 0, gapCount: 1 }],
    },
  },
  {
    name: 'more than 5% worse than target: red, off target, an exception, and a new red',
    files: q3(700),
    papers: [
      {
        counts: counts({ red: 1, amber: 1, onTarget: 1, offTarget: 1, total: 2 }),
        rows: [RED_70, PROJECT_AMBER],
        exceptions: [{ id: 'HC-01', gaps: [] }],
        gaps: [],
        newReds: ['HC-01'],
      },
    ],
    index: {
      counts: counts({ red: 1, amber: 1, onTarget: 1, offTarget: 1, total: 2 }),
      committees: [{ name: 'Housing Overview and Scrutiny Committee', total: 2, exceptionCount: 1, gapCount: 0 }],
    },
  },
  {
    name: 'exactly 5% worse (81.7 against 86): amber, on target, no exception',
    files: q3(817),
    papers: [
      {
        counts: counts({ amber: 2, onTarget: 2, total: 2 }),
        rows: [{ id: 'HC-01', status: 'amber', value: 81.7, target: 86, needsException: false }, PROJECT_AMBER],
        exceptions: [],
      },
    ],
  },
  {
    name: 'a tenth further (81.6): red',
    files: q3(816),
    papers: [
      {
        counts: counts({ red: 1, amber: 1, onTarget: 1, offTarget: 1, total: 2 }),
        rows: [{ id: 'HC-01', status: 'red', value: 81.6, target: 86, needsException: true }, PROJECT_AMBER],
      },
    ],
  },
  {
    name: 'a red measure without commentary: its exception says what is missing, and the paper names who owes it',
    files: { ...q3(700), ...NO_HC01_COMMENTARY },
    papers: [
      {
        exceptions: [{ id: 'HC-01', gaps: ['no performance overview (Head of Repairs)', 'no actions to improve (Head of Repairs)'] }],
        gaps: [
          'HC-01: a red status needs an exception report: the 2025-26-Q3 commentary lacks a performance overview and actions to improve (Assistant Director (head of service))',
        ],
      },
    ],
  },
  {
    name: 'figures due but not given: missing, neither on nor off target, each month a gap for the collector',
    files: { [OUTTURNS]: HEADER },
    papers: [
      {
        counts: counts({ amber: 1, missing: 1, onTarget: 1, total: 2 }),
        rows: [{ id: 'HC-01', status: 'missing', value: null, target: 86, needsException: false }, PROJECT_AMBER],
        gaps: [
          'HC-01: no figure for 2025-10: the figure was due from the data collector by 2025-11-12 (Repairs Analyst (data collector))',
          'HC-01: no figure for 2025-11: the figure was due from the data collector by 2025-12-10 (Repairs Analyst (data collector))',
          'HC-01: no figure for 2025-12: the figure is due from the data collector by 2026-01-12 (Repairs Analyst (data collector))',
        ],
      },
    ],
  },
  {
    name: 'a tracker: grey, and counted on target',
    files: { [MEASURE]: edit('level: kpi', 'level: tracker') },
    papers: [{ counts: counts({ amber: 1, grey: 1, onTarget: 2, total: 2 }), rows: [{ ...GREEN_86, status: 'grey' }, PROJECT_AMBER] }],
  },
  {
    // The project's exception asks for an overview and actions though its commentary gives status and narrative, and the paper lists no gap for it.
    name: 'exceptions for amber too when prf.yaml says so, projects included',
    files: { ...q3(817), [CONFIG]: (b: string) => `${b}ragg:\n  exceptionsFor: [red, amber]\n` },
    papers: [
      {
        rows: [
          { id: 'HC-01', status: 'amber', value: 81.7, target: 86, needsException: true },
          { ...PROJECT_AMBER, needsException: true },
        ],
        exceptions: [
          { id: 'HC-01', gaps: [] },
          { id: 'HC-02', gaps: ['no performance overview (Head of Asset Management)', 'no actions to improve (Head of Asset Management)'] },
        ],
        gaps: [],
      },
    ],
  },
  {
    name: 'an action past its due date on the paper’s date, and not done, is overdue',
    date: '2026-03-01',
    papers: [{ overdueActions: ['HC-01: Extend van stock for common parts, due 2026-02-28 (2025-26-Q3)'] }],
  },
  {
    name: 'an action marked done is not overdue',
    date: '2026-03-01',
    files: { [COMMENTARY]: edit('        due: 2026-02-28\n', '        due: 2026-02-28\n        done: 2026-02-20\n') },
    papers: [{ overdueActions: [] }],
  },
  {
    name: 'an action due on the paper’s date is not yet overdue',
    date: '2026-02-28',
    papers: [{ overdueActions: [] }],
  },
  {
    name: 'red last quarter, green now: a recovery',
    files: monthly({ '2025-07': 700, '2025-08': 700, '2025-09': 700, '2025-10': 900, '2025-11': 900, '2025-12': 900 }),
    papers: [{ rows: [{ ...GREEN_86, value: 90 }, PROJECT_AMBER], newReds: [], recoveries: ['HC-01'], gaps: [] }],
  },
  {
    name: 'two committees: each paper holds its own KPIs and notes, a general note goes in both, the index adds them up',
    files: TWO_COMMITTEES,
    papers: [
      {
        committee: 'housing-osc',
        counts: counts({ green: 1, onTarget: 1, total: 1 }),
        rows: [GREEN_86],
        gaps: [SIGN_OFF],
        achievements: ['HC-01: Best December on record.', "general: Tenants' panel met twice."],
        forwardLook: [],
      },
      {
        committee: 'finance',
        counts: counts({ amber: 1, onTarget: 1, total: 1 }),
        rows: [PROJECT_AMBER],
        gaps: [],
        achievements: ["general: Tenants' panel met twice."],
        forwardLook: ['HC-02: Second contractor starts in January.'],
      },
    ],
    index: {
      counts: counts({ amber: 1, green: 1, onTarget: 2, total: 2 }),
      committees: [
        { name: 'Housing Overview and Scrutiny Committee', total: 1, exceptionCount: 0, gapCount: 1 },
        { name: 'Finance Committee', total: 1, exceptionCount: 0, gapCount: 0 },
      ],
    },
  },
  {
    name: 'one committee asked for: its paper alone, and the index counts only it',
    files: TWO_COMMITTEES,
    committee: 'finance',
    papers: [{ committee: 'finance', rows: [PROJECT_AMBER] }],
    index: { counts: counts({ amber: 1, onTarget: 1, total: 1 }), committees: [{ name: 'Finance Committee', total: 1, exceptionCount: 0, gapCount: 0 }] },
  },
];

describe("the papers' view models", () => {
  it.each(TABLE)('$name', (c) => {
    const views = report(c);
    expect(views.papers).toHaveLength(c.papers.length);
    c.papers.forEach((want, i) => {
      const got = summary(views.papers[i]!);
      expect(Object.fromEntries(Object.keys(want).map((k) => [k, got[k as keyof PaperSummary]]))).toEqual(want);
    });
    if (c.index) {
      const { counts: total, committees } = views.index;
      expect({
        counts: parts(total),
        committees: committees.map((x) => ({ name: x.name, total: x.counts.total, exceptionCount: x.exceptionCount, gapCount: x.gapCount })),
      }).toEqual(c.index);
    }
  });

  it('gives the report’s gaps for the committees reported only', () => {
    expect(report({ files: TWO_COMMITTEES, committee: 'finance' }).gaps).toEqual([]);
    expect(report({ files: TWO_COMMITTEES }).gaps.map((g) => g.kpi.id)).toEqual(['HC-01']);
  });
});
