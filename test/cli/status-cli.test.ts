import { describe, expect, it } from 'vitest';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';

/** The JSON contract of DOMAIN.md: these names may gain siblings but never be renamed or dropped. */
const STATUS_KPI_KEYS = ['id', 'name', 'committee', 'value', 'target', 'status', 'onTarget', 'trend'];
const STATUS_SUMMARY_KEYS = ['red', 'amber', 'green', 'grey', 'missing', 'onTarget', 'offTarget'];
const IMPROVEMENT_KEYS = ['year', 'through', 'threshold', 'improved', 'declined', 'unchanged', 'notComparable', 'share', 'met', 'moreNeeded', 'kpis'];

describe('prf status', () => {
  it('prints the JSON contract for a period', () => {
    const r = runBinary(['status', '2025-26-Q3', '--format', 'json'], REPO);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.period).toBe('2025-26-Q3');
    expect(Object.keys(out.summary)).toEqual(expect.arrayContaining(STATUS_SUMMARY_KEYS));
    expect(out.kpis).toHaveLength(102);
    for (const k of out.kpis) {
      expect(Object.keys(k)).toEqual(expect.arrayContaining(STATUS_KPI_KEYS));
      expect(['red', 'amber', 'green', 'grey', 'missing']).toContain(k.status);
      expect(Object.keys(k.trend)).toEqual(['previous', 'lastYear']);
      expect(k.onTarget).toBe(k.status === 'missing' ? null : k.status !== 'red');
      // Why it has its status, in one sentence (DOMAIN.md): the line the papers print too.
      expect(typeof k.explanation, k.id).toBe('string');
      expect(k.explanation.length, k.id).toBeGreaterThan(10);
    }
    const ids = out.kpis.map((k: { id: string }) => k.id);
    expect(ids).toEqual([...ids].sort());
    const s = out.summary;
    expect(s.red + s.amber + s.green + s.grey + s.missing).toBe(102);
    expect(s.onTarget).toBe(s.amber + s.green + s.grey);
    expect(s.offTarget).toBe(s.red);
  });

  it('says which year a bare quarter means', async () => {
    const r = await runInProcess(['status', 'q3', '--committee', 'finance-resources-osc'], REPO);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/q3 is 2025-26-Q3, the latest financial year with figures for that quarter/);
    expect(r.stdout).toMatch(/^FR-FS-04 .*✖ Red/m);
    expect(r.stdout).not.toMatch(/^HC-/m);
  });

  it('filters by service and status, with the summary counting what is shown', async () => {
    const r = await runInProcess(['status', 'q3', '--service', 'revenues and benefits', '--status', 'red,amber', '--format', 'json'], REPO);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kpis.length).toBeGreaterThan(0);
    for (const k of out.kpis) {
      expect(k.service.toLowerCase()).toBe('revenues and benefits');
      expect(['red', 'amber']).toContain(k.status);
    }
    expect(out.summary.red + out.summary.amber).toBe(out.kpis.length);
  });

  it('writes CSV with one row per KPI', async () => {
    const r = await runInProcess(['status', '2025-26-Q3', '--format', 'csv'], REPO);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,name,committee,value,target,status,on_target,trend_previous,trend_last_year,spc_variation,explanation');
    expect(lines).toHaveLength(103);
  });

  it.each([
    ['a fifth quarter', ['status', 'q5'], /there is no quarter Q5/],
    ['a thirteenth month', ['status', '2025-13'], /2025-13/],
    ['an unknown committee', ['status', 'q3', '--committee', 'x'], /no such committee/],
    ['an unknown format', ['status', 'q3', '--format', 'xml'], /argument 'xml' is invalid/],
    ['an unknown status', ['status', 'q3', '--status', 'purple'], /--status purple: choose from red, amber/],
    ['an unknown service', ['status', 'q3', '--service', 'Parks'], /--service Parks: no KPI has that service; the services are/],
  ])('refuses %s (exit 2)', async (_name, argv, message) => {
    const r = await runInProcess(argv, REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('prf improvement', () => {
  it('prints the JSON contract for a year', () => {
    const r = runBinary(['improvement', '2025-26', '--format', 'json'], REPO);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(IMPROVEMENT_KEYS));
    expect(out.year).toBe('2025-26');
    expect(out.through).toBe('2025-26-Q3');
    expect(out.threshold).toBe(0.7);
    const comparable = out.improved + out.declined + out.unchanged;
    expect(out.share).toBeCloseTo(out.improved / comparable, 10);
    expect(out.met).toBe(out.share >= 0.7);
    expect(out.improved + out.moreNeeded).toBe(Math.ceil(0.7 * comparable - 1e-9));
    for (const k of out.kpis) expect(['improved', 'declined', 'unchanged', 'notComparable']).toContain(k.outcome);
  });

  it('compares through an earlier quarter when asked', async () => {
    const r = await runInProcess(['improvement', '--through', '2025-26-Q1', '--format', 'json'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).through).toBe('2025-26-Q1');
  });

  it('refuses a quarter outside the year (exit 2)', async () => {
    const r = await runInProcess(['improvement', '2024-25', '--through', '2025-26-Q1'], REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not in 2024-25/);
  });
});

describe('prf due', () => {
  it('lists deadlines and who must act, as at a given day', async () => {
    // The demo's gaps are all in Q2 (see src/tools/demo-data/plan.ts).
    const r = await runInProcess(['due', '2025-26-Q2', '--today', '2025-10-20', '--format', 'json'], REPO);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.today).toBe('2025-10-20');
    const byId = new Map(out.kpis.map((k: { id: string }) => [k.id, k]));
    // Q2 ends on Tuesday 30 September 2025; 8 working days on is Friday 10 October.
    expect(byId.get('HC-AM-02')).toMatchObject({ deadline: '2025-10-10', state: 'awaitingSignOff' });
    expect(byId.get('SP-RS-02')).toMatchObject({ state: 'overdue' });
    expect(byId.get('TSM-BS03')).toMatchObject({ state: 'needsCommentary' });
  });
});
