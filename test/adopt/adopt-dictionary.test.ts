import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findHeader, mapColumns, parseMaps } from '../../src/core/adopt-columns.js';
import { planAdoption } from '../../src/core/adopt-plan.js';
import { readTarget } from '../../src/core/adopt-targets.js';
import { parseRecords } from '../../src/formats/csv-records.js';
import { readWorkspaceSources } from '../../src/load/read-sources.js';
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import { addCommittees, addToConfig } from '../../src/write/config-edits.js';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';

const FIXTURE = join(import.meta.dirname, 'fixtures/seed-003-appendices.csv');
const demo = loadWorkspace(readWorkspaceSources(REPO)).workspace!;

describe('readTarget: targets as councils write them', () => {
  it.each([
    ['97%', { type: 'single', value: 97 }, 'percentage'],
    ['40 Days', { type: 'single', value: 40 }, 'days'],
    ['1,200', { type: 'single', value: 1200 }, null],
    ['12.50% (annually)', { type: 'single', value: 12.5 }, 'percentage'],
    ['0', { type: 'single', value: 0 }, null],
    ['Q1 – 2.86 Q2 –2.88 Q3 – 2.89 Q4 –3.2', { type: 'profiled', profile: { Q1: 2.86, Q2: 2.88, Q3: 2.89, Q4: 3.2 } }, null],
    ['Q1: 4505 Q2: 5603 Q3: 2720 Q4: 2828', { type: 'profiled', profile: { Q1: 4505, Q2: 5603, Q3: 2720, Q4: 2828 } }, null],
    ['Q4 23/24 : 23 Q4 24/25: 38', { type: 'yearly', years: { '2023-24': 23, '2024-25': 38 } }, null],
    ['2024/25: 20% 2025/26: 40%', { type: 'yearly', years: { '2024-25': 20, '2025-26': 40 } }, 'percentage'],
    [
      '20/40/60/80/100 increments over the next 5 years',
      { type: 'yearly', years: { '2024-25': 20, '2025-26': 40, '2026-27': 60, '2027-28': 80, '2028-29': 100 } },
      null,
    ],
    ['20/40/60 over three years', { type: 'yearly', years: { '2024-25': 20, '2025-26': 40, '2026-27': 60 } }, null],
    [
      'Will be approved by Full Council ahead of the next Financial Year',
      { type: 'toBeSet', reason: 'Will be approved by Full Council ahead of the next Financial Year' },
      null,
    ],
    ['No target', { type: 'none', reason: 'No target' }, null],
    ['-', { type: 'none', reason: '-' }, null],
    ['', { type: 'none', reason: '' }, null],
  ])('%j', (text, target, unit) => {
    const r = readTarget(text, 2024);
    expect(r.target).toEqual(target);
    expect(r.unit).toBe(unit);
  });
});

describe('adopt columns', () => {
  it('recognises headers in any order and case, with --map overriding', () => {
    const { maps } = parseMaps(['Notes=-', 'PI Title=name']);
    const m = mapColumns(['TARGET', 'PI Title', 'Service Area', 'Notes', 'Good is'], maps);
    expect(m.fields).toEqual(['target', 'name', 'service', null, 'polarity']);
    expect(m.problems).toEqual([]);
  });
  it('names a missing name column, two columns for one field and a bad --map', () => {
    expect(mapColumns(['Service', 'Target'], new Map()).problems.join()).toContain('add --map "YOUR HEADER=name"');
    expect(mapColumns(['Measure', 'KPI'], new Map()).problems.join()).toContain('both read as name');
    expect(parseMaps(['Target=goal']).problems.join()).toContain('goal is not a field');
  });
  it('finds the header below title rows', () => {
    expect(findHeader([{ cells: ['Appendix 1'] }, { cells: ['Service', 'Measure Name', 'Target'] }], new Map())).toBe(1);
  });
});

