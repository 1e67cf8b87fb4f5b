/**
 * `npm run bench`: times prf on seeded workspaces of 100, 1,000 and 10,000 KPIs with ten years of
 * monthly outturns (12k to 1.2M rows), and on the demo, beside a floor measured in the same run
 * on the same files (csv-parse streaming the CSVs, only counting rows). Prints median wall time
 * and peak memory over several runs. Figures, not assertions: machines differ.
 *
 *   npm run bench -- --sizes 100,1000 --runs 5
 *   npm run bench -- --write /tmp/ws --kpis 10000     (only write a workspace to profile)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { benchWorkspace } from './workspace.js';

const HERE = import.meta.dirname;
const REPO = resolve(HERE, '../../..');
const CHILD = join(HERE, 'child.js');
const FLOOR = join(HERE, 'floor.js');
const BIN = join(REPO, 'dist/bundle/prf.js');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}
function writeWorkspace(dir: string, kpis: number): void {
  for (const f of benchWorkspace(kpis)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}

// `--write DIR --kpis N` only writes a seeded workspace to profile by hand, then stops.
const writeTo = process.argv.includes('--write') ? resolve(arg('write', '')) : null;
if (writeTo) {
  writeWorkspace(writeTo, Number(arg('kpis', '1000')));
  process.stdout.write(`wrote a seeded workspace of ${arg('kpis', '1000')} KPIs to ${writeTo}\n`);
  process.exit(0);
}

// `--tsm-only` times only the TSM import (below), skipping the seeded workspaces and the demo;
// `--site-only` only the public website (prf site).
const tsmOnly = process.argv.includes('--tsm-only');
const siteOnly = process.argv.includes('--site-only');
const sizes = tsmOnly || siteOnly ? [] : arg('sizes', '100,1000,10000').split(',').map(Number);
const runs = Number(arg('runs', '3'));

interface Sample {
  seconds: number;
  maxRssKb: number;
  cpuSeconds?: number;
  rows?: number;
}

function once(script: string, args: string[], cwd: string): Sample {
  const t = performance.now();
  const r = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t) / 1000;
  const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`${args.join(' ')} in ${cwd} failed: ${r.stderr}`);
  const out = JSON.parse(line.slice(6)) as { code: number; maxRssKb: number; cpuSeconds?: number; rows?: number };
  if (out.code !== 0) throw new Error(`${args.join(' ')} in ${cwd} exited ${out.code}`);
  return {
    seconds,
    maxRssKb: out.maxRssKb,
    ...(out.cpuSeconds === undefined ? {} : { cpuSeconds: out.cpuSeconds }),
    ...(out.rows === undefined ? {} : { rows: out.rows }),
  };
}

/** Peak memory per row: a run's peak above a bare Node process's (about 40 MB), over its rows. */
function bytesPerRow(maxRssKb: number, rows: number): number {
  return ((maxRssKb - 40 * 1024) * 1024) / rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function measure(script: string, args: string[], cwd: string, n: number): Sample {
  const samples = Array.from({ length: n }, () => once(script, args, cwd));
  return {
    seconds: median(samples.map((s) => s.seconds)),
    maxRssKb: Math.max(...samples.map((s) => s.maxRssKb)),
    ...(samples[0]!.rows === undefined ? {} : { rows: samples[0]!.rows }),
  };
}

const fmt = (s: number) => s.toFixed(2).padStart(7);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`.padStart(8);

process.stdout.write(`prf benchmark: median of ${runs} runs, Node ${process.version}\n\n`);
if (!tsmOnly && !siteOnly)
  process.stdout.write(
    `${'KPIs'.padStart(6)} ${'rows'.padStart(9)} | ${'floor s'.padStart(7)} ${'rows/s'.padStart(9)} | ${'validate'.padStart(8)} ${'status'.padStart(7)} ${'v+s / floor'.padStart(11)} ${'rows/s'.padStart(9)} | ${'report'.padStart(7)} | ${'peak validate'.padStart(13)} ${'peak status'.padStart(11)} ${'peak report'.padStart(11)} ${'bytes/row'.padStart(9)}\n`,
  );
// The issue's goals, checked against what this run measured and printed at the end.
const goals: Array<{ goal: string; measured: string; met: boolean }> = [];
// Per size: rows, the status run's peak memory, the floor's time and validate + status's.
const bySize: Array<{ rows: number; maxRssKb: number; floor: number; prf: number }> = [];

for (const kpis of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `prf-bench-${kpis}-`));
  try {
    writeWorkspace(dir, kpis);
    const n = kpis >= 10000 ? Math.max(1, Math.min(runs, 3)) : runs;
    const floor = measure(FLOOR, [dir], dir, n);
    const rows = floor.rows!;
    const validate = measure(CHILD, ['validate'], dir, n);
    const status = measure(CHILD, ['status', '2025-26-Q3', '--format', 'json'], dir, n);
    const report = measure(CHILD, ['report', '2025-26-Q3', '--draft', '--format', 'html,md', '--out', join(dir, 'reports')], dir, Math.min(n, 2));
    const vs = validate.seconds + status.seconds;
    const statusBytesPerRow = bytesPerRow(status.maxRssKb, rows);
    bySize.push({ rows, maxRssKb: status.maxRssKb, floor: floor.seconds, prf: vs });
    process.stdout.write(
      `${String(kpis).padStart(6)} ${String(rows).padStart(9)} | ${fmt(floor.seconds)} ${String(Math.round(rows / floor.seconds)).padStart(9)} | ${fmt(validate.seconds).padStart(8)} ${fmt(status.seconds)} ${`${(vs / floor.seconds).toFixed(2)}x`.padStart(11)} ${String(Math.round(rows / status.seconds)).padStart(9)} | ${fmt(report.seconds)} | ${mb(validate.maxRssKb).padStart(13)} ${mb(status.maxRssKb).padStart(11)} ${mb(report.maxRssKb).padStart(11)} ${statusBytesPerRow.toFixed(0).padStart(9)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Speed and memory per row are judged where rows dominate: at the largest size, and per added
// row between the two largest. A small workspace's time is mostly prf's fixed start-up (about
// 0.3 s a command, which the floor, reading only CSVs, does not pay; the start-up goals below
// cover it), and its peak memory is mostly Node itself. The table shows every size as measured.
const largest = bySize[bySize.length - 1];
const previous = bySize[bySize.length - 2];
if (largest) {
  const ratio = largest.prf / largest.floor;
  goals.push({ goal: `validate + status within 2x the floor at ${largest.rows} rows`, measured: `${ratio.toFixed(2)}x`, met: ratio <= 2 });
  const bytes = bytesPerRow(largest.maxRssKb, largest.rows);
  goals.push({ goal: `status under 300 bytes per row at ${largest.rows} rows`, measured: `${bytes.toFixed(0)} bytes`, met: bytes < 300 });
}
if (largest && previous) {
  const timePerRow = (largest.prf - previous.prf) / (largest.floor - previous.floor);
  goals.push({ goal: 'validate + status per added row, vs the floor', measured: `${timePerRow.toFixed(2)}x`, met: timePerRow <= 2 });
  const added = ((largest.maxRssKb - previous.maxRssKb) * 1024) / (largest.rows - previous.rows);
  goals.push({ goal: 'status peak memory per added row', measured: `${added.toFixed(0)} bytes`, met: added < 300 });
}

if (!tsmOnly && !siteOnly) timeDemo();
if (!siteOnly) timeTsm();
if (!tsmOnly) timeSite();

function timeDemo(): void {
  process.stdout.write('\nThe demo workspace (102 KPIs, 2,448 rows), whole process wall time:\n');
  const wall = (label: string, argv: string[]): number => {
    const times: number[] = [];
    for (let i = 0; i < Math.max(runs, 9); i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, argv, { cwd: REPO, encoding: 'utf8' });
      times.push((performance.now() - t) / 1000);
      if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
    }
    const m = median(times);
    process.stdout.write(`  ${label.padEnd(48)} ${m.toFixed(3)} s\n`);
    return m;
  };
  const demo = (args: string[]) => wall(`prf ${args.join(' ')}`, [BIN, ...args]);
  const out = mkdtempSync(join(tmpdir(), 'prf-bench-demo-'));
  try {
    wall('node -e 0 (Node alone, for comparison)', ['-e', '0']);
    const version = demo(['--version']);
    goals.push({ goal: 'prf --version under 150 ms', measured: `${(version * 1000).toFixed(0)} ms`, met: version < 0.15 });
    const validate = demo(['validate']);
    goals.push({ goal: 'prf validate on the demo under 400 ms', measured: `${(validate * 1000).toFixed(0)} ms`, met: validate < 0.4 });
    demo(['status', 'q3']);
    demo(['report', 'q3', '--out', out]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The TSM import on the regulator's two full releases (from the shared data folder beside the
 * repository; skipped, saying so, where it is absent): prf init --tsm, then prf benchmarks tsm on
 * both workbooks for a council, timed as a whole process. The first run writes 26 entries and two
 * outturn files; the repeats are dry runs, which do all the same reading, computing and checking.
 */
function timeTsm(): void {
  const shared = resolve(REPO, '../shared/data/rsh-tsm');
  const books = ['2024_TSM_Full_Data_v1.1_FINAL.xlsx', '2025_TSM_Full_Data_v1.0_FINAL.xlsx'].map((f) => join(shared, f));
  process.stdout.write('\nThe TSM import, both full releases (prf benchmarks tsm, whole process):\n');
  if (!books.every((b) => existsSync(b))) {
    process.stdout.write(`  skipped: the regulator's workbooks are not in ${shared}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'prf-bench-tsm-'));
  try {
    const init = spawnSync(process.execPath, [BIN, 'init', dir, '--tsm', '--yes'], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`prf init --tsm exited ${init.status}: ${init.stderr}`);
    const timed = (extra: string[]) => {
      const t = performance.now();
      const r = spawnSync(process.execPath, [BIN, 'benchmarks', 'tsm', ...books, '--landlord', '26UC', ...extra], { cwd: dir, encoding: 'utf8' });
      const seconds = (performance.now() - t) / 1000;
      if (r.status !== 0) throw new Error(`prf benchmarks tsm exited ${r.status}: ${r.stderr}`);
      return seconds;
    };
    const first = timed([]);
    const repeats = Array.from({ length: Math.max(runs, 5) }, () => timed(['--dry-run']));
    const m = median(repeats);
    process.stdout.write(`  ${'first run (writes 28 files)'.padEnd(48)} ${first.toFixed(3)} s\n`);
    process.stdout.write(`  ${`dry run, median of ${repeats.length}`.padEnd(48)} ${m.toFixed(3)} s\n`);
    goals.push({ goal: 'TSM import of both releases under 3 s (issue 17)', measured: `${first.toFixed(2)} s first, ${m.toFixed(2)} s median`, met: first < 3 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * prf site (issue 19) on the demo and on a seeded 1,000-KPI workspace, each in a throwaway git
 * repository with quarters published as a council would (prf report --manifest, committed), so
 * the site reads every published quarter back from git. Whole process wall time, and the CPU
 * time beside it: on a shared, busy machine the wall time includes waiting for a core.
 */
function timeSite(): void {
  process.stdout.write('\nThe public website (prf site, whole process, every published quarter read back from git):\n');
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  const publish = (dir: string, quarters: string[]) => {
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'workspace');
    for (const q of quarters) {
      const r = spawnSync(process.execPath, [BIN, 'report', q, '--format', 'html', '--manifest'], { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`prf report ${q} --manifest exited ${r.status}: ${r.stderr}`);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', `${q} papers`);
    }
  };
  const timeIn = (label: string, dir: string, n: number): { wall: number; cpu: number } => {
    const samples = Array.from({ length: n }, (_, i) => {
      const out = join(dir, `site-${i}`);
      const sample = once(CHILD, ['site', '--out', out], dir);
      rmSync(out, { recursive: true, force: true });
      return sample;
    });
    const m = { wall: median(samples.map((x) => x.seconds)), cpu: median(samples.map((x) => x.cpuSeconds ?? 0)) };
    process.stdout.write(
      `  ${label.padEnd(48)} ${m.wall.toFixed(3)} s wall, ${m.cpu.toFixed(2)} s CPU, peak ${mb(Math.max(...samples.map((x) => x.maxRssKb))).trim()}\n`,
    );
    return m;
  };
  const demo = mkdtempSync(join(tmpdir(), 'prf-bench-site-demo-'));
  const big = mkdtempSync(join(tmpdir(), 'prf-bench-site-1000-'));
  try {
    for (const entry of ['prf.yaml', 'kpis', 'data']) spawnSync('cp', ['-r', join(REPO, entry), demo]);
    publish(demo, ['2025-26-Q1', '2025-26-Q3']);
    const d = timeIn('prf site on the demo (Q1, Q3 published)', demo, Math.max(runs, 3));
    goals.push({ goal: 'prf site on the demo under 3 s (issue 19)', measured: `${d.wall.toFixed(2)} s`, met: d.wall < 3 });
    writeWorkspace(big, 1000);
    publish(big, ['2025-26-Q1', '2025-26-Q2', '2025-26-Q3']);
    const b = timeIn('prf site, 1,000 KPIs (Q1-Q3 published)', big, Math.min(runs, 2));
    goals.push({ goal: 'prf site, 1,000 KPIs and 3 quarters, under 20 s (issue 19)', measured: `${b.wall.toFixed(2)} s`, met: b.wall < 20 });
  } finally {
    rmSync(demo, { recursive: true, force: true });
    rmSync(big, { recursive: true, force: true });
  }
}

process.stdout.write('\nGoals (issues 6, 17 and 19), as measured in this run:\n');
for (const g of goals) process.stdout.write(`  ${g.met ? 'met    ' : 'NOT met'}  ${g.goal.padEnd(52)} ${g.measured}\n`);
