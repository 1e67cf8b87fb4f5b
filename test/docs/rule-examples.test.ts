import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/codes.js';
import { REPO, runInProcess, tempWorkspace } from '../helpers/run.js';

/*
 * The rules reference shows an example of each code. Where the example is a whole data file (an
 * outturn CSV or a commentary file), it is put into the validation fixtures' base workspace at its
 * own path and prf validate must report the code, so the page cannot show an example that passes.
 * The file-encoding example's bad byte cannot be written as text, so its note says what it is.
 */
const whole = Object.entries(RULES).filter(
  ([code, r]) => code !== 'file-encoding' && r.example.text !== '' && /^data\/(outturns\/.*\.csv|commentary\/.*\.yaml)$/.test(r.example.file),
);

describe('the rules reference examples', () => {
  it('include the data-file examples of at least a dozen codes', () => {
    expect(whole.length).toBeGreaterThanOrEqual(12);
  });

  it.each(whole)('%s: its example gives the code', async (code, rule) => {
    const ws = tempWorkspace(join(REPO, 'fixtures/validate/_base'));
    try {
      writeFileSync(join(ws.dir, rule.example.file), `${rule.example.text}\n`);
      const r = await runInProcess(['validate', '--format', 'json'], ws.dir);
      const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
      expect(codes).toContain(code);
    } finally {
      ws.cleanup();
    }
  });
});
