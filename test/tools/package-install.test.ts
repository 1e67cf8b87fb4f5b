import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runBinary } from '../helpers/run.js';

/**
 * prf where a council keeps its workspace: the package npm pack makes installs from its tarball
 * into a workspace prf init made, and the CI workflow prf init wrote passes there. npm may reach
 * its registry for prf's own dependencies; it prefers the local cache.
 */
describe('prf installed from its package into a new workspace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prf-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);
  const env = { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const sh = (command: string, cwd: string) => spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8' });

  it('packs with the bundle, templates and schemas, installs, and runs the generated workflow', { timeout: 600_000 }, () => {
    const tgz = execSync(`npm pack --ignore-scripts --silent --pack-destination ${JSON.stringify(dir)}`, { cwd: REPO, env, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    const listing = execSync(`tar tzf ${JSON.stringify(join(dir, tgz))}`, { encoding: 'utf8' });
    for (const f of ['package/dist/bundle/prf.js', 'package/templates/paper.html.hbs', 'package/schemas/kpi.schema.json', 'package/package.json'])
      expect(listing).toContain(f);
    expect(listing).not.toContain('package/src/');

    const init = runBinary(['init', 'council', '--yes', '--organisation', 'Testshire District Council', '--package', join(dir, tgz)], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).not.toContain('see the README');
    expect(init.stdout).toContain('council/README.md lists the steps');
    const ws = join(dir, 'council');
    expect(existsSync(join(ws, 'vendor', tgz))).toBe(true);
    expect(JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8')).devDependencies).toEqual({ prf: `file:vendor/${tgz}` });
    expect(readFileSync(join(ws, 'README.md'), 'utf8')).toContain('npx prf adopt dictionary');

    // The README's setting-up step, then every run step of the workflow, in order.
    const install = sh('npm install', ws);
    expect(install.status, install.stderr).toBe(0);
    const steps = [...readFileSync(join(ws, '.github/workflows/prf.yml'), 'utf8').matchAll(/^ {6}- run: (.+)$/gm)].map((m) => m[1]!);
    expect(steps).toEqual(['npm ci --no-audit --no-fund', 'npx --no prf validate --strict --format github']);
    for (const step of steps) {
      const r = sh(step, ws);
      expect(r.status, `${step}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    const version = sh('npx --no -- prf --version', ws);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });
});
