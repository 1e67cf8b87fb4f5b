/**
 * What the committee papers say in words: the covering report (every field from prf.yaml or the
 * commentary, or named as missing), the roll-up with its parts, the key from the band settings,
 * SPC phrases that never claim more than the status, and the dashboard's year-so-far columns.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/views/build-report.js';
import { coveringView, rollupText } from '../../src/views/covering.js';
import { ownRulesKey, paperKey, raggKey } from '../../src/views/key.js';
import { spcLong, spcShort } from '../../src/views/spc-words.js';
import type { StatusSpc } from '../../src/core/status.js';
import { measure, monthly, period, workspace } from '../core/fixtures.js';

const committee = { id: 'housing-osc', name: 'Housing OSC' };

describe('the covering report', () => {
  it('names every field left out, and where to add it, instead of inventing one', () => {
    const v = coveringView(committee, undefined, '2025-26-Q3', 'data/commentary/2025-26-Q3.yaml');
    for (const f of [v.reference, v.meetingDate, v.agendaItem, v.reportOf, v.contactOfficer, v.portfolioHolder, v.purpose, v.summary, ...v.implications]) {
      expect(f.text).toBeNull();
      expect(f.missing).toMatch(/^Not given: add committees → housing-osc → /);
    }
    expect(v.reportOf.missing).toContain('in prf.yaml');
    expect(v.meetingDate.missing).toContain('in data/commentary/2025-26-Q3.yaml');
    expect(v.recommendations).toEqual([]);
    expect(v.recommendationsMissing).toContain('recommendations');
    expect(v.implications.map((i) => i.heading)).toEqual(['Financial', 'Legal', 'Risk', 'Equalities']);
  });

  it('reads the fixed parts from prf.yaml and the meeting from the commentary, the commentary winning', () => {
    const v = coveringView(
      { ...committee, covering: { reportOf: 'Strategic Director', portfolioHolder: 'Cllr A', purpose: 'Standing purpose', referencePrefix: 'HOSC' } },
      {
        meetingDate: '2026-03-10',
        agendaItem: '7',
        purpose: 'This quarter',
        recommendations: ['That the Committee notes the report.'],
        implications: { legal: 'None.' },
      },
      '2025-26-Q3',
      'c.yaml',
    );
    expect(v.reference.text).toBe('HOSC-2025-26-Q3');
    expect(v.reportOf.text).toBe('Strategic Director');
    expect(v.contactOfficer.missing).toContain('contactOfficer');
    expect(v.purpose.text).toBe('This quarter');
    expect(v.meetingDate.text).toBe('2026-03-10');
    expect(v.recommendations).toEqual(['That the Committee notes the report.']);
    expect(v.recommendationsMissing).toBeNull();
    expect(v.implications.find((i) => i.heading === 'Legal')!.text).toBe('None.');
    expect(v.implications.find((i) => i.heading === 'Financial')!.missing).toContain('implications → financial');
  });
});

describe('the roll-up', () => {
  it.each([
    [
      { red: 4, amber: 5, green: 31, grey: 24, missing: 0, na: 0, total: 64, onTarget: 60, offTarget: 4, greyNotReported: 18 },
      '60 of 64 on target: 31 green, 5 amber, 24 grey (of which 18 not yet reported). 4 off target (red).',
    ],
    [
      { red: 1, amber: 0, green: 2, grey: 0, missing: 2, na: 0, total: 5, onTarget: 2, offTarget: 1, greyNotReported: 0 },
      '2 of 5 on target: 2 green, 0 amber. 1 off target (red); 2 indicators with missing data, counted as neither.',
    ],
    [
      { red: 0, amber: 1, green: 2, grey: 1, missing: 1, na: 2, total: 7, onTarget: 4, offTarget: 0, greyNotReported: 1 },
      '4 of 7 on target: 2 green, 1 amber, 1 grey (of which 1 not yet reported). 0 off target (red); 1 indicator with missing data and 2 indicators not applicable, counted as neither.',
    ],
  ])('shows the parts of on target: %j', (counts, text) => {
    expect(rollupText(counts)).toBe(text);
  });
});

describe('the key', () => {
  it("states the workspace's rule in the status engine's words, and each KPI's own rule", () => {
    const ragg = { band: 0.05, bandType: 'relative', exceptionsFor: ['red'] } as const;
    const key = raggKey({ ...ragg, exceptionsFor: [...ragg.exceptionsFor] });
    const by = Object.fromEntries(key.map((k) => [k.status, k]));
    expect(by.red!.meaning).toBe('more than 5% worse: under-performing, urgent action required');
    expect(by.amber!.meaning).toBe('up to 5% worse: borderline, on watch');
    expect(
      ownRulesKey({ ...ragg, exceptionsFor: [...ragg.exceptionsFor] }, [
        measure({ id: 'A-1', ragg: { band: 0, bandType: 'absolute' } }),
        measure({ id: 'C-1' }),
        measure({ id: 'A-2', ragg: { band: 0, bandType: 'absolute' } }),
        measure({ id: 'B-1', unit: 'days', decimals: 0, ragg: { band: 2, bandType: 'absolute' } }),
      ]),
    ).toEqual([
      { kpis: 'A-1, A-2', rule: 'Green: on target or better; Red: worse than target' },
      { kpis: 'B-1', rule: 'Green: on target or better; Amber: up to 2 days worse; Red: more than 2 days worse' },
    ]);
    expect(by.green!.meaning).toBe('on target or better');
    expect(by.na!.meaning).toContain('never counted as on target');
    expect(key.map((k) => k.status)).toEqual(['red', 'amber', 'green', 'grey', 'missing', 'na']);
  });

  it("also puts the own rules on the Amber row, where a template copied before 'Own rules' prints them", () => {
    const kpis = [measure({ id: 'A-1', ragg: { band: 0, bandType: 'absolute' } }), measure({ id: 'C-1' })];
    const key = paperKey(workspace({ kpis }).config, kpis, []);
    expect(key.ownRules).toEqual([{ kpis: 'A-1', rule: 'Green: on target or better; Red: worse than target' }]);
    expect(key.statuses.map((s) => [s.status, s.exceptions])).toEqual([
      ['red', null],
      ['amber', 'Indicators with their own rule (the row gives the reason): A-1: Green: on target or better; Red: worse than target.'],
      ['green', null],
      ['grey', null],
      ['missing', null],
      ['na', null],
    ]);
  });

  it('states an absolute band in the unit of each indicator, and a band of 0 as no amber at all', () => {
    const abs = raggKey({ band: 0.5, bandType: 'absolute', exceptionsFor: ['red'] });
    expect(abs[0]!.meaning).toBe(
      "more than 0.5 worse (in each indicator's own unit: percentage points for a percentage): under-performing, urgent action required",
    );
    const none = raggKey({ band: 0, bandType: 'relative', exceptionsFor: ['red'] });
    expect(none[1]!.meaning).toBe('not used: any shortfall is red');
    expect(none[0]!.meaning).toBe('worse than target: under-performing, urgent action required');
  });

  it('names the bands of a rule with named thresholds under their colours', () => {
    const key = raggKey({
      band: 0.05,
      bandType: 'relative',
      exceptionsFor: ['red'],
      rule: {
        measure: 'relative',
        bands: [
          { status: 'green', name: 'Exceeding', upTo: -0.05 },
          { status: 'green', name: 'On track', upTo: 0.05 },
          { status: 'amber', upTo: 0.1 },
          { status: 'red' },
        ],
      },
    });
    expect(key[2]!.meaning).toBe('Exceeding: at least 5% better than target; On track: less than 5% better, on target, or up to 5% worse');
    expect(key[1]!.meaning).toBe('more than 5% and up to 10% worse: borderline, on watch');
  });
});

describe('SPC in words', () => {
  const spc = (variation: StatusSpc['variation'], assurance: StatusSpc['assurance']): StatusSpc => ({
    variation,
    assurance,
    mean: 1,
    upperLimit: 2,
    lowerLimit: 0,
    flagged: [],
    meanMovingRange: 0.4,
    upperTwoSigma: 1.7,
    lowerTwoSigma: 0.3,
    trial: false,
    variationIcon: 'common_cause',
    assuranceIcon: null,
    assuranceBasis: null,
    points: [],
    segments: [],
    settings: { fixAfter: null, screenMovingRanges: true, minimumPoints: 13, shiftLength: 7, trendLength: 6 },
  });

  it.each([
    // The limits still hold the old process: a green figure is never "target missed reliably".
    ['special_cause_improving', 'consistent_fail', 'green', 'Improving; assurance not judged'],
    ['common_cause', 'consistent_pass', 'red', 'Common cause; assurance not judged'],
    ['common_cause', 'consistent_pass', 'amber', 'Common cause; assurance not judged'],
    ['common_cause', 'consistent_fail', 'red', 'Common cause; target missed reliably'],
    ['common_cause', 'consistent_pass', 'green', 'Common cause; target met reliably'],
    ['special_cause_concerning', 'inconsistent', 'green', 'Concerning; target may or may not be met'],
    ['special_cause_neither', null, 'grey', 'Unusual'],
  ] as const)('%s with %s beside %s reads "%s"', (variation, assurance, status, words) => {
    expect(spcShort(spc(variation, assurance), status)).toBe(words);
    expect(spcLong(spc(variation, assurance), status)).toMatch(/\.$/);
  });

  it('says nothing before there are process limits', () => {
    expect(spcShort(null, 'green')).toBeNull();
    expect(spcLong(null, 'green')).toBeNull();
  });
});

describe('the dashboard row', () => {
  const kpis = [
    measure({ id: 'KPI-01', name: 'Monthly mean', aggregation: 'mean', cumulative: false }),
    measure({ id: 'KPI-02', name: 'Year to date', aggregation: 'last', cumulative: true, target: { type: 'single', value: 90 } }),
  ];
  const ws = workspace({
    kpis,
    observations: [
      ...monthly('KPI-01', '2025-04', [90, 90, 90, 93, 93, 93, 96, 96, 96]),
      ...monthly('KPI-02', '2025-04', [80, 81, 82, 83, 84, 85, 86, 87, 88]),
    ],
  });
  const views = buildReport(ws, period('2025-26-Q3'), { draft: true, date: null, isHoliday: () => false });
  const paper = views.papers[0]!;
  const row = (id: string) => paper.groups.flatMap((g) => g.rows).find((r) => r.id === id)!;

  it('has a column for each earlier quarter, and the year to date', () => {
    expect(paper.quarterColumns).toEqual(['Q1', 'Q2']);
    expect(row('KPI-01').quarters).toEqual([90, 93]);
    expect(row('KPI-01').value).toBe(96);
    expect(row('KPI-01').yearToDate).toBe(93);
    // A cumulative measure's quarter figures are its year to date at each quarter's end.
    expect(row('KPI-02').quarters).toEqual([82, 85]);
    expect(row('KPI-02').yearToDate).toBe(88);
  });

  it('counts each priority, and prints the reference and page footer text', () => {
    expect(paper.groups[0]!.counts.total).toBe(2);
    expect(paper.footer).toMatch(/^No report reference given · .* · 2025-26-Q3$/);
  });
});
