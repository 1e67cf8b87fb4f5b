import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runBinary, runInProcess } from '../helpers/run.js';

const FILE = 'data/commentary/2025-26-Q3.yaml';

function demoWithoutQ3Commentary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prf-commentary-'));
  for (const f of ['prf.yaml', 'kpis', 'data', 'schemas']) cpSync(join(REPO, f), join(dir, f), { recursive: true });
  rmSync(join(dir, FILE));
  return dir;
}

describe('prf commentary', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is named by prf report's refusal, writes a skeleton per off-target KPI with its figures, and keeps what is written", async () => {
    dir = demoWithoutQ3Commentary();
    const refused = runBinary(['report', '2025-26-Q3'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`prf commentary 2025-26-Q3 adds a skeleton to ${FILE}`);

    const r = await runInProcess(['commentary', '2025-26-Q3'], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, FILE), 'utf8');
    expect(text).toContain('# yaml-language-server: $schema=../../schemas/commentary.schema.json');
    expect(text).toMatch(/ {2}# FR-RB-02 .*: red\.\n {2}# Outturn 18\.5 days against a target of 16\.0 days; 2024-25-Q3: 17\.8 days\.\n/);
    expect(text).toMatch(
      / {2}FR-RB-02:\n {4}overview: ""\n {4}actions:\n {6}- action: ""\n {8}owner: Head of Revenues and Benefits\n {8}due: ""\n {4}barriers: ""\n {4}likelyOutturn: null\n/,
    );
    // The blanks are what validate names until they are filled.
    const v = await runInProcess(['validate', FILE, '--format', 'json'], dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('kpis.FR-RB-02.overview');

    // What the officer writes stays; only KPIs not yet there are added.
    writeFileSync(join(dir, FILE), `# our notes\nperiod: 2025-26-Q3\nkpis:\n  FR-RB-02:\n    overview: Written already # keep\n`);
    const again = await runInProcess(['commentary', '2025-26-Q3'], dir);
    expect(again.stdout).toContain('kept     FR-RB-02 (already written)');
    const after = readFileSync(join(dir, FILE), 'utf8');
    expect(after).toContain('# our notes');
    expect(after).toContain('overview: Written already # keep');
    expect(after.match(/FR-RB-02:/g)).toHaveLength(1);
    expect(after).toContain('FR-FS-04:');
  });

  it('adds nothing when every KPI needing commentary has it', async () => {
    const r = await runInProcess(['commentary', '2025-26-Q3', '--dry-run'], REPO);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing to add');
  });
});
