import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runInProcess } from '../helpers/run.js';

export const FIXTURES = join(REPO, 'test/benchmarks/fixtures');
export const EXTRACTS = [join(FIXTURES, 'rsh-tsm/2024_TSM_extract.xlsx'), join(FIXTURES, 'rsh-tsm/2025_TSM_extract.xlsx')];
// The full releases, from the shared data folder beside the repository (absent on some machines).
const SHARED = join(REPO, '../shared/data/rsh-tsm');
export const FULL = [join(SHARED, '2024_TSM_Full_Data_v1.1_FINAL.xlsx'), join(SHARED, '2025_TSM_Full_Data_v1.0_FINAL.xlsx')];
export const HAVE_FULL = FULL.every((f) => existsSync(f));

export interface Expected {
  n: number;
  members: number;
  lower: number;
  median: number;
  upper: number;
}
export interface HandChecks {
  groups: Record<string, string>;
  full24: { groups: Record<string, Expected>; own: Record<string, Record<string, number | null>> };
  full25: HandChecks['full24'];
  fix24: HandChecks['full24'];
  fix25: HandChecks['full24'];
}
export const HAND: HandChecks = JSON.parse(readFileSync(join(FIXTURES, 'hand-checks.json'), 'utf8'));

/** The measures checked by hand, with the polarity a TSM workspace gives them. */
export const CHECKED: Record<string, 'higher' | 'lower' | 'neutral'> = {
  TP01: 'higher',
  TP02: 'higher',
  TP04: 'higher',
  TP06: 'higher',
  TP09: 'higher',
  TP12: 'higher',
  RP01: 'lower',
  'RP02-1': 'higher',
  BS01: 'higher',
  'CH01-1': 'neutral',
  'CH02-1': 'higher',
  'NM01-1': 'neutral',
};

export const PEER_GROUPS: Record<string, string> = {
  'la-under-15000': '      - id: la-under-15000\n        name: Councils under 15,000 homes\n        type: LA\n        homes: { under: 15000 }\n',
  'la-15000-plus': '      - id: la-15000-plus\n        name: Councils with 15,000 homes or more\n        type: LA\n        homes: { atLeast: 15000 }\n',
  prp: '      - id: prp\n        name: Housing associations\n        type: PRP\n',
};

/** A new TSM workspace (prf init --tsm) whose first peer group is `first`. */
export async function tsmWorkspace(first: string, cleanups: Array<() => void>): Promise<string> {
  const parent = mkdtempSync(join(tmpdir(), 'prf-tsm-'));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  const dir = join(parent, 'ws');
  const r = await runInProcess(['init', dir, '--tsm', '--yes', '--organisation', 'Test Landlord'], parent);
  if (r.code !== 0) throw new Error(r.stderr);
  const config = join(dir, 'prf.yaml');
  const others = Object.entries(PEER_GROUPS)
    .filter(([id]) => id !== first)
    .map(([, y]) => y)
    .join('');
  writeFileSync(config, readFileSync(config, 'utf8').replace('    peerGroups:\n', `    peerGroups:\n${PEER_GROUPS[first]}${others}`));
  return dir;
}

/** The position of a figure among quartiles, 1 = best, as a reader of the paper would place it. */
export function position(value: number, b: { upperQuartile: number; median: number; lowerQuartile: number }, polarity: 'higher' | 'lower'): number {
  const s = polarity === 'higher' ? 1 : -1;
  const v = value * s;
  return v >= b.upperQuartile * s ? 1 : v >= b.median * s ? 2 : v >= b.lowerQuartile * s ? 3 : 4;
}

export const near = (a: number, b: number) => Math.abs(a - b) <= 0.05 + 1e-9;
export const round1 = (x: number) => Math.round(x * 10 + 1e-9) / 10;
