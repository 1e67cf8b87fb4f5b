/**
 * Back-tests the year-end forecast (core/forecast.ts) on the workspace found from the current
 * folder: for every measure and every past financial year with a reported year-end outturn, the
 * forecast made at Q1, Q2 and Q3 is set against the actual year end. Prints how many actual
 * outturns fell inside the stated 80% range, and how well the probability of meeting the target
 * did (Brier score: 0 is perfect, 0.25 is a coin toss). Run with `npm run forecast-check`.
 * A report for people, not a test: nothing is asserted.
 */
import { forecastYearEnd } from '../core/forecast.js';
import { observationsOf } from '../core/observations.js';
import { outturnFor } from '../core/rollup.js';
import { compareToTarget } from '../core/ragg.js';
import { fyName, fyOf } from '../model/periods.js';
import { roundTo } from '../core/figures.js';
import type { Measure } from '../model/kpi.js';
import { loadWorkspace } from '../rules/load-workspace.js';
import { findWorkspaceRoot, readWorkspaceSources } from '../load/read-sources.js';

interface Tally {
  made: number;
  inside: number;
  withTarget: number;
  brier: number;
  called: number;
  absoluteError: number[];
}

const empty = (): Tally => ({ made: 0, inside: 0, withTarget: 0, brier: 0, called: 0, absoluteError: [] });
const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(0)}%`);
const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function main(): number {
  const root = findWorkspaceRoot(process.cwd());
  if (!root) {
    process.stderr.write('forecast-check: no prf.yaml here or in any folder above: run this inside a workspace\n');
    return 2;
  }
  const { workspace } = loadWorkspace(readWorkspaceSources(root));
  if (!workspace) {
    process.stderr.write('forecast-check: prf.yaml cannot be read: run prf validate\n');
    return 1;
  }
  const startMonth = workspace.config.financialYearStartMonth;
  const years = [...new Set(workspace.observations.map((o) => fyOf(o.period, startMonth)))].sort();
  const byQuarter = new Map<number, Tally>([1, 2, 3].map((q) => [q, empty()]));
  const measures = workspace.kpis.filter((k): k is Measure => k.kind === 'measure');
  for (const kpi of measures) {
    const observations = observationsOf(workspace, kpi.id);
    for (const fy of years) {
      const reported = outturnFor(kpi, observations, { kind: 'year', fy }, startMonth).value;
      if (reported === null) continue;
      // As printed, like the forecast and its range.
      const actual = { value: roundTo(reported, kpi.decimals) };
      for (const quarter of [1, 2, 3] as const) {
        const { forecast } = forecastYearEnd(kpi, observations, { kind: 'quarter', fy, quarter }, workspace);
        if (!forecast) continue;
        const t = byQuarter.get(quarter)!;
        t.made++;
        if (actual.value >= forecast.low && actual.value <= forecast.high) t.inside++;
        if (actual.value !== 0) t.absoluteError.push(Math.abs(forecast.outturn - actual.value) / Math.abs(actual.value));
        if (forecast.probabilityOfMeetingTarget !== null && forecast.target !== null) {
          const met = compareToTarget(actual.value, forecast.target, kpi, { band: 0, bandType: 'absolute' }).status === 'green' ? 1 : 0;
          t.withTarget++;
          t.brier += (forecast.probabilityOfMeetingTarget - met) ** 2;
          if ((forecast.probabilityOfMeetingTarget >= 0.5 ? 1 : 0) === met) t.called++;
        }
      }
    }
  }
  const lines = [
    `Year-end forecast back-test: ${measures.length} measures, years ${years.map(fyName).join(', ')} (a forecast needs the year's actual outturn to be checked)`,
    '',
    'made at | forecasts | actual inside the 80% range | median error | with a target | Brier score | met/missed called right',
    '--------|-----------|-----------------------------|--------------|---------------|-------------|-------------------------',
  ];
  const total = empty();
  for (const [quarter, t] of byQuarter) {
    lines.push(
      `Q${quarter}      | ${String(t.made).padStart(9)} | ${`${t.inside} (${pct(t.inside, t.made)})`.padStart(27)} | ${`${(100 * median(t.absoluteError)).toFixed(1)}%`.padStart(12)} | ${String(t.withTarget).padStart(13)} | ${(t.withTarget ? t.brier / t.withTarget : NaN).toFixed(3).padStart(11)} | ${pct(t.called, t.withTarget).padStart(23)}`,
    );
    total.made += t.made;
    total.inside += t.inside;
    total.withTarget += t.withTarget;
    total.brier += t.brier;
    total.called += t.called;
  }
  lines.push(
    '',
    `All: ${total.inside} of ${total.made} actual year ends inside the stated 80% range (${pct(total.inside, total.made)}); Brier score ${(total.brier / total.withTarget).toFixed(3)} over ${total.withTarget} forecasts with a target.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