describe("adopt on seed 003's appendices", () => {
  const records = parseRecords(readFileSync(FIXTURE, 'utf8')).map((r) => ({ line: r.line, cells: r.record }));
  const plan = planAdoption(records[0]!.cells, records.slice(1), new Map(), {
    config: { ...demo.config, committees: [demo.config.committees[0]!] },
    existing: [],
    fileExists: () => false,
    firstFy: 2024,
  });
  const key = (name: string) => name.toLowerCase().replace(/\.$/, '');
  const byName = new Map(demo.kpis.map((k) => [key(k.name), k]));

  it('brings every measure and target through as the demo dictionary has it', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.entries).toHaveLength(records.length - 1);
    for (const e of plan.entries) {
      const kpi = byName.get(key(String(e.fields.name)));
      expect(kpi, String(e.fields.name)).toBeDefined();
      if (kpi?.kind !== 'measure') continue;
      const target = e.fields.target as { type: string };
      if (target.type === 'toBeSet' || target.type === 'none') expect(target.type, kpi.id).toBe(kpi.target.type);
      else {
        // How an annual target is phased through the year (profile: linear) is the council's
        // choice after adoption, never in the appendix: compared without it.
        const published = kpi.target as typeof kpi.target & { profile?: unknown };
        if (published.profile === 'linear') {
          const { profile: _, ...rest } = published;
          expect(target, kpi.id).toEqual(rest);
        } else expect(target, kpi.id).toEqual(published);
      }
      if (e.fields.unit !== undefined) expect(e.fields.unit, kpi.id).toBe(kpi.unit);
      if (e.fields.decimals !== undefined) expect(e.fields.decimals, kpi.id).toBe(kpi.decimals);
      expect(e.fields.service, kpi.id).toBe(kpi.service);
    }
  });
  it('matches a committee it knows by short name and adds the two it lacks', () => {
    expect(plan.entries.find((e) => e.fields.name === 'Number of Business Engagements')!.committee).toBe('strategic-planning-and-environment-osc');
    expect(plan.entries[0]!.committee).toBe('housing-communities-osc');
    expect(plan.newCommittees.map((c) => c.id)).toEqual(['finance-and-resources-osc', 'strategic-planning-and-environment-osc']);
  });
  it('proposes ids from the committee and service', () => {
    expect(plan.entries.slice(0, 2).map((e) => e.id)).toEqual(['HC-AM-01', 'HC-AM-02']);
    expect(plan.entries.find((e) => e.fields.service === 'Financial Services')!.id).toBe('FR-FS-01');
  });
});

describe('addCommittees keeps the comments of prf.yaml', () => {
  it('adds to the list and leaves every comment', () => {
    const text = '# Our settings\norganisation: X # inline\ncommittees:\n  # the first\n  - id: a\n    name: A\npriorities: []\n';
    const out = addCommittees(text, [{ id: 'b', name: 'B & C' }]);
    expect(out).toContain('# Our settings');
    expect(out).toContain('# inline');
    expect(out).toContain('# the first');
    expect(out).toMatch(/- id: a\n {4}name: A\n {2}- id: b\n {4}name: B & C\n/);
  });
});

describe('adopt reads the methodology columns a council keeps', () => {
  it('fills the worked example and the source fields from their columns, leaving fewer blanks', () => {
    const header = ['Measure', 'Target', 'Worked example', 'System changes', 'Manual amendments', 'Reconciliation'];
    const p = planAdoption(
      header,
      [{ line: 2, cells: ['Rent collected', '99%', '990 of 1,000 = 99%', 'None known', 'None', 'Checked against the ledger'] }],
      new Map(),
      {
        config: demo.config,
        existing: [],
        fileExists: () => false,
        firstFy: 2024,
      },
    );
    expect(p.columns.map((c) => c.field)).toEqual(['name', 'target', 'workedExample', 'systemChanges', 'manualAmendments', 'reconciliation']);
    expect(p.entries[0]!.fields).toMatchObject({
      workedExample: '990 of 1,000 = 99%',
      'source.systemChanges': 'None known',
      'source.manualAmendments': 'None',
      'source.reconciliation': 'Checked against the ledger',
    });
  });
});

describe('adopt takes a unit from the name when nothing else gives one', () => {
  it('reads "Percentage of" and "Number of", says so, and leaves any other name blank', () => {
    const p = planAdoption(
      ['Measure', 'Target'],
      [
        { line: 2, cells: ['Percentage of non-compliant gold contracts', '0'] },
        { line: 3, cells: ['Total number of Households in temporary accommodation', 'Profiled Target'] },
        { line: 4, cells: ['Reports of all missed bins per 100,000 collected', '125'] },
        { line: 5, cells: ['Number of days lost', '4 Days'] },
      ],
      new Map(),
      { config: demo.config, existing: [], fileExists: () => false, firstFy: 2024 },
    );
    expect(p.entries.map((e) => e.fields.unit)).toEqual(['percentage', 'number', undefined, 'days']);
    expect(p.entries[0]!.notes).toContain('unit: percentage, from the name "Percentage of non-compliant..." (no unit column, and the target has none)');
    expect(p.entries[3]!.notes).toEqual([]);
  });
});

