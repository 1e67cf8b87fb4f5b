import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runBinary, runInProcess, tempWorkspace, type RunResult } from '../helpers/run.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const empty = mkdtempSync(join(tmpdir(), 'prf-no-workspace-'));
const broken = tempWorkspace(join(REPO, 'fixtures/validate/_base'));
// A mistyped key under roles: an unknown key, and the key it should have been missing.
const brokenKpi = join(broken.dir, 'kpis/HC-01.yaml');
writeFileSync(brokenKpi, readFileSync(brokenKpi, 'utf8').replace('  owner: Head of Repairs', '  owener: Head of Repairs'));
afterAll(() => {
  rmSync(empty, { recursive: true, force: true });
  broken.cleanup();
});

interface Case {
  name: string;
  argv: string[];
  cwd: () => string;
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

/** Each case runs in-process through main() and through the real binary; both must agree. */
const cases: Case[] = [
  { name: 'the demo workspace validates strictly', argv: ['validate', '--strict'], cwd: () => REPO, code: 0, stdout: /no problems/ },
  { name: 'validate finds the workspace from a subfolder', argv: ['validate'], cwd: () => join(REPO, 'kpis'), code: 0 },
  {
    name: 'a broken workspace exits 1 with file:line:column',
    argv: ['validate'],
    cwd: () => broken.dir,
    code: 1,
    stdout: /^kpis\/HC-01\.yaml:\d+:\d+ +error/m,
  },
  {
    name: '--workspace points at a broken workspace',
    argv: ['--workspace', broken.dir, 'validate', '--format', 'json'],
    cwd: () => REPO,
    code: 1,
    stdout: /"schema-unknown-key"/,
  },
  {
    name: 'github annotations mark the line',
    argv: ['validate', '--format', 'github'],
    cwd: () => broken.dir,
    code: 1,
    stdout: /^::error file=kpis\/HC-01\.yaml,line=\d+,col=\d+,title=prf schema-unknown-key::/m,
  },
  { name: 'no workspace here or above', argv: ['validate'], cwd: () => empty, code: 2, stderr: /no prf\.yaml in .* "prf init"/ },
  {
    name: '--workspace to a missing folder',
    argv: ['--workspace', 'nowhere', 'validate'],
    cwd: () => empty,
    code: 2,
    stderr: /--workspace nowhere: no such folder/,
  },
  { name: 'an unknown format', argv: ['validate', '--format', 'xml'], cwd: () => REPO, code: 2, stderr: /argument 'xml' is invalid.*stylish, json, github/s },
  { name: 'an unknown option', argv: ['validate', '--stirct'], cwd: () => REPO, code: 2, stderr: /unknown option '--stirct'/ },
  { name: 'an unknown command', argv: ['validte'], cwd: () => REPO, code: 2, stderr: /unknown command 'validte'/ },
  { name: '--help', argv: ['--help'], cwd: () => REPO, code: 0, stdout: /Usage: prf/ },
  { name: '--version', argv: ['--version'], cwd: () => REPO, code: 0, stdout: new RegExp(`^${VERSION.replace(/\./g, '\\.')}\n$`) },
  { name: '-V', argv: ['-V'], cwd: () => REPO, code: 0, stdout: new RegExp(`^${VERSION.replace(/\./g, '\\.')}\n$`) },
  {
    name: '--version after a command, through commander',
    argv: ['validate', '--version'],
    cwd: () => REPO,
    code: 0,
    stdout: new RegExp(`^${VERSION.replace(/\./g, '\\.')}\n$`),
  },
];

function check(c: Case, r: RunResult) {
  expect(r.code, r.stderr).toBe(c.code);
  if (c.stdout) expect(r.stdout).toMatch(c.stdout);
  if (c.stderr) expect(r.stderr).toMatch(c.stderr);
  // Whatever goes wrong, the user never sees a stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('prf CLI', () => {
  it.each(cases)('in-process: $name', async (c) => check(c, await runInProcess(c.argv, c.cwd())));
  it.each(cases)('binary: $name', (c) => check(c, runBinary(c.argv, c.cwd())));
});
