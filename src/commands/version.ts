import { readFileSync } from 'node:fs';

/** prf's version, from its package.json (two folders up from src/cli, dist/cli and dist/bundle alike). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** True for `prf --version` or `prf -V` alone, which the binary answers before loading the rest of prf. */
export function asksOnlyForVersion(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}
