import { describe, expect, it } from 'vitest';
import { implausibleFigure, latestFigureRules } from '../../src/rules/figure-rules.js';
import type { Measure } from '../../src/model/kpi.js';
import { config, measure, monthly, obs } from '../core/fixtures.js';

// Twenty months alternating 49 and 51: mean 50, mean moving range 2, process limits 44.68 to
// 55.32; "far outside" is beyond 39.36 or 60.64, and a leap from the last figure over 13.07.
const k = measure({ id: 'K-01', aggregation: 'mean', decimals: 1 });
const history = monthly(
  k,
  '2024-04',
  Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 49 : 51)),
);
const cfg = config();

describe('figure-implausible: check this figure', () => {
  it.each([
    { name: 'a figure ten times the usual (a slipped decimal point)', value: 510, flagged: true },
    { name: 'far below', value: 5, flagged: true },
    { name: 'beyond the limits but not far (a real special cause)', value: 58, flagged: false },
    { name: 'an ordinary figure', value: 50.5, flagged: false },
  ])('$name: $value', ({ value, flagged }) => {
    const d = implausibleFigure(k, history, obs(k, '2025-12', value), cfg);
    expect(d?.code ?? null).toBe(flagged ? 'figure-implausible' : null);
    if (d) {
      expect(d.severity).toBe('warning');
      expect(d.message).toContain('check this figure');
      expect(d.message).toContain('process limits 44.7% to 55.3%');
    }
  });

  it('does not question a level the series has already moved to (a leap from the last figure is what a slip looks like)', () => {
    const moved = [...history, ...monthly(k, '2025-12', [75])];
    expect(implausibleFigure(k, moved, obs(k, '2026-01', 76), cfg)).toBeNull();
    expect(implausibleFigure(k, history, obs(k, '2025-12', 75), cfg)?.code).toBe('figure-implausible');
  });

  it.each<[string, Partial<Measure>, number]>([
    ['a cumulative KPI', { cumulative: true }, 20],
    ['too few figures before it', {}, 12],
  ])('no check for %s', (_, over, points) => {
    const kpi = measure({ id: 'K-01', aggregation: 'mean', ...over });
    expect(implausibleFigure(kpi, history.slice(0, points), obs(kpi, '2025-12', 510), cfg)).toBeNull();
  });

  it('a history with no variation gives no limits to judge by', () => {
    expect(implausibleFigure(k, monthly(k, '2024-04', Array(20).fill(100)), obs(k, '2025-12', 10), cfg)).toBeNull();
  });

  it('judges against the current process only: the figures since a rebasing change', () => {
    const rebased = measure({
      id: 'K-01',
      aggregation: 'mean',
      processChanges: [{ date: '2025-06-01', change: 'new contract', decidedBy: 'Cabinet', rebase: true }],
    });
    // Only seven figures since June 2025: too few for limits, so no check.
    expect(implausibleFigure(rebased, history, obs(rebased, '2025-12', 510), cfg)).toBeNull();
  });

  it('validate checks each measure’s latest figure, at its row', () => {
    const rows = [...history, obs(k, '2025-12', 510)];
    const found = latestFigureRules(k, rows, cfg);
    expect(found.map((d) => [d.code, d.file, d.line])).toEqual([['figure-implausible', rows.at(-1)!.origin.file, rows.at(-1)!.origin.line]]);
  });
});
