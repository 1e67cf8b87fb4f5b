import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Commentary } from '../model/commentary.js';
import type { Kpi } from '../model/kpi.js';
import { suggestion } from '../diagnostics/suggest.js';
import { locate, type YamlSource } from '../load/yaml-source.js';

/**
 * A measure's commentary is its exception report text, so it needs an overview; a project or
 * narrative indicator is reported only through commentary, so it needs its status and narrative.
 */
export function commentaryRules(
  commentary: Commentary,
  source: YamlSource,
  kpis: ReadonlyMap<string, Kpi>,
  reportedElsewhere: (id: string) => boolean = () => false,
  committees: readonly string[] | null = null,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = [...kpis.keys()];
  for (const [id, entry] of Object.entries(commentary.kpis)) {
    const path = ['kpis', id];
    const kpi = kpis.get(id);
    if (!kpi && reportedElsewhere(id)) continue;
    if (!kpi) {
      out.push(
        diagnostic(
          source.file,
          locate(source, path, { key: true }),
          'error',
          'commentary-unknown-kpi',
          `"${id}" is not a KPI in the dictionary.${suggestion(id, ids) || ' Check the id.'}`,
          path,
        ),
      );
      continue;
    }
    const missing: string[] = [];
    if (kpi.kind === 'measure') {
      if (!entry.overview) missing.push('overview');
      if (entry.status) {
        out.push(
          diagnostic(
            source.file,
            locate(source, [...path, 'status'], { key: true }),
            'warning',
            'commentary-status-for-measure',
            `${id} is a measure: prf computes its status from the figures, so this status is ignored: remove it`,
            [...path, 'status'],
          ),
        );
      }
    } else {
      if (!entry.status) missing.push('status');
      if (!entry.narrative) missing.push('narrative');
    }
    if (missing.length > 0) {
      out.push(
        diagnostic(
          source.file,
          locate(source, path, { key: true }),
          'error',
          'commentary-missing-part',
          `the commentary for ${id} has no ${missing.join(' or ')}: add ${missing.length > 1 ? 'them' : 'it'}`,
          path,
        ),
      );
    }
  }
  for (const list of ['achievements', 'forwardLook', 'caseStudies'] as const) {
    commentary[list].forEach((note, i) => {
      if (note.kpi && !kpis.has(note.kpi) && !reportedElsewhere(note.kpi)) {
        const path = [list, i, 'kpi'];
        out.push(
          diagnostic(
            source.file,
            locate(source, path),
            'error',
            'commentary-unknown-kpi',
            `"${note.kpi}" is not a KPI in the dictionary.${suggestion(note.kpi, ids) || ' Check the id.'}`,
            path,
          ),
        );
      }
    });
  }
  // A covering report for a committee prf.yaml does not list would never be printed.
  if (committees) {
    for (const id of Object.keys(commentary.committees)) {
      if (committees.includes(id)) continue;
      const path = ['committees', id];
      out.push(
        diagnostic(
          source.file,
          locate(source, path, { key: true }),
          'error',
          'commentary-unknown-committee',
          `"${id}" is not a committee in prf.yaml.${suggestion(id, [...committees]) || ` Known committees: ${committees.join(', ')}.`}`,
          path,
        ),
      );
    }
  }
  return out;
}
