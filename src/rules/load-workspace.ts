import { formatPeriod, parsePeriod } from '../model/periods.js';
import { compareDiagnostics, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { commentarySchema } from '../model/commentary.js';
import { configSchema, type Config } from '../model/config.js';
import { kpiSchema, type Kpi } from '../model/kpi.js';
import type { CommentaryFile, Observation, Origin, Workspace } from '../model/workspace.js';
import { commentaryRules } from './commentary-rules.js';
import { configRules } from './config-rules.js';
import { decodeText, type SourceFile } from '../load/decode.js';
import type { WorkspaceSources } from '../load/sources.js';
import { kpiIdOfPath, kpiRules } from './kpi-rules.js';
import { latestFigureRules, processChangeRules } from './figure-rules.js';
import { slipDiagnostics } from './slip-rules.js';
import { observationsOf } from '../core/observations.js';
import { readOutturnCsv } from '../load/outturn-csv.js';
import { foldUnknownIds } from './renamed-ids.js';
import { parseYamlFile } from '../load/parse-yaml-file.js';
import { locate, type YamlSource } from '../load/yaml-source.js';
import { byId, byPath, byText, compareText } from '../text/compare.js';

export interface LoadResult {
  /** null when prf.yaml itself is unusable, since nothing else can be interpreted without it. */
  workspace: Workspace | null;
  diagnostics: Diagnostic[];
}

/**
 * Interprets a workspace's files: the pure heart of `prf validate` and of every command that
 * reads the workspace. Files are taken in path order so results never depend on the order the
 * filesystem lists them.
 */
export function loadWorkspace(sources: WorkspaceSources): LoadResult {
  const diagnostics: Diagnostic[] = [...sources.readProblems];

  // prf.yaml that could not be read (a folder, no permission) is reported once, not also as empty.
  const configUnread = sources.readProblems.some((d) => d.file === sources.config.path);
  const configResult = configUnread ? { data: null, source: null, diagnostics: [] } : parseYamlFile(sources.config, configSchema, 'prf.yaml');
  diagnostics.push(...configResult.diagnostics);
  const config: Config | null = configResult.data;
  if (config && configResult.source) diagnostics.push(...configRules(config, configResult.source));

  const kpis = new Map<string, Kpi>();
  const kpiOrigins = new Map<string, Origin>();
  const kpiSources = new Map<string, YamlSource>();
  // Ids of KPI files that exist but are invalid: their errors are reported in their own file,
  // not again as "unknown KPI" on every outturn row and commentary entry that names them.
  const brokenKpis = new Set<string>();
  // With the dictionary folder unusable every id would look unknown: report the path once and
  // leave ids unchecked rather than flag every row and commentary entry.
  const dictionaryUnreadable = diagnostics.some((d) => d.code === 'workspace-path' && d.path?.[1] === 'kpis');
  const reportedElsewhere = (id: string) => dictionaryUnreadable || brokenKpis.has(id);
  for (const file of [...sources.kpis].sort(byPath)) {
    const { data, source, diagnostics: d } = parseYamlFile(file, kpiSchema, 'the KPI entry');
    diagnostics.push(...d);
    if (!data || !source) {
      brokenKpis.add(kpiIdOfPath(file.path));
      const id = (source?.value as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') brokenKpis.add(id);
      continue;
    }
    const first = kpiOrigins.get(data.id);
    if (first) {
      diagnostics.push(
        diagnostic(
          file.path,
          locate(source, ['id']),
          'error',
          'kpi-duplicate-id',
          `${data.id} is already defined in ${first.file}: each KPI needs its own id`,
          ['id'],
        ),
      );
      continue;
    }
    const problems = kpiRules(data, source, config);
    diagnostics.push(...problems);
    kpis.set(data.id, data);
    kpiSources.set(data.id, source);
    // The whole file is the origin; looking up a line would cost a second, position-tracking parse.
    kpiOrigins.set(data.id, { file: file.path, line: 1 });
  }

  // Rows are gathered per KPI and sorted there (a stable sort, so the first of two rows for one
  // period stays first), which finds duplicates as neighbours within a KPI's few hundred rows
  // rather than through an index of a million.
  const byKpi = new Map<string, Observation[]>();
  for (const file of [...sources.outturns].sort(byPath)) {
    const decoded = decodeOrReport(file, diagnostics);
    if (decoded === null) continue;
    const result = readOutturnCsv(file.path, decoded, kpis, reportedElsewhere);
    diagnostics.push(...result.diagnostics);
    for (const o of result.observations) {
      const rows = byKpi.get(o.kpi);
      if (rows) rows.push(o);
      else byKpi.set(o.kpi, [o]);
    }
  }
  const observations: Observation[] = [];
  for (const id of [...byKpi.keys()].sort(compareText)) {
    const rows = byKpi.get(id)!.sort(byText((o) => o.periodName));
    let kept: Observation | undefined;
    for (const o of rows) {
      if (kept && kept.periodName === o.periodName) {
        diagnostics.push(
          diagnostic(
            o.origin.file,
            { line: o.origin.line, column: 1 },
            'error',
            'csv-duplicate-row',
            `${o.kpi} ${o.periodName} is already given at ${kept.origin.file}:${kept.origin.line}: keep one row per KPI and period (to restate a figure, change it in place so git keeps the history)`,
          ),
        );
        continue;
      }
      kept = o;
      observations.push(o);
    }
  }
  for (const id of byKpi.keys()) {
    const kpi = kpis.get(id);
    if (kpi?.kind === 'measure') diagnostics.push(...slipDiagnostics(kpi, observationsOf({ observations }, id)));
  }

  // Rules that need a measure's every row: its process changes inside its series, and its latest figure plausible.
  if (config) {
    const rowsOf = new Map<string, Observation[]>();
    for (const o of observations) {
      const rows = rowsOf.get(o.kpi);
      if (rows) rows.push(o);
      else rowsOf.set(o.kpi, [o]);
    }
    for (const kpi of kpis.values()) {
      if (kpi.kind !== 'measure') continue;
      const rows = rowsOf.get(kpi.id) ?? [];
      diagnostics.push(...processChangeRules(kpi, kpiSources.get(kpi.id)!, rows, config.financialYearStartMonth), ...latestFigureRules(kpi, rows, config));
    }
  }

  const commentary = new Map<string, CommentaryFile>();
  for (const file of [...sources.commentary].sort(byPath)) {
    const { data, source, diagnostics: d } = parseYamlFile(file, commentarySchema, 'the commentary file');
    diagnostics.push(...d);
    if (!data || !source) continue;
    diagnostics.push(...commentaryRules(data, source, kpis, reportedElsewhere, config?.committees.map((c) => c.id) ?? null));
    const parsed = parsePeriod(data.period);
    if (!parsed.ok) continue;
    const name = formatPeriod(parsed.value);
    const prior = commentary.get(name);
    if (prior) {
      diagnostics.push(
        diagnostic(
          file.path,
          locate(source, ['period']),
          'error',
          'commentary-duplicate-period',
          `commentary for ${name} is already in ${prior.origin.file}: keep one file per period`,
          ['period'],
        ),
      );
      continue;
    }
    commentary.set(name, { commentary: data, period: parsed.value, origin: { file: file.path, line: 1 } });
  }

  const folded = foldUnknownIds(diagnostics, kpis);
  diagnostics.length = 0;
  diagnostics.push(...folded);
  diagnostics.sort(compareDiagnostics);
  if (!config) return { workspace: null, diagnostics };
  const sortedKpis = [...kpis.values()].sort(byId);
  return { workspace: { config, kpis: sortedKpis, kpiOrigins, observations, commentary }, diagnostics };
}

function decodeOrReport(file: SourceFile, diagnostics: Diagnostic[]): string | null {
  const { text, diagnostics: d } = decodeText(file);
  diagnostics.push(...d);
  return text;
}
