import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { demoRepo, gitIn, type GitFixture } from './git-fixture.js';

const KPI_FILE = 'kpis/strategic-planning-environment/environmental-services/SP-ES-03.yaml';
const CSV = 'data/outturns/2025-26.csv';

function edit(dir: string, file: string, from: string, to: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(join(dir, file), text.replace(from, to));
}

function folder(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

// One repository for the whole file: a first commit reported on, then a target change and a
// restatement by someone else a few weeks later.
let repo: GitFixture;
let first: string;
let second: string;

beforeAll(async () => {
  repo = demoRepo();
  first = repo.commit('Q3 figures', 'Alice Officer', '2026-01-20T10:00:00Z');
  const r = await runInProcess(['report', '2025-26-Q3', '--format', 'html,md', '--out', 'published', '--manifest'], repo.dir);
  expect(r.code, r.stderr).toBe(0);
  edit(repo.dir, KPI_FILE, 'type: single\n  value: 400', 'type: single\n  value: 390');
  edit(repo.dir, CSV, 'SP-ES-03,2025-26-Q3,395.1,', 'SP-ES-03,2025-26-Q3,412.0,');
  second = repo.commit('Restate Q3 residual waste; new target', 'Bob Analyst', '2026-02-10T09:30:00Z');
}, 60_000);

afterAll(() => repo.cleanup());

describe('prf report --at', () => {
  it('renders byte-identical papers to those produced at that commit, leaving the working tree alone', async () => {
    const status = gitIn(repo.dir, {}, 'status', '--porcelain');
    const r = await runInProcess(['report', '2025-26-Q3', '--format', 'html,md', '--out', 'again', '--at', first], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`as at ${first.slice(0, 7)}`);
    const published = folder(join(repo.dir, 'published'));
    published.delete('manifest.json');
    expect(folder(join(repo.dir, 'again'))).toEqual(published);
    expect(gitIn(repo.dir, {}, 'status', '--porcelain')).toBe(`${status}?? again/\n`.replace(/^\n/, ''));
  });

  it('differs from the papers of today, which carry the restatement', async () => {
    const r = await runInProcess(['report', '2025-26-Q3', '--format', 'md', '--out', 'today', '--draft'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    const today = readFileSync(join(repo.dir, 'today/strategic-planning-environment-osc.md'), 'utf8');
    expect(today).not.toEqual(readFileSync(join(repo.dir, 'published/strategic-planning-environment-osc.md'), 'utf8'));
  });

  it('refuses a revision that looks like an option, and names a missing one', async () => {
    const bad = await runInProcess(['report', 'q3', '--at=--output=/tmp/x'], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a revision');
    const missing = await runInProcess(['report', 'q3', '--at', 'no-such-tag'], repo.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-tag names no commit');
  });
});

describe('prf history', () => {
  it('lists the target change and the restatement, newest first, with author, date and commit', async () => {
    const r = await runInProcess(['history', 'SP-ES-03'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`History of SP-ES-03 (${KPI_FILE}), newest first`);
    expect(lines.slice(2, 5)).toEqual([
      `2026-02-10  ${second.slice(0, 7)}  Bob Analyst  "Restate Q3 residual waste; new target"`,
      '  target: 400 -> 390',
      '  2025-26 Q3 outturn restated 395.1 -> 412',
    ]);
    expect(r.stdout).toContain(`2026-01-20  ${first.slice(0, 7)}  Alice Officer  "Q3 figures"\n  entry created (${KPI_FILE})`);
  });

  it('lists the recorded process changes before the commits', async () => {
    const r = await runInProcess(['history', 'HC-AM-01'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Process changes recorded in the dictionary, oldest first:\n  2025-04-01  New void works contract started, with a 10-working-day standard for minor works (decided by Cabinet (contract award)); control limits start again here\n\nCommits, newest first:',
    );
  });

  it("prints JSON with each commit's words", async () => {
    const r = await runInProcess(['history', 'SP-ES-03', '--format', 'json'], repo.dir);
    const json = JSON.parse(r.stdout) as { kpi: string; shallow: boolean; commits: Array<{ commit: string; author: string; changes: string[] }> };
    expect(json.kpi).toBe('SP-ES-03');
    expect(json.shallow).toBe(false);
    expect(json.commits[0]).toMatchObject({
      commit: second,
      author: 'Bob Analyst',
      changes: ['target: 400 -> 390', '2025-26 Q3 outturn restated 395.1 -> 412'],
    });
  });
});

describe('prf diff', () => {
  it('gives the dictionary and data changes and the statuses they change in quarters reported', async () => {
    const r = await runInProcess(['diff', first, second, '--format', 'json'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as Record<string, unknown[]>;
    expect(d.edited).toEqual([
      expect.objectContaining({ id: 'SP-ES-03', changes: [{ field: 'target', path: ['target', 'value'], words: 'target: 400 -> 390' }] }),
    ]);
    expect(d.outturns).toEqual([expect.objectContaining({ kpi: 'SP-ES-03', period: '2025-26-Q3', kind: 'restated', before: 395.1, after: 412 })]);
    expect(d.statusChanges).toContainEqual(expect.objectContaining({ kpi: 'SP-ES-03', period: '2025-26-Q3', before: 'green', after: 'red' }));
  });

  it('in text, defaults to HEAD~1 -> the working tree when there are no tags', async () => {
    const r = await runInProcess(['diff'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('comparing HEAD~1');
    expect(r.stdout).toContain('Dictionary changes:\n  SP-ES-03\n    target: 400 -> 390');
    expect(r.stdout).toContain('Status changes in quarters already reported:\n  SP-ES-03\n');
    expect(r.stdout).toContain('2025-26 Q3 status green -> red');
  });
});

describe('prf validate --since', () => {
  it('warns at the target when it changed with no change record, and fails under --strict', async () => {
    const r = await runInProcess(['validate', '--since', first, '--format', 'json'], repo.dir);
    const json = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; line: number; code: string; severity: string; message: string }> };
    const found = json.diagnostics.filter((d) => d.code === 'change-unrecorded');
    expect(found).toEqual([expect.objectContaining({ file: KPI_FILE, severity: 'warning' })]);
    expect(found[0]!.message).toContain('target changed since');
    const lines = readFileSync(join(repo.dir, KPI_FILE), 'utf8').split('\n');
    expect(lines[found[0]!.line - 1]).toMatch(/^target:|value: 390/);
    const strict = await runInProcess(['validate', '--since', first, '--strict'], repo.dir);
    expect(strict.code).toBe(1);
  });
});

describe('prf verify', () => {
  it('says the published papers no longer match, and lists the restatement and target change', async () => {
    const r = await runInProcess(['verify', 'published/manifest.json'], repo.dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('they NO LONGER match their inputs');
    expect(r.stdout).toContain('strategic-planning-environment-osc.md: would now read differently');
    expect(r.stdout).toContain('2025-26 Q3 outturn restated 395.1 -> 412');
    expect(r.stdout).toContain('target: 400 -> 390');
  });

  it('passes papers that still match, and catches an edited one', async () => {
    const r = await runInProcess(['report', '2025-26-Q3', '--format', 'html,md', '--out', 'current', '--manifest', '--draft'], repo.dir);
    expect(r.code, r.stderr).toBe(0);
    const ok = await runInProcess(['verify', 'current/manifest.json'], repo.dir);
    expect(ok.stdout).toContain('they still match their inputs');
    expect(ok.code).toBe(0);
    writeFileSync(join(repo.dir, 'current/index.md'), 'edited by hand\n');
    const edited = await runInProcess(['verify', 'current/manifest.json'], repo.dir);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('index.md: edited or removed since it was published');
  });

  it('the manifest records the commit, inputs and outputs', () => {
    const m = JSON.parse(readFileSync(join(repo.dir, 'published/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(m).toMatchObject({ manifest: 1, period: '2025-26-Q3', commit: first, dirty: false, formats: ['html', 'md'] });
    expect(m.inputs).toContainEqual(expect.objectContaining({ path: KPI_FILE }));
    expect(m.outputs).toContainEqual(expect.objectContaining({ path: 'index.md' }));
  });
});

describe('safety', () => {
  it('a shallow clone says what history is missing and how to fetch it', async () => {
    const clone = join(repo.dir, '..', `${repo.dir.split('/').pop()}-shallow`);
    gitIn(join(repo.dir, '..'), {}, 'clone', '-q', '--depth', '1', `file://${repo.dir}`, clone);
    try {
      const diff = await runInProcess(['diff', 'HEAD~1', 'HEAD'], clone);
      expect(diff.code).toBe(2);
      expect(diff.stderr).toContain('shallow');
      expect(diff.stderr).toContain('git fetch --unshallow');
      const history = await runInProcess(['history', 'SP-ES-03'], clone);
      expect(history.code).toBe(0);
      expect(history.stderr).toContain('git fetch --unshallow');
    } finally {
      gitIn(repo.dir, {}, 'version');
      (await import('node:fs')).rmSync(clone, { recursive: true, force: true });
    }
  });

  it('a folder outside git is told there is no history, with exit 2', async () => {
    const { tempWorkspace, REPO } = await import('../helpers/run.js');
    const ws = tempWorkspace(join(REPO, 'fixtures/validate/_base'));
    try {
      const r = await runInProcess(['diff'], ws.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is not inside a git repository, so prf has no history to read');
    } finally {
      ws.cleanup();
    }
  });

  it('a dirty working tree is reported', async () => {
    edit(repo.dir, CSV, 'SP-ES-03,2025-26-Q2,378.9,', 'SP-ES-03,2025-26-Q2,379.0,');
    try {
      const r = await runInProcess(['history', 'SP-ES-03', '--format', 'json'], repo.dir);
      expect(r.stderr).toContain('uncommitted changes');
      expect((JSON.parse(r.stdout) as { dirty: string[] }).dirty).toEqual([CSV]);
    } finally {
      edit(repo.dir, CSV, 'SP-ES-03,2025-26-Q2,379.0,', 'SP-ES-03,2025-26-Q2,378.9,');
    }
  });
});
