import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run.js';
import { STACK, throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace } = throwawayWorkspaces();

/** Runs `prf ARGS` through bash as a user's pipeline would; `code` is prf's own exit status. */
function shell(args: string, redirect: string, cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `"${process.execPath}" "${BIN}" ${args} ${redirect}; echo "prf-exit=\${PIPESTATUS[0]}" >&2`], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  const m = /prf-exit=(\d+)\n$/.exec(r.stderr);
  return { code: m ? Number(m[1]) : -1, stdout: r.stdout, stderr: r.stderr.replace(/prf-exit=\d+\n$/, '') };
}

/** A workspace with 400 measures, so prf status prints far more than a pipe holds (64 KiB). */
function bigWorkspace(): string {
  const dir = workspace();
  const entry = readFileSync(join(dir, 'kpis/HC-01.yaml'), 'utf8');
  for (let n = 10; n < 410; n++) writeFileSync(join(dir, `kpis/HC-${n}.yaml`), entry.replace('id: HC-01', `id: HC-${n}`));
  return dir;
}

/** 720 months of figures: prf import lists each before it writes them. */
function bigImport(dir: string): void {
  const rows = ['kpi,period,value,numerator,denominator,reviewed_by,note'];
  for (let year = 2030; year < 2090; year++)
    for (let month = 1; month <= 12; month++) rows.push(`HC-01,${year}-${String(month).padStart(2, '0')},88.5,177,200,,`);
  writeFileSync(join(dir, 'big.csv'), `${rows.join('\n')}\n`);
}

describe('a reader that stops early (prf ... | head -1)', () => {
  it('prf status: the first line, then quietly exit 0', () => {
    const dir = bigWorkspace();
    const r = shell('status 2025-26-Q3', '| head -1', dir);
    expect(r.stdout).toBe('2025-26-Q3\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prf import still imports every figure and exits 0 (it used to stop at the closed pipe, exit 0, with nothing written)', () => {
    const dir = workspace();
    bigImport(dir);
    const r = shell('import big.csv', '| head -1', dir);
    expect(r.stdout).toBe('add      HC-01 2030-01 88.5\n');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'data/outturns'))).toHaveLength(62);
    expect(readFileSync(join(dir, 'data/outturns/2089-90.csv'), 'utf8')).toContain('HC-01,2089-12,88.5');
  });

  it('prf validate keeps its own exit code: 1 when the workspace has errors (it used to be 0)', () => {
    const dir = bigWorkspace();
    for (let n = 10; n < 410; n++) writeFileSync(join(dir, `kpis/HC-${n}.yaml`), `${readFileSync(join(dir, `kpis/HC-${n}.yaml`), 'utf8')}bogus: 1\n`);
    const r = shell('validate', '| head -1', dir);
    expect(r.stdout).toMatch(/^kpis\/HC-10\.yaml:\d+:1 +error +unknown key "bogus"/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });
});

describe('standard output on a full device', () => {
  it.each(['status 2025-26-Q3', 'status 2025-26-Q3 --format json', 'validate', 'validate --format json', '--help', 'templates list', 'improvement 2025-26'])(
    'prf %s: one line on standard error, exit 2',
    (args) => {
      const r = shell(args, '> /dev/full', workspace());
      expect(r.stderr).toBe('prf: cannot write the output (ENOSPC: the disk is full)\n');
      expect(r.code).toBe(2);
    },
  );

  it('a command that writes nothing to standard output is not failed by it (a usage error stays exit 2 with its own message)', () => {
    const r = shell('history', '> /dev/full', workspace());
    expect(r.stderr).toBe("error: missing required argument 'kpi'\n(run prf --help for usage)\n");
    expect(r.code).toBe(2);
  });

  it('prf import onto a full device: exit 2 with nothing imported', () => {
    const dir = workspace();
    bigImport(dir);
    const r = shell('import big.csv', '> /dev/full', dir);
    expect(r.stderr).toBe('prf: cannot write the output (ENOSPC: the disk is full)\n');
    expect(r.code).toBe(2);
    expect(readdirSync(join(dir, 'data/outturns'))).toEqual(['2025-26.csv']);
    expect(readdirSync(dir)).not.toContain('.prf-lock');
  });
});
