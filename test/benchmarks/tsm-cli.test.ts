import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBinary, runInProcess, REPO } from '../helpers/run.js';
import { EXTRACTS, tsmWorkspace } from './tsm-helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

const snapshot = (dir: string) =>
  ['prf.yaml', ...readdirSync(join(dir, 'kpis')).map((f) => `kpis/${f}`), ...readdirSync(join(dir, 'data/outturns')).map((f) => `data/outturns/${f}`)].map(
    (f) => [f, readFileSync(join(dir, f), 'utf8')],
  );

describe('prf init --tsm', () => {
  it('writes the 26 TSM figures as annual entries with the regulator wording and nothing illustrative, valid under --strict', async () => {
    const dir = await tsmWorkspace('la-under-15000', cleanups);
    const kpis = readdirSync(join(dir, 'kpis')).sort();
    expect(kpis).toHaveLength(26);
    expect(kpis).toContain('TSM-CH01-1.yaml');
    const tp01 = readFileSync(join(dir, 'kpis/TSM-TP01.yaml'), 'utf8');
    expect(tp01.replace(/\s+/g, ' ')).toContain('Proportion of respondents who report that they are satisfied with the overall service from their landlord.');
    expect(tp01).toContain('frequency: annual');
    expect(tp01).toContain('regulatorCode: TP01');
    expect(tp01).toContain('benchmarks: []');
    for (const f of kpis) expect(readFileSync(join(dir, 'kpis', f), 'utf8')).not.toMatch(/illustrative/i);
    expect(readFileSync(join(dir, 'prf.yaml'), 'utf8')).toContain('peerGroups:');
    const v = await runInProcess(['validate', '--strict'], dir);
    expect(v.stdout + v.stderr).toContain('no problems');
    expect(v.code).toBe(0);
  });
});

