/**
 * Writes the demo workspace's illustrative outturns and commentary (generate.ts) into the
 * workspace found from the current folder. Run with `npm run demo-data`.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../../write/atomic-write.js';
import { loadWorkspace } from '../../rules/load-workspace.js';
import { findWorkspaceRoot, readWorkspaceSources } from '../../load/read-sources.js';
import { DEMO_SEED, generateDemoData } from './generate.js';

function main(): number {
  const root = findWorkspaceRoot(process.cwd());
  if (!root) {
    process.stderr.write('demo-data: no prf.yaml here or in any folder above: run this inside the demo workspace\n');
    return 2;
  }
  const { workspace, diagnostics } = loadWorkspace(readWorkspaceSources(root));
  const errors = diagnostics.filter((d) => d.severity === 'error' && !d.file.endsWith('.csv') && !d.file.includes('commentary'));
  if (!workspace || errors.length > 0) {
    process.stderr.write(`demo-data: the dictionary or prf.yaml has ${errors.length} error(s): run prf validate and fix them first\n`);
    return 1;
  }
  const files = generateDemoData(workspace.kpis, workspace.config, DEMO_SEED);
  for (const f of files) writeFileAtomic(join(root, ...f.path.split('/')), f.text);
  process.stdout.write(`demo-data: wrote ${files.length} files (seed ${DEMO_SEED})\n${files.map((f) => `  ${f.path}`).join('\n')}\n`);
  return 0;
}

process.exitCode = main();
