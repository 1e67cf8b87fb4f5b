import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Config } from '../model/config.js';
import { locate, type YamlSource } from '../load/yaml-source.js';
import { workspaceFolder } from '../load/paths.js';
import { ruleProblems, toRule } from '../core/rule.js';

/** The status rule in prf.yaml: usable bands, and not both a rule and the amber band it replaces. */
function raggRules(config: Config, source: YamlSource): Diagnostic[] {
  const rule = config.ragg.rule;
  if (rule === undefined) return [];
  const out = ruleProblems(toRule(rule)).map((p) => {
    const path = ['ragg', 'rule', ...p.path];
    return diagnostic(source.file, locate(source, path), 'error', p.code, `ragg.rule: ${p.message}`, path);
  });
  const written = (source.value as { ragg?: Record<string, unknown> } | undefined)?.ragg ?? {};
  for (const key of ['band', 'bandType'].filter((k) => k in written)) {
    const path = ['ragg', key];
    out.push(
      diagnostic(
        source.file,
        locate(source, path, { key: true }),
        'error',
        'ragg-rule-conflict',
        `ragg.${key} is not used when ragg.rule is given: remove ragg.${key} (the rule's bands say how far worse than target is amber)`,
        path,
      ),
    );
  }
  return out;
}

export function configRules(config: Config, source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const duplicates = (items: { id: string }[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) {
        const p = [...path, i, 'id'];
        out.push(
          diagnostic(source.file, locate(source, p), 'error', 'config-duplicate-id', `${what} id "${item.id}" is used twice: give each ${what} its own id`, p),
        );
      }
      seen.add(item.id);
    });
  };
  duplicates(config.committees, ['committees'], 'committee');
  duplicates(config.priorities, ['priorities'], 'priority');
  const allAims = config.priorities.flatMap((p, pi) => p.aims.map((a, ai) => ({ id: a.id, pi, ai })));
  const seenAims = new Set<string>();
  for (const a of allAims) {
    if (seenAims.has(a.id)) {
      const p = ['priorities', a.pi, 'aims', a.ai, 'id'];
      out.push(
        diagnostic(
          source.file,
          locate(source, p),
          'error',
          'config-duplicate-id',
          `aim id "${a.id}" is used twice: aim ids must be unique across priorities`,
          p,
        ),
      );
    }
    seenAims.add(a.id);
  }
  for (const [key, value] of Object.entries(config.paths)) {
    if (workspaceFolder(value) === null) {
      out.push(pathProblem(source, key, `paths.${key} (${value}) leads outside the workspace: give a folder inside it, relative to prf.yaml`));
    }
  }
  out.push(...overlappingFolders(config, source));
  config.committees.forEach((c, i) => {
    // The papers of committee `index` would be written over the index page (index.html).
    if (c.id === 'index') {
      const p = ['committees', i, 'id'];
      out.push(
        diagnostic(
          source.file,
          locate(source, p),
          'error',
          'config-reserved-id',
          'committee id "index" names the index page of every report: choose another id',
          p,
        ),
      );
    }
  });
  return out;
}

/** A workspace-path error at one key of prf.yaml's paths:. */
function pathProblem(source: YamlSource, key: string, message: string): Diagnostic {
  const p = ['paths', key];
  return diagnostic(source.file, locate(source, p), 'error', 'workspace-path', message, p);
}

/**
 * Each configured folder holds one kind of file: two that are the same folder, or one inside
 * another (`outturns: kpis`, `reports: kpis`), would read figures from the wrong place or write
 * papers into the dictionary.
 */
function overlappingFolders(config: Config, source: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const folders = Object.entries(config.paths)
    .map(([key, value]) => ({ key, value, folder: workspaceFolder(value) }))
    .filter((f): f is { key: string; value: string; folder: string } => f.folder !== null);
  const within = (a: string, b: string) => b === '' || a === b || a.startsWith(`${b}/`);
  folders.forEach((a, i) => {
    for (const b of folders.slice(0, i)) {
      if (!within(a.folder, b.folder) && !within(b.folder, a.folder)) continue;
      const how = a.folder === b.folder ? 'is the same folder as' : within(a.folder, b.folder) ? 'lies inside' : 'contains';
      out.push(
        pathProblem(
          source,
          a.key,
          `paths.${a.key} (${a.value}) ${how} paths.${b.key} (${b.value}): give each its own folder, so figures are read from and papers written to the right place`,
        ),
      );
    }
  });
  out.push(...raggRules(config, source));
  return out;
}
