import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/model/periods.js';
import { computeStatus } from '../../src/core/status.js';
import { statusJsonChunks } from '../../src/render/status-table.js';
import { kpiStatusJson, statusSummaryJson } from '../../src/render/status-json.js';
import { loadWorkspace } from '../../src/rules/load-workspace.js';
import { readWorkspaceSources } from '../../src/load/read-sources.js';
import { REPO, runInProcess } from '../helpers/run.js';

describe('status JSON written in pieces', () => {
  const workspace = loadWorkspace(readWorkspaceSources(REPO)).workspace!;
  it.each(['2025-26-Q3', '2025-26-Q2', '2023-24'])('is exactly JSON.stringify(report, null, 2) for %s', (name) => {
    const p = parsePeriod(name);
    if (!p.ok) throw new Error(p.message);
    const report = computeStatus(workspace, p.value);
    const whole = `${JSON.stringify({ period: report.period, kpis: report.kpis.map(kpiStatusJson), summary: statusSummaryJson(report.summary) }, null, 2)}\n`;
    expect([...statusJsonChunks(report)].join('')).toBe(whole);
  });
  it('leaves out of the JSON no field of a status line but its commentary', () => {
    const p = parsePeriod('2025-26-Q3');
    if (!p.ok) throw new Error(p.message);
    for (const k of computeStatus(workspace, p.value).kpis) {
      const written = new Set(Object.keys(kpiStatusJson(k)));
      expect(Object.keys(k).filter((key) => key !== 'commentary' && !written.has(key))).toEqual([]);
    }
  });
  it('handles a report with no KPIs', () => {
    const empty = { period: '2025-26-Q3', kpis: [], summary: { red: 0, amber: 0, green: 0, grey: 0, missing: 0, na: 0, onTarget: 0, offTarget: 0 } };
    expect([...statusJsonChunks(empty)].join('')).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});

describe('the full SPC reading and the forecast in prf status --format json', () => {
  type Json = { kpis: Array<Record<string, unknown> & { id: string }> };
  let json: Json;
  const kpi = (id: string) => json.kpis.find((k) => k.id === id)!;
  it('runs', async () => {
    const r = await runInProcess(['status', '2025-26-Q3', '--format', 'json'], REPO);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout) as Json;
  });

  it('rebases re-let time at the recorded change: trial limits since April 2025, every point with its segment', () => {
    const k = kpi('HC-AM-01');
    expect(k.processChanges).toEqual([
      expect.objectContaining({ date: '2025-04-01', rebase: true, periodName: '2025-04', decidedBy: 'Cabinet (contract award)' }),
    ]);
    const spc = k.spc as Record<string, unknown> & { points: Array<{ periodName: string; segment: number }>; segments: Array<Record<string, unknown>> };
    expect(spc).toMatchObject({
      variation: 'special_cause_improving',
      variationIcon: 'improvement_low',
      trial: true,
      assurance: 'inconsistent',
      assuranceIcon: 'inconsistent',
    });
    expect(spc.segments).toHaveLength(2);
    expect(spc.segments[1]).toMatchObject({
      from: '2025-04',
      to: '2025-12',
      points: 9,
      trial: true,
      startedBy: expect.objectContaining({ date: '2025-04-01' }),
    });
    expect(spc.points.filter((p) => p.segment === 1).map((p) => p.periodName)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    for (const field of ['meanMovingRange', 'upperTwoSigma', 'lowerTwoSigma', 'assuranceBasis', 'settings']) expect(spc).toHaveProperty(field);
    expect(k.spcAbsent).toBeNull();
  });

  it('says why SPC is absent', () => {
    expect(kpi('HC-HO-03').spcAbsent).toMatchObject({ reason: 'cumulative' });
    expect(kpi('FR-PE-03').spcAbsent).toMatchObject({ reason: 'tooFewPoints', message: '7 of the 13 figures control limits need' });
  });

  it('judges assurance on the points since a special-cause run began when no change is recorded', () => {
    expect(kpi('FR-TR-01').spc).toMatchObject({
      variation: 'special_cause_concerning',
      assurance: 'consistent_fail',
      assuranceBasis: { kind: 'run', from: '2025-04' },
    });
  });

  it('gives each measure a year-end forecast with its range and odds', () => {
    const f = kpi('FR-TR-01').forecast as Record<string, number>;
    expect(f).toMatchObject({ year: '2025-26', through: '2025-26-Q3', periodsKnown: 9, periodsRemaining: 3, range: 0.8, target: 85 });
    expect(f.low).toBeLessThanOrEqual(f.outturn!);
    expect(f.high).toBeGreaterThanOrEqual(f.outturn!);
    expect(f.probabilityOfMeetingTarget).toBe(0);
    expect(kpi('TSM-TP01').forecastAbsent).toMatchObject({ reason: 'annual' });
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