describe('prf benchmarks tsm', () => {
  it(
    '--dry-run prints quartiles with group, n and method, and the edits, and writes nothing; the run writes; again changes nothing',
    { timeout: 120_000 },
    async () => {
      const dir = await tsmWorkspace('la-under-15000', cleanups);
      const before = snapshot(dir);
      const dry = await runInProcess(['benchmarks', 'tsm', ...EXTRACTS, '--landlord', '26UC', '--dry-run'], dir);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('2024-25: Regulator of Social Housing, Tenant Satisfaction Measures 2025 full data');
      expect(dry.stdout).toContain('landlord 26UC Dacorum Borough Council (LA;');
      expect(dry.stdout).toContain('quartiles by Excel QUARTILE.INC');
      expect(dry.stdout).toMatch(
        / {4}Councils under 15,000 homes \(n=16 of 16\): lower quartile 55\.6, median 68\.7, upper quartile 71\.1; 26UC in quartile 3 \(1 = best\)/,
      );
      expect(dry.stdout).toContain('would write kpis/TSM-TP01.yaml');
      expect(dry.stdout).toContain('  |   - year: 2024-25');
      expect(dry.stdout).toContain('add      TSM-TP01 2024-25 56.3');
      expect(dry.stdout).toMatch(/dry run: 28 files would change; nothing was written/);
      expect(snapshot(dir)).toEqual(before);

      const run = await runInProcess(['benchmarks', 'tsm', ...EXTRACTS, '--landlord', '26UC'], dir);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('wrote    kpis/TSM-TP01.yaml');
      expect(run.stdout).toContain('wrote    data/outturns/2024-25.csv');
      const csv = readFileSync(join(dir, 'data/outturns/2024-25.csv'), 'utf8');
      expect(csv).toContain(
        'TSM-TP01,2024-25,56.3,,,,"from Regulator of Social Housing, Tenant Satisfaction Measures 2025 full data (2025_TSM_extract.xlsx, TSM25_LCRA_Perception row',
      );
      const entry = readFileSync(join(dir, 'kpis/TSM-TP01.yaml'), 'utf8');
      expect(entry).toMatch(/sha256: [0-9a-f]{64}\n/);
      expect(entry).toContain('file: 2025_TSM_extract.xlsx');

      const again = await runInProcess(['benchmarks', 'tsm', ...EXTRACTS, '--landlord', '26UC'], dir);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('nothing changed');
    },
  );

  it('shows as a change in prf diff once the workspace is in git', { timeout: 120_000 }, async () => {
    const dir = await tsmWorkspace('la-under-15000', cleanups);
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'TSM workspace');
    expect((await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!, '--landlord', '26UC'], dir)).code).toBe(0);
    const diff = await runInProcess(['diff', 'HEAD'], dir);
    expect(diff.stdout).toMatch(/TSM-TP01\n\s+benchmarks changed/);
  });

  it('never overwrites a recorded figure silently: a different one needs --restate with a reason', { timeout: 120_000 }, async () => {
    const dir = await tsmWorkspace('la-under-15000', cleanups);
    expect((await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!, '--landlord', '26UC'], dir)).code).toBe(0);
    const file = join(dir, 'data/outturns/2024-25.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('TSM-TP01,2024-25,56.3,', 'TSM-TP01,2024-25,58.0,'));
    const refused = await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!, '--landlord', '26UC'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('import-figure-exists');
    expect(refused.stderr).toContain('TSM-TP01 2024-25 is already recorded as 58');
    expect(readFileSync(file, 'utf8')).toContain('TSM-TP01,2024-25,58.0,');
    const restated = await runInProcess(
      ['benchmarks', 'tsm', EXTRACTS[1]!, '--landlord', '26UC', '--restate', '--reason', 'as published', '--today', '2026-01-05'],
      dir,
    );
    expect(restated.code, restated.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('TSM-TP01,2024-25,56.3,,,,"restated 2026-01-05: was 58 (as published); from Regulator');
  });

  it('lists what it does not import ([E] excluded) and records shared-owner questions as n/a with a note', { timeout: 120_000 }, async () => {
    const dir = await tsmWorkspace('prp', cleanups);
    const config = join(dir, 'prf.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('    tenure: LCRA\n', '    tenure: LCHO\n'));
    const r = await runInProcess(['benchmarks', 'tsm', EXTRACTS[0]!, '--landlord', 'L4172', '--peers', 'prp'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'data/outturns/2023-24.csv'), 'utf8')).toMatch(
      /TSM-TP02,2023-24,n\/a,,,,n\/a: the regulator does not ask shared owners \(LCHO\) this question/,
    );
    const council = await tsmWorkspace('la-under-15000', cleanups);
    const excluded = await runInProcess(['benchmarks', 'tsm', EXTRACTS[0]!, '--landlord', '17UK', '--dry-run'], council);
    expect(excluded.code, excluded.stderr).toBe(0);
    expect(excluded.stdout).toMatch(/TSM-BS02 Fire safety checks: none \(not imported: the return shows \[E\] excluded by the regulator\)/);
    expect(excluded.stdout).toContain('add      TSM-BS01 2023-24 ');
    expect(excluded.stdout).not.toContain('add      TSM-BS02');
  });

  it('--list-peers lists each group with its n and members, and writes nothing', { timeout: 60_000 }, async () => {
    const dir = await tsmWorkspace('la-15000-plus', cleanups);
    const r = await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!, '--list-peers', '--peers', 'la-15000-plus', '--landlord', '00CZ'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2024-25 la-15000-plus: Councils with 15,000 homes or more (LCRA, councils, at least 15,000 homes), n=9');
    expect(r.stdout).toMatch(/ {2}00CZ {4}LA {4}21,599 {2}Kirklees Metropolitan Borough Council {2}\(you\)/);
    expect(existsSync(join(dir, 'data/outturns/2024-25.csv'))).toBe(false);
  });

  it(
    'refuses a workbook it does not recognise, naming what it looked for, and an unknown landlord (exit 1, nothing written)',
    { timeout: 120_000 },
    async () => {
      const dir = await tsmWorkspace('la-under-15000', cleanups);
      const before = snapshot(dir);
      const form = join(REPO, 'test/benchmarks/fixtures/not-tsm.xlsx');
      const bad = runBinary(['benchmarks', 'tsm', form, '--landlord', '26UC'], dir);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('tsm-layout-unrecognised');
      expect(bad.stderr).toContain('no sheet named TSM<yy>_Management_Info');
      const unknown = await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!, '--landlord', 'ZZ99'], dir);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('tsm-landlord-unknown');
      expect(unknown.stderr).toContain('ZZ99 is not in this 2024-25 release');
      expect(snapshot(dir)).toEqual(before);
    },
  );

  it('says how to declare peer groups when there are none, and how to name the landlord (exit 2)', async () => {
    const dir = await tsmWorkspace('la-under-15000', cleanups);
    const config = join(dir, 'prf.yaml');
    const text = readFileSync(config, 'utf8');
    writeFileSync(config, text.replace(/ {4}peerGroups:\n[\s\S]*$/, '    peerGroups: []\n'));
    const none = await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!, '--landlord', '26UC'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('prf.yaml declares no peer groups: add them under benchmarks.tsm.peerGroups');
    writeFileSync(config, text);
    const noLandlord = await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!], dir);
    expect(noLandlord.code).toBe(2);
    expect(noLandlord.stderr).toContain('give your landlord code with --landlord CODE');
    const badPeer = await runInProcess(['benchmarks', 'tsm', EXTRACTS[1]!, '--landlord', '26UC', '--peers', 'nope'], dir);
    expect(badPeer.code).toBe(2);
    expect(badPeer.stderr).toContain('--peers nope: prf.yaml declares la-under-15000, la-15000-plus, prp');
  });
});
