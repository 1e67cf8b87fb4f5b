import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Config } from '../model/config.js';
import { locate, type YamlSource } from '../load/yaml-source.js';
import { workspaceFolder } from '../load/paths.js';

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
      const p = ['paths', key];
      out.push(
        diagnostic(
          source.file,
          locate(source, p),
          'error',
          'workspace-path',
          `paths.${key} (${value}) leads outside the workspace: give a folder inside it, relative to prf.yaml`,
          p,
        ),
      );
    }
  }
  return out;
}
