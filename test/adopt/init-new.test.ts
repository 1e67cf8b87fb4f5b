import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/commands/main.js';
import { REPO, runInProcess, tempWorkspace } from '../helpers/run.js';
import { gitIn } from '../history/git-fixture.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prf-init-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function validateJson(dir: string): Promise<{ code: number; diagnostics: Array<{ file: string; code: string; severity: string; message: string }> }> {
  const r = await runInProcess(['validate', '--strict', '--format', 'json'], dir);
  return { code: r.code, diagnostics: JSON.parse(r.stdout).diagnostics };
}

/** Runs prf with answers typed at a (pretend) terminal. */
async function runTyping(argv: string[], cwd: string, answers: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  stdin.end(answers.map((a) => `${a}\n`).join(''));
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin,
  });
  return { code, stdout, stderr };
}

describe('prf init', () => {
  it('makes a workspace that passes validate --strict at once, from flags', async () => {
    const dir = scratch();
    const r = await runInProcess(
      [
        'init',
        'council',
        '--organisation',
        'Testshire District Council',
        '--fy-start',
        'April',
        '--committee',
        'housing-osc=Housing Overview and Scrutiny Committee',
        '--committee',
        'cabinet=Cabinet',
        '--priority',
        'homes=Good homes',
        '--aim',
        'homes/repairs=Repair homes well',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ws = join(dir, 'council');
    for (const f of [
      'prf.yaml',
      'kpis/CS-01.yaml',
      'templates/README.md',
      'data/outturns/README.md',
      'data/commentary/README.md',
      '.gitignore',
      '.github/workflows/prf.yml',
      'schemas/kpi.schema.json',
      'schemas/config.schema.json',
    ]) {
      expect(existsSync(join(ws, f)), f).toBe(true);
    }
    const config = readFileSync(join(ws, 'prf.yaml'), 'utf8');
    expect(config.split('\n')[0]).toBe('# yaml-language-server: $schema=./schemas/config.schema.json');
    expect(config).toContain('organisation: Testshire District Council');
    expect(readFileSync(join(ws, 'kpis/CS-01.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/kpi.schema.json');
    expect(readFileSync(join(ws, 'schemas/kpi.schema.json'), 'utf8')).toBe(readFileSync(join(REPO, 'schemas/kpi.schema.json'), 'utf8'));
    expect(readFileSync(join(ws, '.gitignore'), 'utf8')).toContain('reports/**\n!reports/*/\n!reports/*/manifest.json\n');
    expect(readFileSync(join(ws, '.github/workflows/prf.yml'), 'utf8')).toContain('run: npx --no prf validate --strict --format github');
    // prf is not on the registry: the README points at the guide installed with it, never at a registry page.
    const readme = readFileSync(join(ws, 'README.md'), 'utf8');
    expect(readme).not.toContain('npmjs.com');
    expect(readme).toContain('node_modules/prf/docs/guide/');
    expect(await validateJson(ws)).toEqual({ code: 0, diagnostics: [] });
    const status = await runInProcess(['status', '2025-10', '--format', 'json'], ws);
    expect(JSON.parse(status.stdout).kpis).toMatchObject([{ id: 'CS-01', committee: 'housing-osc', status: 'missing' }]);
  });

  it('--yes takes the defaults, naming the organisation after the folder', async () => {
    const dir = scratch();
    expect((await runInProcess(['init', 'Dacorum', '--yes'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'Dacorum/prf.yaml'), 'utf8')).toContain('organisation: Dacorum\n');
    expect((await validateJson(join(dir, 'Dacorum'))).code).toBe(0);
  });

  it('asks at a terminal for what the flags leave out', async () => {
    const dir = scratch();
    const r = await runTyping(['init', 'ws', '--organisation', 'Typed Council'], dir, [
      '13',
      'Apr',
      'scrutiny=Scrutiny Committee',
      '',
      'bad id=Nope',
      'place=A better place',
      '',
      'parks=Parks people enjoy',
      '',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"13" is not a month');
    expect(r.stdout).toContain('"bad id" is not an id');
    expect(r.stdout).not.toContain('Organisation');
    const config = readFileSync(join(dir, 'ws/prf.yaml'), 'utf8');
    expect(config).toContain('financialYearStartMonth: 4');
    expect(config).toContain('id: scrutiny');
    expect(config).toMatch(/id: place\n {4}name: A better place\n {4}aims:\n {6}- id: parks/);
    expect((await validateJson(join(dir, 'ws'))).code).toBe(0);
  });

  it.each([
    [['init', 'ws'], 'there is no terminal to ask in'],
    [['init', 'ws', '--yes', '--fy-start', '13'], '--fy-start 13: "13" is not a month'],
    [['init', 'ws', '--yes', '--committee', 'Housing=Housing'], '"Housing" is not an id'],
    [['init', 'ws', '--yes', '--priority', 'homes=Homes'], 'priority homes has no aims, and the example KPI needs one: add --aim homes/AIM-ID=Name'],
    [['init', 'ws', '--yes', '--priority', 'homes=Homes', '--aim', 'parks/green=Green'], '--aim parks/green: there is no --priority parks'],
    [['init', 'ws', '--yes', '--committee', 'a=A', '--committee', 'a=B'], 'committee a is given twice'],
  ])('refuses %j with a usage error', async (argv, message) => {
    const dir = scratch();
    const r = await runInProcess(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(dir, 'ws/prf.yaml'))).toBe(false);
  });

  it("keeps papers and forms out of git but each published set's manifest in it", async () => {
    const dir = scratch();
    expect((await runInProcess(['init', '--yes'], dir)).code).toBe(0);
    for (const f of ['reports/2025-26-Q3/index.html', 'reports/2025-26-Q3/manifest.json', 'reports/forms/2025-12-x.xlsx']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x');
    }
    gitIn(dir, {}, 'init', '-q');
    gitIn(dir, {}, 'add', '-A');
    const tracked = gitIn(dir, {}, 'ls-files', 'reports').trim().split('\n');
    expect(tracked).toEqual(['reports/2025-26-Q3/manifest.json']);
  });

  it('refuses to overwrite a workspace, or files already there, and adds to an existing .gitignore', async () => {
    const r = await runInProcess(['init', '--yes'], REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('. is already a workspace (it has prf.yaml); prf init never overwrites one');
    const dir = scratch();
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\r\n');
    writeFileSync(join(dir, 'README.md'), 'ours\n');
    expect((await runInProcess(['init', '--yes'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\r\nreports/**\r\n!reports/*/\r\n!reports/*/manifest.json\r\n.prf-tmp-*\r\n.prf-lock\r\n',
    );
    const other = scratch();
    mkdirSync(join(other, 'kpis'));
    writeFileSync(join(other, 'kpis/CS-01.yaml'), "an officer's own file\n");
    const clash = await runInProcess(['init', '--yes'], other);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('already has kpis/CS-01.yaml');
  });
});

describe('prf new', () => {
  async function initialised(): Promise<string> {
    const dir = scratch();
    expect((await runInProcess(['init', '--yes'], dir)).code).toBe(0);
    return dir;
  }

  it('writes a complete entry that fails validate --strict only on its blanks, each named', async () => {
    const dir = await initialised();
    const r = await runInProcess(['new', 'HC-RP-01'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote    kpis/HC-RP-01.yaml');
    const text = readFileSync(join(dir, 'kpis/HC-RP-01.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/kpi.schema.json');
    expect(text).toContain('# Signs the figure off; must not be the collector\n  reviewer: ""');
    const { code, diagnostics } = await validateJson(dir);
    expect(code).toBe(1);
    expect(diagnostics.every((d) => d.file === 'kpis/HC-RP-01.yaml' && d.severity === 'error')).toBe(true);
    expect(diagnostics.map((d) => `${d.code} ${d.message.split(' ')[0]}`)).toEqual([
      'schema-format name',
      'schema-format service',
      'schema-format definition',
      'schema-format purpose',
      'schema-format formula',
      'schema-format workedExample',
      'schema-invalid-value unit',
      'schema-invalid-value polarity',
      'schema-invalid-value frequency',
      'schema-invalid-value aggregation',
      'schema-format source.system',
      'schema-format source.systemChanges',
      'schema-format source.manualAmendments',
      'schema-format source.reconciliation',
      'schema-format roles.owner',
      'schema-format roles.collector',
      'schema-format roles.reviewer',
      'schema-format roles.headOfService',
      'schema-format roles.strategicLead',
      'schema-invalid-value dataQuality.confidence',
      'schema-type target.value',
      'schema-format baseline.note',
      'schema-type benchmarks',
    ]);
  });

  it('--from copies an entry beside it, clearing what belonged to the old figures', async () => {
    const ws = tempWorkspace(join(REPO, 'fixtures/validate/_base'));
    cleanups.push(ws.cleanup);
    const r = await runInProcess(['new', 'HC-03', '--from', 'HC-01'], ws.dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(ws.dir, 'kpis/HC-03.yaml'), 'utf8');
    expect(text).toContain('formula: Repairs completed at first visit / repairs completed x 100');
    expect(text).toContain('  collector: Repairs Analyst');
    const { diagnostics } = await validateJson(ws.dir);
    expect(diagnostics.map((d) => `${d.file} ${d.code} ${d.message.split(' ')[0]}`)).toEqual([
      'kpis/HC-03.yaml schema-format name',
      'kpis/HC-03.yaml schema-format workedExample',
      'kpis/HC-03.yaml schema-type target.value',
      'kpis/HC-03.yaml schema-format baseline.note',
      'kpis/HC-03.yaml schema-type benchmarks',
    ]);
  });

  it("puts a committee's new KPI in the folder its KPIs share, or in --folder", async () => {
    // The demo dictionary files its KPIs by committee, then service.
    const ws = { dir: scratch() };
    for (const entry of ['prf.yaml', 'kpis', 'data']) cpSync(join(REPO, entry), join(ws.dir, entry), { recursive: true });
    const r = await runInProcess(['new', 'FR-NEW-01', '--committee', 'finance-resources-osc'], ws.dir);
    expect(r.stdout).toContain('wrote    kpis/finance-resources/FR-NEW-01.yaml');
    expect(readFileSync(join(ws.dir, 'kpis/finance-resources/FR-NEW-01.yaml'), 'utf8')).toContain('committee: finance-resources-osc');
    const f = await runInProcess(['new', 'FR-NEW-02', '--folder', 'kpis/finance-resources/digital'], ws.dir);
    expect(f.stdout).toContain('wrote    kpis/finance-resources/digital/FR-NEW-02.yaml');
  });

  it.each([
    [['new', 'HC-01'], 'HC-01 already exists (kpis/HC-01.yaml)'],
    [['new', 'hc-9'], 'hc-9: a KPI id is capital letters'],
    [['new', 'HC-9', '--from', 'HC-99'], '--from HC-99: no such KPI in the dictionary'],
    [['new', 'HC-9', '--committee', 'nope'], '--committee nope: no such committee'],
    [['new', 'HC-9', '--folder', 'data'], '--folder data: must be inside the dictionary folder'],
  ])('refuses %j', async (argv, message) => {
    const ws = tempWorkspace(join(REPO, 'fixtures/validate/_base'));
    cleanups.push(ws.cleanup);
    const r = await runInProcess(argv, ws.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('runs while an earlier new entry is still blank, and refuses its id', async () => {
    const dir = await initialised();
    expect((await runInProcess(['new', 'AB-01'], dir)).code).toBe(0);
    expect((await runInProcess(['new', 'AB-02'], dir)).code).toBe(0);
    const again = await runInProcess(['new', 'AB-01'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('AB-01 already exists');
  });
});
