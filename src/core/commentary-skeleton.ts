/**
 * Which KPIs need writing about in a period's commentary, and what to write against: pure.
 *
 * - A measure whose status needs an exception report (config ragg.exceptionsFor, red by default)
 *   gets the exception fields of 004 Appendix 1 and seed 001: a performance overview, actions to
 *   improve (each with an owner and a due date), barriers, and the likely year-end outturn.
 * - A project or narrative indicator reporting this period gets its owner's status and narrative.
 * - The figure, target and last year's figure for the same period are given to write against.
 * - A KPI the commentary already has is left as written.
 */
import type { KpiStatus } from './status.js';
import type { Kpi } from '../model/kpi.js';
import { formatFigure } from './figures.js';

export interface Skeleton {
  id: string;
  /** Lines of context, written as comments above the entry. */
  context: string[];
  fields: Record<string, unknown>;
}

const figure = (k: KpiStatus, v: number | null) =>
  v === null ? 'none' : formatFigure(v, { unit: k.unit ?? 'number', unitLabel: k.unitLabel ?? undefined, decimals: k.decimals ?? 0 });

export function commentarySkeletons(
  statuses: readonly KpiStatus[],
  kpis: ReadonlyMap<string, Kpi>,
  written: ReadonlySet<string>,
  reportsThisPeriod: (kpi: Kpi) => boolean,
): Skeleton[] {
  const out: Skeleton[] = [];
  for (const s of statuses) {
    const kpi = kpis.get(s.id);
    if (!kpi || written.has(s.id)) continue;
    if (kpi.kind === 'measure' && s.needsException) {
      out.push({
        id: s.id,
        context: [
          `${s.id} ${s.name} (${s.service}): ${s.status}.`,
          `Outturn ${figure(s, s.value)} against a target of ${s.target === null ? (s.targetReason ?? 'none') : figure(s, s.target)}; ${s.lastYearPeriod ?? 'last year'}: ${figure(s, s.lastYearValue)}.`,
          `Written by the head of service (${kpi.roles.headOfService}): what happened and why, what will be done, by whom and when.`,
        ],
        fields: {
          overview: '',
          actions: [{ action: '', owner: kpi.roles.headOfService, due: '' }],
          barriers: '',
          likelyOutturn: null,
          author: kpi.roles.headOfService,
        },
      });
    } else if (kpi.kind !== 'measure' && reportsThisPeriod(kpi)) {
      out.push({
        id: s.id,
        context: [
          `${s.id} ${s.name} (${s.service}): a ${kpi.kind}; its owner (${kpi.roles.owner}) gives its status (red, amber, green or grey) and narrative.`,
        ],
        fields: { status: '', narrative: '', author: kpi.roles.owner },
      });
    }
  }
  return out;
}
