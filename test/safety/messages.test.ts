import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorFor } from '../../src/commands/io.js';
import { runInProcess } from '../helpers/run.js';
import { throwawayWorkspaces } from '../helpers/workspaces.js';

const { make: workspace, also: cleanup } = throwawayWorkspaces();

describe('the poorer messages, made plain', () => {
  it('a template error names the template by its path inside the workspace, without [object Object]', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates/paper.html.hbs'), '{{nope}}');
    const r = await runInProcess(['report', '2025-26-Q3', '--out', 'out', '--draft'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('prf: templates/paper.html.hbs: "nope" not defined - 1:2\n');
  });

  it('a 120,000-character argument is not echoed whole', async () => {
    const r = await runInProcess(['status', 'x'.repeat(120_000)], workspace());
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(500);
    expect(r.stderr).toContain('... (120000 characters)');
  });

  it('prf init --organisation with a line break is refused, not written into prf.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prf-init-'));
    cleanup(() => rmSync(dir, { recursive: true, force: true }));
    const r = await runInProcess(['init', dir, '--yes', '--organisation', 'Evil\ncommittees: []'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prf: --organisation: give one line of text, without line breaks or control characters\n');
  });

  it('a prf.yaml that is a folder says so, not "empty"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prf-folder-'));
    cleanup(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'prf.yaml'));
    const r = await runInProcess(['validate', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics;
    expect(d[0]).toMatchObject({ file: 'prf.yaml', code: 'file-unreadable', message: expect.stringContaining('this is a folder, not a file') });
  });

  it('NO_COLOR= (empty) leaves colour on, as no-color.org says; NO_COLOR=1 turns it off', () => {
    const tty = { write: () => true, isTTY: true };
    expect(colorFor(tty, { NO_COLOR: '' }, true).level).toBeGreaterThan(0);
    expect(colorFor(tty, { NO_COLOR: '1' }, true).level).toBe(0);
  });
});
