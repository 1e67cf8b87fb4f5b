import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runInProcess, tempWorkspace } from '../helpers/run.js';

const BASE = join(REPO, 'fixtures/validate/_base');

describe('very large input', () => {
  it('a CSV line of 30 MB is one clear diagnostic, its text shortened in the message', async () => {
    const ws = tempWorkspace(BASE);
    try {
      const huge = '9'.repeat(30 * 1024 * 1024);
      writeFileSync(
        join(ws.dir, 'data/outturns/2025-26.csv'),
        `kpi,period,value,numerator,denominator,reviewed_by,note\nHC-01,2025-10,86.0,86,100,Repairs Manager,\nHC-01,2025-11,x${huge},,,Repairs Manager,\n`,
      );
      const r = await runInProcess(['validate', '--format', 'json'], ws.dir);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; line: number; column: number; code: string; message: string }> };
      expect(out.diagnostics).toHaveLength(1);
      expect(out.diagnostics[0]).toMatchObject({ file: 'data/outturns/2025-26.csv', line: 3, column: 15, code: 'csv-value-invalid' });
      expect(out.diagnostics[0]!.message.length).toBeLessThan(300);
    } finally {
      ws.cleanup();
    }
  });

  it('a YAML text value of 10 MB is read, not refused', async () => {
    const ws = tempWorkspace(BASE);
    try {
      writeFileSync(join(ws.dir, 'kpis/HC-02.yaml'), `${'# padding\n'.repeat(10)}id: HC-02\nname: ${'x'.repeat(10 * 1024 * 1024)}\n`);
      const r = await runInProcess(['validate', '--format', 'json'], ws.dir);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; code: string }> };
      // The entry lacks required fields; the giant name itself is no problem.
      expect(out.diagnostics.every((d) => d.file === 'kpis/HC-02.yaml' && d.code === 'schema-missing-field')).toBe(true);
    } finally {
      ws.cleanup();
    }
  });
});
