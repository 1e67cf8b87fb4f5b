/**
 * The three landlords of the acceptance check (a council under 15,000 homes, a larger council, a
 * housing association): prf benchmarks tsm on both releases, then prf status, prf improvement and
 * prf report for 2024-25, against figures worked out apart from prf (hand-checks.json says how),
 * for twelve measures each. Run on the committed extracts, and on the full releases when the
 * shared data folder is there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { CHECKED, EXTRACTS, FULL, HAND, HAVE_FULL, near, position, round1, tsmWorkspace, type HandChecks } from './tsm-helpers.js';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

interface Benchmark {
  year: string;
  group: string;
  upperQuartile: number;
  median: number;
  lowerQuartile: number;
  n: number;
  method: string;
  sha256: string;
  file: string;
}

function check(label: string, files: string[], data: { y24: HandChecks['full24']; y25: HandChecks['full24'] }) {
  describe(`${label}: three landlords checked by hand`, () => {
    for (const [landlord, group] of Object.entries(HAND.groups)) {
      it(`${landlord} in ${group}: benchmarks, own figures, status, improvement and report`, { timeout: 180_000 }, async () => {
        const dir = await tsmWorkspace(group, cleanups);
        const run = await runInProcess(['benchmarks', 'tsm', ...files, '--landlord', landlord], dir);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('quartiles by Excel QUARTILE.INC');

        const status = JSON.parse((await runInProcess(['status', '2024-25', '--format', 'json'], dir)).stdout) as {
          kpis: Array<{ id: string; value: number | null; benchmark: { quartile: number; group: string; year: string } | null }>;
        };
        const improvement = JSON.parse((await runInProcess(['improvement', '2024-25', '--format', 'json'], dir)).stdout) as {
          kpis: Array<{ id: string; current: number | null; previous: number | null; outcome: string }>;
        };
        let checked = 0;
        for (const [measure, polarity] of Object.entries(CHECKED)) {
          const id = `TSM-${measure}`;
          const entry = parse(readFileSync(join(dir, `kpis/${id}.yaml`), 'utf8')) as { benchmarks: Benchmark[] };
          for (const [year, d] of [
            ['2023-24', data.y24],
            ['2024-25', data.y25],
          ] as const) {
            const expected = d.groups[`${group} ${measure}`]!;
            const b = entry.benchmarks.find((x) => x.year === year && x.group === entry.benchmarks[0]!.group)!;
            expect(b, `${id} ${year}`).toBeDefined();
            expect(b.n, `${id} ${year} n`).toBe(expected.n);
            expect(b.method).toBe('QUARTILE.INC');
            expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);
            // The best quarter's boundary is the lowest figure where lower is better.
            const [best, worst] = polarity === 'lower' ? [expected.lower, expected.upper] : [expected.upper, expected.lower];
            expect(near(b.upperQuartile, best), `${id} ${year} upper ${b.upperQuartile} vs ${best}`).toBe(true);
            expect(near(b.median, expected.median), `${id} ${year} median ${b.median} vs ${expected.median}`).toBe(true);
            expect(near(b.lowerQuartile, worst), `${id} ${year} lower ${b.lowerQuartile} vs ${worst}`).toBe(true);
          }
          const own25 = data.y25.own[landlord]![measure] ?? null;
          const own24 = data.y24.own[landlord]![measure] ?? null;
          const k = status.kpis.find((x) => x.id === id)!;
          expect(k.value, `${id} 2024-25 outturn`).toBe(own25 === null ? null : round1(own25));
          const b25 = entry.benchmarks.find((x) => x.year === '2024-25')!;
          if (polarity === 'neutral' || own25 === null) expect(k.benchmark).toBeNull();
          else {
            expect(k.benchmark, id).toEqual({ quartile: position(round1(own25), b25, polarity), year: '2024-25', group: b25.group, n: b25.n });
          }
          const imp = improvement.kpis.find((x) => x.id === id)!;
          if (polarity === 'neutral' || own24 === null || own25 === null) expect(imp.outcome, id).toBe('notComparable');
          else {
            const [now, then] = [round1(own25), round1(own24)];
            const better = polarity === 'higher' ? now > then : now < then;
            expect(imp.outcome, `${id} ${then} -> ${now}`).toBe(now === then ? 'unchanged' : better ? 'improved' : 'declined');
          }
          checked++;
        }
        expect(checked).toBeGreaterThanOrEqual(10);

        // The paper: drafted (the figures await the data reviewer's sign-off), with each benchmark and its n.
        // A year's committee papers need --papers (a year alone gives the annual review).
        const report = await runInProcess(['report', '2024-25', '--papers', '--draft', '--format', 'md', '--out', 'out'], dir);
        expect(report.code, report.stderr).toBe(0);
        const md = readdirSync(join(dir, 'out'))
          .filter((f) => f.endsWith('.md'))
          .map((f) => readFileSync(join(dir, 'out', f), 'utf8'))
          .join('\n');
        const tp01 = parse(readFileSync(join(dir, 'kpis/TSM-TP01.yaml'), 'utf8')) as { benchmarks: Benchmark[] };
        const b = tp01.benchmarks.find((x) => x.year === '2024-25')!;
        const tp01Now = status.kpis.find((x) => x.id === 'TSM-TP01')!.benchmark!;
        expect(md).toContain(`| TSM-TP01 | Overall satisfaction | ${round1(data.y25.own[landlord]!.TP01!).toFixed(1)}% |`);
        // The dashboard gives the quartile; the key names the peer group it is read against, with its n.
        expect(md).toMatch(new RegExp(`^\\| TSM-TP01 \\| Overall satisfaction \\|.*\\| ${tp01Now.quartile} \\| [A-Za-z]+ \\|$`, 'm'));
        expect(md).toContain(`${b.group} (n=${b.n}, 2024-25)`);
      });
    }
  });
}

check('the committed extracts', EXTRACTS, { y24: HAND.fix24, y25: HAND.fix25 });

if (HAVE_FULL) check('the full releases', FULL, { y24: HAND.full24, y25: HAND.full25 });
else
  describe.skip('the full releases (skipped: ../shared/data/rsh-tsm is not here; the extracts above run instead)', () => {
    it('checks three landlords on the full releases', () => undefined);
  });
