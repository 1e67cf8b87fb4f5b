import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runInProcess, tempWorkspace } from '../helpers/run.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function workspace(): string {
  const { dir, cleanup } = tempWorkspace(join(REPO, 'fixtures/validate/_base'));
  cleanups.push(cleanup);
  return dir;
}

const outturns = (dir: string) => readFileSync(join(dir, 'data/outturns/2025-26.csv'), 'utf8');

describe('prf import guards against typing slips', () => {
  const slip = 'kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2026-01,0.86,86,100,,\n';

  it('warns and imports without --strict, naming the row and the likely figure', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'slip.csv'), slip.replace('0.86,86,100', '0.86,,'));
    const r = await runInProcess(['import', 'slip.csv', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('csv-value-fraction');
    expect(r.stderr).toContain('HC-01 2026-01: the figure 0.86 looks like a fraction');
    expect(r.stderr).toContain('probably meant as 86.0%');
  });

  it('refuses with --strict, and writes nothing', async () => {
    const dir = workspace();
    const before = outturns(dir);
    writeFileSync(join(dir, 'slip.csv'), slip.replace('0.86,86,100', '0.86,,'));
    const r = await runInProcess(['import', 'slip.csv', '--strict'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error +HC-01 2026-01: the figure 0\.86/);
    expect(outturns(dir)).toBe(before);
  });
});

describe('prf status with N/A and two periods', () => {
  it('prints N/A with its reason and counts it apart in the JSON', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'data/outturns/2025-26.csv'), `${outturns(dir)}HC-01,2026-01,[z],,,,no lifts in the stock\n`);
    const r = await runInProcess(['status', '2026-01', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const hc01 = json.kpis.find((k: { id: string }) => k.id === 'HC-01');
    expect(hc01).toMatchObject({ status: 'na', onTarget: null, explanation: 'not applicable: no lifts in the stock' });
    expect(json.summary.na).toBe(1);
  });

  it('refuses two periods rather than joining them', async () => {
    const r = await runInProcess(['status', '2025-26-Q2', '2025-26-Q3'], workspace());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give one period, not 2');
  });
});
