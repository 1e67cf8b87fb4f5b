import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePeriodQuery } from '../../src/core/period-query.js';
import { canonicalSpelling } from '../../src/model/period-spellings.js';
import { readOutturnCsv } from '../../src/load/outturn-csv.js';
import { measure } from '../core/fixtures.js';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';

describe('period spellings from papers and spreadsheets', () => {
  it.each([
    ['Q3 2025/26', '2025-26-Q3'],
    ['q3 25/26', '2025-26-Q3'],
    ['2025/26 Q3', '2025-26-Q3'],
    ['Q1 2024-25', '2024-25-Q1'],
    ['H2 2024/25', '2024-25-H2'],
    ['Apr-24', '2024-04'],
    ['April 2024', '2024-04'],
    ['Jan 25', '2025-01'],
    ['2024/25', '2024-25'],
    ['FY 2024/25', '2024-25'],
    ['2024-10', '2024-10'],
    ['Q5 2024/25', null],
    ['2024/26', null],
    ['Total', null],
  ])('%s is %s', (text, name) => {
    expect(canonicalSpelling(text)).toBe(name);
  });

  it('the command line takes "Q3 2025/26" as 2025-26-Q3', () => {
    const r = resolvePeriodQuery('Q3 2025/26', { startMonth: 4, latestFyWithQuarter: () => null });
    expect(r).toEqual({ ok: true, period: { kind: 'quarter', fy: 2025, quarter: 3 }, chosenYear: false });
  });

  it('a CSV period written another way gets a did-you-mean', () => {
    const kpis = new Map([['M-1', measure({ id: 'M-1', frequency: 'quarterly' })]]);
    const r = readOutturnCsv('a.csv', 'kpi,period,value\nM-1,Q3 2025/26,5\n', kpis);
    expect(r.diagnostics[0]).toMatchObject({ code: 'csv-period-invalid', line: 2 });
    expect(r.diagnostics[0]!.message).toContain('did you mean 2025-26-Q3?');
  });
});

describe('defaults that fit the calendar', () => {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prf-calendar-'));
    await runInProcess(['init', '--yes'], dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prf due with no period takes the quarter in progress, even in a fresh workspace', async () => {
    const r = await runInProcess(['due', '--today', '2026-11-29'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2026-27-Q3, the quarter in progress on 2026-11-29');
    expect(r.stdout).toMatch(/^2026-27-Q3, as at 2026-11-29/);
  });

  it('prf collect with no period takes the quarter in progress', async () => {
    const r = await runInProcess(['collect', '--today', '2026-05-02', '--out', join(dir, 'forms')], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2026-27-Q1, the quarter in progress on 2026-05-02');
  });

  it('prf status on a workspace with no figures says what to do next, exit 1 (binary)', () => {
    const r = runBinary(['status'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Next: prf collect');
    const i = runBinary(['improvement'], dir);
    expect(i.code).toBe(1);
    expect(i.stderr).toContain('Next: prf import FILE');
  });
});

describe('what else a new user met', () => {
  it('the status table fits 80 columns, shortening names and dropping SPC and trends in that order', async () => {
    const r = await runInProcess(['status', '2025-26-Q3'], REPO, { COLUMNS: '80' });
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.filter((l) => !l.includes(' red, ')).map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(lines[2]).not.toContain('SPC');
    const wide = await runInProcess(['status', '2025-26-Q3'], REPO, { COLUMNS: '200' });
    expect(wide.stdout.split('\n')[2]).toContain('SPC');
  });

  it('prf due counts every KPI it lists as needing commentary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prf-due-'));
    for (const f of ['prf.yaml', 'kpis', 'data/outturns']) cpSync(join(REPO, f), join(dir, f), { recursive: true });
    const r = await runInProcess(['due', '2025-26-Q3', '--today', '2026-06-01'], dir);
    rmSync(dir, { recursive: true, force: true });
    const listed = new Set<string>();
    let current = '';
    for (const line of r.stdout.split('\n')) {
      const id = /^([A-Z][A-Z0-9-]+)\s/.exec(line);
      if (id) current = id[1]!;
      if (/needs an exception report|no status in the/.test(line)) listed.add(current);
    }
    expect(listed.size).toBeGreaterThan(0);
    expect(r.stdout).toContain(`${listed.size} needing commentary`);
  });
});
