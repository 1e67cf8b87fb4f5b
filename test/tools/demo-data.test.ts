import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yearToDateOutturn } from '../../src/core/rollup.js';
import { directionOfTravel } from '../../src/core/trend.js';
import type { Measure } from '../../src/model/kpi.js';
import { DEMO_SEED, generateDemoData, statusesFor, type GeneratedFile } from '../../src/tools/demo-data/generate.js';
import {
  AWAITING_SIGN_OFF,
  AWAITING_SIGN_OFF_PERIOD,
  MISSING_RETURN,
  RED_WITHOUT_COMMENTARY,
  RED_WITHOUT_COMMENTARY_QUARTER,
} from '../../src/tools/demo-data/plan.js';
import { loadWorkspace, type LoadResult } from '../../src/rules/load-workspace.js';
import type { Workspace } from '../../src/model/workspace.js';
import { readWorkspaceSources } from '../../src/load/read-sources.js';

const ROOT = resolve(import.meta.dirname, '../..');

let committed: LoadResult;
let workspace: Workspace;
let files: GeneratedFile[];

beforeAll(() => {
  committed = loadWorkspace(readWorkspaceSources(ROOT));
  workspace = committed.workspace!;
  files = generateDemoData(workspace.kpis, workspace.config, DEMO_SEED);
});

describe('demo data generator', () => {
  it('gives byte-identical output for the same seed', () => {
    expect(generateDemoData(workspace.kpis, workspace.config, DEMO_SEED)).toEqual(files);
  });

  it('reproduces the committed files in data/ (run npm run demo-data after changing the generator or the dictionary)', () => {
    for (const f of files) expect(readFileSync(join(ROOT, f.path), 'utf8'), f.path).toBe(f.text);
  });

  it('loads with no errors and no warnings', () => {
    expect(committed.diagnostics).toEqual([]);
  });

  it('tells the planned story at 2025-26 Q3', () => {
    const measures = workspace.kpis.filter((k): k is Measure => k.kind === 'measure');
    const statuses = statusesFor(measures, workspace.observations, { kind: 'quarter', fy: 2025, quarter: 3 }, workspace.config);
    const ids = (status: string) => statuses.filter((s) => s.status === status).map((s) => s.kpi);
    const red = ids('red');
    const amber = ids('amber');
    expect(red.length).toBeGreaterThanOrEqual(8);
    expect(red.length).toBeLessThanOrEqual(12);
    expect(amber.length).toBeGreaterThanOrEqual(6);
    expect(amber.length).toBeLessThanOrEqual(10);
    for (const committee of workspace.config.committees)
      expect(
        red.some((k) => k.committee === committee.id),
        committee.id,
      ).toBe(true);
    expect(ids('missing')).toEqual([]);
  });

  it('holds every gap in 2025-26 Q2: a missing return, figures awaiting sign-off, a red without commentary', () => {
    const measures = workspace.kpis.filter((k): k is Measure => k.kind === 'measure');
    const statuses = statusesFor(measures, workspace.observations, { kind: 'quarter', fy: 2025, quarter: 2 }, workspace.config);
    expect(statuses.filter((s) => s.status === 'missing').map((s) => s.kpi.id)).toEqual([MISSING_RETURN.kpi]);
    const unsigned = workspace.observations.filter((o) => !o.reviewedBy).map((o) => `${o.kpi} ${o.periodName}`);
    expect(unsigned).toEqual(AWAITING_SIGN_OFF.map((id) => `${id} ${AWAITING_SIGN_OFF_PERIOD}`));
  });

  it.each([1, 2, 3] as const)('writes commentary for every red measure at 2025-26 Q%i, but one at Q2', (quarter) => {
    const measures = workspace.kpis.filter((k): k is Measure => k.kind === 'measure');
    const statuses = statusesFor(measures, workspace.observations, { kind: 'quarter', fy: 2025, quarter }, workspace.config);
    const commentary = workspace.commentary.get(`2025-26-Q${quarter}`)!.commentary;
    const uncommented = statuses.filter((s) => s.status === 'red' && !commentary.kpis[s.kpi.id]).map((s) => s.kpi.id);
    expect(uncommented).toEqual(quarter === RED_WITHOUT_COMMENTARY_QUARTER ? [RED_WITHOUT_COMMENTARY] : []);
    expect(commentary.achievements.length).toBeGreaterThanOrEqual(2);
    expect(commentary.forwardLook.length).toBeGreaterThanOrEqual(2);
  });

  it('puts the 70% check just short of the threshold through 2025-26 Q3', () => {
    const outcomes = { improving: 0, declining: 0, unchanged: 0 };
    for (const k of workspace.kpis) {
      if (k.kind !== 'measure' || k.level === 'tracker') continue;
      const obs = workspace.observations.filter((o) => o.kpi === k.id);
      const current = yearToDateOutturn(k, obs, { kind: 'quarter', fy: 2025, quarter: 3 }, 4).value;
      const previous = yearToDateOutturn(k, obs, { kind: 'quarter', fy: 2024, quarter: 3 }, 4).value;
      const d = directionOfTravel(current, previous, k);
      if (d) outcomes[d]++;
    }
    const share = outcomes.improving / (outcomes.improving + outcomes.declining + outcomes.unchanged);
    expect(share).toBeGreaterThanOrEqual(0.6);
    expect(share).toBeLessThan(0.7);
  });
});
