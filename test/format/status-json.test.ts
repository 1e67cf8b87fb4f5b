import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/model/periods.js';
import { computeStatus } from '../../src/core/status.js';
import { statusJsonChunks } from '../../src/render/status-table.js';
import { kpiStatusJson, statusSummaryJson } from '../../src/render/status-json.js';
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import { readWorkspaceSources } from '../../src/load/read-sources.js';
import { REPO } from '../helpers/run.js';

describe('status JSON written in pieces', () => {
  const workspace = loadWorkspace(readWorkspaceSources(REPO)).workspace!;
  it.each(['2025-26-Q3', '2025-26-Q2', '2023-24'])('is exactly JSON.stringify(report, null, 2) for %s', (name) => {
    const p = parsePeriod(name);
    if (!p.ok) throw new Error(p.message);
    const report = computeStatus(workspace, p.value);
    const whole = `${JSON.stringify({ ...report, kpis: report.kpis.map(({ commentary: _, ...k }) => k) }, null, 2)}\n`;
    expect([...statusJsonChunks(report)].join('')).toBe(whole);
  });
  it('handles a report with no KPIs', () => {
    const empty = { period: '2025-26-Q3', kpis: [], summary: { red: 0, amber: 0, green: 0, grey: 0, missing: 0, na: 0, onTarget: 0, offTarget: 0 } };
    expect([...statusJsonChunks(empty)].join('')).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});

describe('the status JSON contract (DOMAIN.md), written by one function', () => {
  const workspace = loadWorkspace(readWorkspaceSources(REPO)).workspace!;
  const p = parsePeriod('2025-26-Q3');
  if (!p.ok) throw new Error(p.message);
  const report = computeStatus(workspace, p.value);

  it('puts the contract fields first, in order, on every KPI, and leaves the commentary out', () => {
    for (const k of report.kpis) {
      const json = kpiStatusJson(k);
      expect(Object.keys(json).slice(0, 8)).toEqual(['id', 'name', 'committee', 'value', 'target', 'status', 'onTarget', 'trend']);
      expect(Object.keys(json.trend as object)).toEqual(['previous', 'lastYear']);
      expect(['red', 'amber', 'green', 'grey', 'missing', 'na']).toContain(json.status);
      expect(json).not.toHaveProperty('commentary');
    }
  });

  it('gives the summary the contract counts, na among them', () => {
    expect(Object.keys(statusSummaryJson(report.summary))).toEqual(['red', 'amber', 'green', 'grey', 'missing', 'na', 'onTarget', 'offTarget']);
  });
});