describe('addToConfig adds services after the committees, keeping comments', () => {
  const text = '# Our settings\norganisation: X\ncommittees:\n  - id: a\n    name: A\n# the plan\npriorities: []\n';
  it('makes a services: list after committees: when there is none', () => {
    const out = addToConfig(text, { services: ['Repairs', 'Lettings'] });
    expect(out).toBe(
      '# Our settings\norganisation: X\ncommittees:\n  - id: a\n    name: A\nservices:\n  - Repairs\n  - Lettings\n# the plan\npriorities: []\n',
    );
  });
  it('adds to a list already there', () => {
    const out = addToConfig('services:\n  - Repairs # ours\n', { services: ['Lettings'] });
    expect(out).toBe('services:\n  - Repairs # ours\n  - Lettings\n');
  });
});

describe('adopt matches the services prf.yaml lists and adds those it lacks', () => {
  it("takes the list's spelling and adds the rest once, in sheet order", () => {
    const p = planAdoption(
      ['Service', 'Measure', 'Target'],
      [
        { line: 2, cells: ['asset management', 'One', '1'] },
        { line: 3, cells: ['Safe Homes', 'Two', '2'] },
        { line: 4, cells: ['', 'Three', '3'] },
      ],
      new Map(),
      { config: { ...demo.config, services: ['Asset Management'] }, existing: [], fileExists: () => false, firstFy: 2024 },
    );
    expect(p.entries.map((e) => e.fields.service)).toEqual(['Asset Management', 'Safe Homes', 'Safe Homes']);
    expect(p.newServices).toEqual(['Safe Homes']);
  });
});

describe('adopt matches priorities and aims, adding those prf.yaml lacks', () => {
  it('matches by id or name, adds a new aim under a priority it has, and a new priority with its aims', () => {
    const p = planAdoption(
      ['Measure', 'Priority', 'Aim'],
      [
        { line: 2, cells: ['One', 'A clean, safe and enjoyable environment', 'clean-streets'] },
        { line: 3, cells: ['Two', 'clean-safe-environment', 'Cut fly-tipping'] },
        { line: 4, cells: ['Three', 'clean-safe-environment', 'cut fly-tipping'] },
        { line: 5, cells: ['Four', 'A greener borough', 'Plant trees'] },
        { line: 6, cells: ['Five', 'A Greener Borough', ''] },
        { line: 7, cells: ['Six', '', 'Plant trees'] },
      ],
      new Map(),
      { config: demo.config, existing: [], fileExists: () => false, firstFy: 2024 },
    );
    expect(p.entries.map((e) => [e.fields.priority, e.fields.aim])).toEqual([
      ['clean-safe-environment', 'clean-streets'],
      ['clean-safe-environment', 'cut-fly-tipping'],
      ['clean-safe-environment', 'cut-fly-tipping'],
      ['a-greener-borough', 'plant-trees'],
      ['a-greener-borough', ''],
      [undefined, undefined],
    ]);
    expect(p.newAims).toEqual([{ priority: 'clean-safe-environment', aim: { id: 'cut-fly-tipping', name: 'Cut fly-tipping' } }]);
    expect(p.newPriorities).toEqual([{ id: 'a-greener-borough', name: 'A greener borough', aims: [{ id: 'plant-trees', name: 'Plant trees' }] }]);
    expect(p.entries[5]!.notes).toContain('aim "Plant trees" has no priority in its row to sit under: left blank');
  });

  it('writes them into prf.yaml, keeping its comments', () => {
    const text = 'priorities:\n  - id: p # ours\n    name: P\n  - id: q\n    name: Q\n    aims:\n      - id: a\n        name: A\n';
    expect(
      addToConfig(text, {
        priorities: [{ id: 'r', name: 'R', aims: [{ id: 'b', name: 'B' }] }],
        aims: [
          { priority: 'p', aim: { id: 'c', name: 'C' } },
          { priority: 'q', aim: { id: 'd', name: 'D' } },
        ],
      }),
    ).toBe(
      'priorities:\n  - id: p # ours\n    name: P\n    aims:\n      - id: c\n        name: C\n  - id: q\n    name: Q\n    aims:\n      - id: a\n        name: A\n      - id: d\n        name: D\n  - id: r\n    name: R\n    aims:\n      - id: b\n        name: B\n',
    );
  });
});

