/**
 * What `prf benchmarks tsm` would do with a set of TSM releases, decided before anything is
 * written: pure. For each dictionary entry whose regulatorCode names a TSM figure, each release
 * and each peer group, the group's quartiles as a benchmark; and the landlord's own figure for
 * the release's year as an annual outturn (for an annual entry) or a line saying why not.
 */
import type { Benchmark, Measure } from '../model/kpi.js';
import type { Config, PeerGroup, QuartileMethod } from '../model/config.js';
import type { Observation } from '../model/workspace.js';
import { parsePeriod } from '../model/periods.js';
import { measureOfRegulatorCode, type TsmMeasure, type TsmTenure } from '../model/tsm-measures.js';
import { benchmarkOf, groupQuartiles, ownFigure, type GroupQuartiles, type OwnFigure, type ReleaseSource } from './tsm-benchmarks.js';
import { benchmarkQuartile, type BenchmarkPosition } from './benchmark.js';
import { roundTo } from './figures.js';
import type { TsmLandlord, TsmRelease } from './tsm-workbook.js';

export interface SourcedRelease {
  release: TsmRelease;
  source: ReleaseSource;
  /** The workbook's path as shown and as written into outturn origins. */
  path: string;
}

export interface KpiLine {
  kpi: Measure;
  measure: TsmMeasure;
  own: OwnFigure;
  /** What is recorded as the outturn, after rounding; undefined where nothing is. */
  outturn?: Observation;
  /** Why the own figure is not recorded, where it is not (a monthly entry, a code). */
  skipped?: string;
  groups: Array<{ quartiles: GroupQuartiles; benchmark: Benchmark | null; position: BenchmarkPosition | null }>;
}

export interface ReleasePlan {
  sourced: SourcedRelease;
  landlord: TsmLandlord;
  lines: KpiLine[];
}

export interface TsmPlan {
  releases: ReleasePlan[];
  benchmarks: Map<string, Benchmark[]>;
  observations: Observation[];
}

/** The dictionary entries that carry a TSM regulatorCode, with their measure, sorted by id. */
export function tsmEntries(kpis: readonly { kind: string; id: string }[]): Array<{ kpi: Measure; measure: TsmMeasure }> {
  const out: Array<{ kpi: Measure; measure: TsmMeasure }> = [];
  for (const k of kpis) {
    if (k.kind !== 'measure') continue;
    const kpi = k as Measure;
    const measure = measureOfRegulatorCode(kpi.regulatorCode);
    if (measure) out.push({ kpi, measure });
  }
  return out.sort((a, b) => (a.kpi.id < b.kpi.id ? -1 : 1));
}

export function planTsm(
  releases: readonly SourcedRelease[],
  kpis: readonly { kind: string; id: string }[],
  options: { landlord: string; tenure: TsmTenure; groups: readonly PeerGroup[]; method: QuartileMethod; config: Pick<Config, 'financialYearStartMonth'> },
): TsmPlan {
  const entries = tsmEntries(kpis);
  const plan: TsmPlan = { releases: [], benchmarks: new Map(), observations: [] };
  for (const sourced of [...releases].sort((a, b) => (a.release.year < b.release.year ? -1 : 1))) {
    const { release, source } = sourced;
    const landlord = release.landlords.get(options.landlord)!;
    const period = parsePeriod(release.year);
    const fy = Number(release.year.slice(0, 4));
    const lines: KpiLine[] = [];
    for (const { kpi, measure } of entries) {
      const groups = options.groups.map((g) => {
        const quartiles = groupQuartiles(release, measure, g, options.method);
        const benchmark = benchmarkOf(quartiles, release.year, kpi, options.method, source);
        return { quartiles, benchmark, position: null as BenchmarkPosition | null };
      });
      const list = plan.benchmarks.get(kpi.id) ?? [];
      for (const g of groups) if (g.benchmark) list.push(g.benchmark);
      plan.benchmarks.set(kpi.id, list);

      const own = ownFigure(release, measure, options.landlord, options.tenure);
      const line: KpiLine = { kpi, measure, own, groups };
      const value = own.value === null ? null : roundTo(own.value, kpi.decimals);
      for (const g of groups) if (g.benchmark) g.position = benchmarkQuartile(value, { ...kpi, benchmarks: [g.benchmark] }, fy);
      if (!own.imported) line.skipped = own.note ?? 'no figure';
      else if (kpi.frequency !== 'annual')
        line.skipped = `${kpi.id} is collected ${kpi.frequency}: the regulator's annual figure is not recorded as one of its outturns`;
      else if (period.ok) {
        const where = own.figure ? `${source.file}, ${own.figure.sheet} row ${own.figure.row}` : source.file;
        line.outturn = {
          kpi: kpi.id,
          period: period.value,
          periodName: release.year,
          value,
          numerator: null,
          denominator: null,
          reviewedBy: null,
          note: own.note === null ? `from ${source.release} (${where})` : `${own.note} (${where})`,
          origin: { file: sourced.path, line: own.figure?.row ?? 1 },
        };
        plan.observations.push(line.outturn);
      }
      lines.push(line);
    }
    plan.releases.push({ sourced, landlord, lines });
  }
  return plan;
}
