import type { KpiStatus, StatusSummary } from '../core/status.js';

/**
 * One KPI's line of `prf status --format json`. The DOMAIN.md contract's names are written here
 * and nowhere else: id, name, committee, value, target, status, onTarget, trend (previous,
 * lastYear), first and in that order; the rest follow for reports and tools, and may grow.
 * The period's commentary is left out: it is in its own file.
 */
export function kpiStatusJson(k: KpiStatus): Record<string, unknown> {
  return {
    // The contract.
    id: k.id,
    name: k.name,
    committee: k.committee,
    value: k.value,
    target: k.target,
    status: k.status,
    onTarget: k.onTarget,
    trend: { previous: k.trend.previous, lastYear: k.trend.lastYear },
    // Added fields.
    service: k.service,
    level: k.level,
    kind: k.kind,
    priority: k.priority,
    aim: k.aim,
    frequency: k.frequency,
    confidence: k.confidence,
    confidenceScore: k.confidenceScore,
    unit: k.unit,
    unitLabel: k.unitLabel,
    decimals: k.decimals,
    polarity: k.polarity,
    cumulative: k.cumulative,
    targetKind: k.targetKind,
    targetReason: k.targetReason,
    explanation: k.explanation,
    outturnState: k.outturnState,
    outturnReason: k.outturnReason,
    missingPeriods: k.missingPeriods,
    benchmark: k.benchmark,
    spc: k.spc,
    spcAbsent: k.spcAbsent,
    processChanges: k.processChanges,
    forecast: k.forecast,
    forecastAbsent: k.forecastAbsent,
    series: k.series,
    previousPeriod: k.previousPeriod,
    previousValue: k.previousValue,
    lastYearPeriod: k.lastYearPeriod,
    lastYearValue: k.lastYearValue,
    needsException: k.needsException,
    signedOff: k.signedOff,
  };
}

/** The summary of `prf status --format json`: the contract's counts (with `na`), then on and off target. */
export function statusSummaryJson(s: StatusSummary): Record<string, number> {
  return { red: s.red, amber: s.amber, green: s.green, grey: s.grey, missing: s.missing, na: s.na, onTarget: s.onTarget, offTarget: s.offTarget };
}
