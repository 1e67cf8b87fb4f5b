import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import type { Run } from '../io.js';

export function registerSite(program: Command, io: CliIO, run: Run): void {
  program
    .command('site')
    .description('write the public performance website from the published papers (their manifests), as static pages and CSV')
    .option('-o, --out <dir>', 'output folder (default: site)')
    .option('--through <period>', 'only quarters published up to this one, e.g. 2025-26-Q2')
    .action((options) => run(async (globals) => (await import('../site.js')).runSite(io, globals, options))());
}
