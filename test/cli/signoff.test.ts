import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runBinary, runInProcess, tempWorkspace } from '../helpers/run.js';

const BASE = join(REPO, 'fixtures/validate/_base');
const CSV = 'data/outturns/2025-26.csv';

describe('prf signoff', () => {
  let ws: ReturnType<typeof tempWorkspace> | null = null;
  afterEach(() => ws?.cleanup());

  it("records the reviewer in reviewed_by for the period's unsigned figures, keeping the note; prf due then owes no sign-off", async () => {
    ws = tempWorkspace(BASE);
    const before = await runInProcess(['due', '2025-26-Q3', '--today', '2026-02-01'], ws.dir);
    expect(before.stdout).toContain('awaits sign-off');
    const r = await runInProcess(['signoff', '2025-26-Q3', '--by', 'Repairs Manager'], ws.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sign     HC-01 2025-12');
    expect(r.stdout).toContain('already  HC-01 2025-10 (signed off by Repairs Manager)');
    expect(readFileSync(join(ws.dir, CSV), 'utf8')).toContain('HC-01,2025-12,87.0,87,100,Repairs Manager,awaiting sign-off');
    const after = await runInProcess(['due', '2025-26-Q3', '--today', '2026-02-01'], ws.dir);
    expect(after.stdout).not.toContain('awaits sign-off');
    const again = await runInProcess(['signoff', '2025-26-Q3', '--by', 'Repairs Manager'], ws.dir);
    expect(again.stdout).toContain('0 figures signed off');
  });

  it('refuses a reviewer who is the collector, writing nothing (binary, exit 1)', () => {
    ws = tempWorkspace(BASE);
    const before = readFileSync(join(ws.dir, CSV), 'utf8');
    const r = runBinary(['signoff', '2025-26-Q3', '--kpi', 'HC-01', '--by', 'repairs analyst'], ws.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("repairs analyst collects HC-01's figures, and the reviewer must not be the collector (004 §10.5)");
    expect(readFileSync(join(ws.dir, CSV), 'utf8')).toBe(before);
  });

  it('names the reviewers when --by reviews nothing, and --dry-run writes nothing', async () => {
    ws = tempWorkspace(BASE);
    const r = await runInProcess(['signoff', '2025-26-Q3', '--by', 'Nobody'], ws.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the reviewers are Repairs Manager');
    const before = readFileSync(join(ws.dir, CSV), 'utf8');
    const dry = await runInProcess(['signoff', '2025-26-Q3', '--by', 'Repairs Manager', '--dry-run'], ws.dir);
    expect(dry.stdout).toContain('dry run: 1 figure would be signed off by Repairs Manager');
    expect(readFileSync(join(ws.dir, CSV), 'utf8')).toBe(before);
  });

  it('without --by lists each reviewer with figures to sign off and the command to run (exit 2)', async () => {
    ws = tempWorkspace(BASE);
    const r = await runInProcess(['signoff', '2025-26-Q3'], ws.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('figures of 2025-26-Q3 awaiting sign-off, by reviewer:\n  1 figure: prf signoff 2025-26-Q3 --by "Repairs Manager"');
    expect(r.stderr).not.toContain('required option');
    await runInProcess(['signoff', '2025-26-Q3', '--by', 'Repairs Manager'], ws.dir);
    const none = await runInProcess(['signoff', '2025-26-Q3'], ws.dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no figure of 2025-26-Q3 awaits sign-off');
  });

  it('signs off a whole year of imported history at once', async () => {
    ws = tempWorkspace(BASE);
    const file = join(ws.dir, CSV);
    writeFileSync(file, `${readFileSync(file, 'utf8')}HC-01,2025-04,80.0,80,100,,from the history sheet\nHC-01,2025-05,81.0,81,100,,from the history sheet\n`);
    const r = await runInProcess(['signoff', '2025-26', '--by', 'Repairs Manager'], ws.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sign     HC-01 2025-04');
    expect(r.stdout).toContain('sign     HC-01 2025-05');
    expect(r.stdout).toContain('sign     HC-01 2025-12');
    expect(readFileSync(file, 'utf8')).toContain('HC-01,2025-04,80.0,80,100,Repairs Manager,from the history sheet');
    const none = await runInProcess(['signoff', '2025-26'], ws.dir);
    expect(none.stderr).toContain('no figure of 2025-26 awaits sign-off');
  });
});
