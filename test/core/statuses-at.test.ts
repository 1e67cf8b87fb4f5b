import { describe, expect, it } from 'vitest';
import { formatPeriod, type Period } from '../../src/model/periods.js';
import { computeStatus, statusesAt } from '../../src/core/status.js';
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import { readWorkspaceSources } from '../../src/load/read-sources.js';
import { REPO } from '../helpers/run.js';

// The papers compare this quarter with the last through statusesAt, which skips the trends,
// series and SPC: it must give exactly the statuses the full status report gives.
describe('statusesAt', () => {
  const workspace = loadWorkspace(readWorkspaceSources(REPO)).workspace!;
  const periods: Period[] = [];
  for (let fy = 2022; fy <= 2025; fy++) {
    for (const quarter of [1, 2, 3, 4] as const) periods.push({ kind: 'quarter', fy, quarter });
    periods.push({ kind: 'month', year: fy, month: 11 }, { kind: 'half', fy, half: 1 }, { kind: 'year', fy });
  }

  it.each(periods.map((p) => [formatPeriod(p), p] as const))('gives the demo statuses computeStatus gives for %s', (_name, period) => {
    const full = computeStatus(workspace, period);
    expect(statusesAt(workspace, period)).toEqual({ period: full.period, kpis: full.kpis.map((k) => ({ id: k.id, status: k.status })) });
  });
});
