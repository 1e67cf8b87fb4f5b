/**
 * Seeded synthetic workspaces for the benchmark: `kpis` monthly measures with ten financial years
 * of outturns (2016-17 to 2025-26, 120 rows each). Pure: the same size and seed give the same
 * files. The mix of units and roll-ups is the demo's (ratios with numerators and denominators,
 * summed counts, averaged days) so every code path of validate and status is exercised.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { fyName, nthMonthOfFy } from '../../model/periods.js';

export const FIRST_FY = 2016;
export const YEARS = 10;
const COMMITTEES = ['housing-osc', 'finance-osc', 'environment-osc'];

export interface BenchFile {
  path: string;
  text: string;
}

const CONFIG = `organisation: Benchmark Council
committees:
${COMMITTEES.map((c) => `  - id: ${c}\n    name: ${c} committee`).join('\n')}
priorities:
  - id: homes
    name: Good homes
    aims:
      - id: repairs
        name: Repair homes well
`;

type Shape = { unit: string; aggregation: string; decimals: number; polarity: string; target: number; level: number };
const SHAPES: Shape[] = [
  { unit: 'percentage', aggregation: 'ratio', decimals: 1, polarity: 'higher', target: 90, level: 90 },
  { unit: 'number', aggregation: 'sum', decimals: 0, polarity: 'higher', target: 100, level: 100 },
  { unit: 'days', aggregation: 'mean', decimals: 2, polarity: 'lower', target: 20, level: 20 },
];

function kpiYaml(id: string, committee: string, s: Shape): string {
  return `id: ${id}
name: Benchmark measure ${id}
service: Service ${id.slice(-1)}
committee: ${committee}
priority: homes
aim: repairs
level: kpi
kind: measure
definition: A synthetic measure for the benchmark.
purpose: Timing prf on a large dictionary.
formula: numerator / denominator
inclusions: [All cases]
exclusions: [None]
workedExample: 9 of 10 = 90.0%
unit: ${s.unit}
decimals: ${s.decimals}
polarity: ${s.polarity}
frequency: monthly
aggregation: ${s.aggregation}
cumulative: false
source:
  system: Case system
  systemChanges: none known
  manualAmendments: none
  reconciliation: monthly
roles:
  owner: Head of Service
  collector: Analyst
  reviewer: Manager
  headOfService: Assistant Director
  strategicLead: Director
dataQuality:
  confidence: green
reportingLagDays: 8
target:
  type: single
  value: ${s.target}
baseline:
  value: ${s.level}
  period: 2015-16
benchmarks: []
`;
}

export function benchWorkspace(kpis: number, seed = 1): BenchFile[] {
  const rng = xoroshiro128plus(seed);
  const u = () => uniformFloat64(rng);
  const files: BenchFile[] = [{ path: 'prf.yaml', text: CONFIG }];
  const ids = Array.from({ length: kpis }, (_, i) => `BM-${String(i + 1).padStart(5, '0')}`);
  const rows: string[][] = Array.from({ length: YEARS }, () => []);
  ids.forEach((id, i) => {
    const shape = SHAPES[i % SHAPES.length]!;
    files.push({ path: `kpis/${COMMITTEES[i % COMMITTEES.length]}/${id}.yaml`, text: kpiYaml(id, COMMITTEES[i % COMMITTEES.length]!, shape) });
    for (let y = 0; y < YEARS; y++) {
      for (let m = 0; m < 12; m++) {
        const { year, month } = nthMonthOfFy(FIRST_FY + y, m, 4);
        const period = `${year}-${String(month).padStart(2, '0')}`;
        const wobble = (u() - 0.5) * 0.1;
        if (shape.aggregation === 'ratio') {
          const den = 200 + Math.floor(u() * 800);
          const num = Math.min(den, Math.round(den * (shape.level / 100 + wobble)));
          rows[y]!.push(`${id},${period},${((num / den) * 100).toFixed(1)},${num},${den},Manager,`);
        } else {
          rows[y]!.push(`${id},${period},${(shape.level * (1 + wobble)).toFixed(shape.decimals)},,,Manager,`);
        }
      }
    }
  });
  rows.forEach((r, y) =>
    files.push({ path: `data/outturns/${fyName(FIRST_FY + y)}.csv`, text: `kpi,period,value,numerator,denominator,reviewed_by,note\n${r.join('\n')}\n` }),
  );
  return files;
}
