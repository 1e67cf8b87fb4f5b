import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runInProcess } from '../helpers/run.js';

// The demo's Q3 papers as committed snapshots: a change to the templates, the view models or the
// arithmetic shows up as a reviewable diff of what a committee would read.
// `npx vitest run test/report/snapshots.test.ts -u` accepts an intended change.
const out = mkdtempSync(join(tmpdir(), 'prf-snap-'));
beforeAll(async () => {
  const r = await runInProcess(['report', '2025-26-Q3', '--format', 'html,md', '--out', out], REPO);
  if (r.code !== 0) throw new Error(r.stderr);
  // Rendering every paper in-process takes several seconds on a busy machine.
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the demo Q3 papers', () => {
  it('are the fourteen expected files', () => {
    expect(readdirSync(out).sort()).toHaveLength(14);
  });

  it.each([
    'index.md',
    'housing-communities-osc.md',
    'housing-communities-osc-exceptions.md',
    'finance-resources-osc.md',
    'strategic-planning-environment-osc.md',
    'housing-communities-osc.html',
  ])('%s matches its snapshot', async (file) => {
    await expect(readFileSync(join(out, file), 'utf8')).toMatchFileSnapshot(`__snapshots__/demo-2025-26-Q3/${file}`);
  });
});