describe('prf adopt dictionary (CLI)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const init = async () => {
    dir = mkdtempSync(join(tmpdir(), 'prf-adopt-'));
    await runInProcess(
      ['init', '--organisation', 'Test', '--committee', 'housing-communities-osc=Housing & Communities OSC', '--priority', 'p=P', '--aim', 'p/a=A'],
      dir,
    );
  };

  it('plans with --dry-run, writes drafts and prf.yaml, and a second run adds nothing', async () => {
    await init();
    const before = readFileSync(join(dir, 'prf.yaml'), 'utf8');
    const dry = await runInProcess(['adopt', 'dictionary', FIXTURE, '--dry-run', '--first-year', '2024-25'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('add      committee finance-and-resources-osc (Finance & Resources OSC) to prf.yaml');
    expect(dry.stdout).toContain('add      service Asset Management to prf.yaml');
    // The example entry's service is listed too, so the new list does not flag an entry it predates.
    expect(dry.stdout).toContain('add      service Customer Services to prf.yaml');
    expect(dry.stdout).toContain('dry run: 76 draft entries, 2 new committees, 21 new services would be written; nothing was written');
    expect(readFileSync(join(dir, 'prf.yaml'), 'utf8')).toBe(before);

    const real = await runInProcess(['adopt', 'dictionary', FIXTURE, '--first-year', '2024-25'], dir);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/Left blank for you to fill, in every entry: definition, purpose, formula/);
    const entry = readFileSync(join(dir, 'kpis/housing-communities-osc/asset-management/HC-AM-01.yaml'), 'utf8');
    expect(entry).toContain('name: Average re-let time in days (all re-lets, including time spent in works)\n');
    expect(entry).toMatch(/unit: days\n/);
    expect(entry).toMatch(/decimals: 2\n/);
    const config = readFileSync(join(dir, 'prf.yaml'), 'utf8');
    expect(config).toContain('# The workspace settings.');
    expect(config).toMatch(/\nservices:\n {2}- Customer Services\n {2}- Asset Management\n/);
    const validate = await runInProcess(['validate', '--format', 'json'], dir);
    expect(JSON.parse(validate.stdout).diagnostics.filter((d: { code: string }) => d.code === 'kpi-unknown-service')).toEqual([]);

    const again = await runInProcess(['adopt', 'dictionary', FIXTURE], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 draft entries written');
    expect(again.stdout).not.toContain('add      service');
    expect(again.stdout).toContain('already in the dictionary as HC-AM-01');
  });

  it('adds the priorities and aims a sheet names, so prf validate finds every entry placed', async () => {
    await init();
    writeFileSync(
      join(dir, 'plan.csv'),
      'Measure,Priority,Aim,Committee\nRent collected,P,A,Housing & Communities OSC\nTrees planted,A greener borough,Plant trees,Housing & Communities OSC\nParks visited,A greener borough,,Housing & Communities OSC\nStreets cleaned,,,Housing & Communities OSC\n',
    );
    const r = await runInProcess(['adopt', 'dictionary', 'plan.csv'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('add      priority a-greener-borough (A greener borough) with aims plant-trees to prf.yaml\n');
    expect(r.stdout).toContain('1 new priority');
    // A row without an aim, or without a priority, is left blank: never the example's priority or aim.
    const entries = [...r.stdout.matchAll(/^write {4}(\S+)/gm)].map((m) => readFileSync(join(dir, m[1]!), 'utf8'));
    expect(entries.map((e) => [/^priority: (.*)$/m.exec(e)?.[1], /^aim: (.*)$/m.exec(e)?.[1]])).toEqual([
      ['p', 'a'],
      ['a-greener-borough', 'plant-trees'],
      ['a-greener-borough', '""'],
      ['""', '""'],
    ]);
    const validate = await runInProcess(['validate', '--format', 'json'], dir);
    const codes = (JSON.parse(validate.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code);
    expect(codes).not.toContain('kpi-unknown-priority');
    expect(codes).not.toContain('kpi-unknown-aim');
  });

  it('refuses the whole sheet when an id column clashes, writing nothing (binary)', async () => {
    await init();
    writeFileSync(join(dir, 'list.csv'), 'Ref,Measure,Target\nCS-01,Something new,5\n');
    const r = runBinary(['adopt', 'dictionary', 'list.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('list.csv:2: CS-01 is already in the dictionary');
    expect(r.stderr).toContain('nothing was written');
  });

  it('names the sheets of a workbook when --sheet is wrong, and refuses --sheet for a CSV', async () => {
    await init();
    writeFileSync(join(dir, 'list.csv'), 'Measure,Target\nA,1\n');
    const r = await runInProcess(['adopt', 'dictionary', 'list.csv', '--sheet', 'KPIs'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('table-unreadable');
  });
});
