import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { readInputFile } from '../load/input-file.js';
import { basename, join, relative, resolve } from 'node:path';
import { askAnswers, lineSource } from './ask.js';
import { attachAims, checkAnswers, INIT_DEFAULTS, parseAim, parseIdName, parseMonth, type InitAnswers, type Parsed } from '../core/init-answers.js';
import { TSM_PRIORITY } from '../render/tsm-starter.js';
import { initFiles, vendorPackage } from '../render/init-files.js';
import { packageVersion } from './version.js';
import { writeFilesAtomically } from '../write/write-files.js';
import { CONFIG_FILE } from '../load/read-sources.js';
import { EXIT, stopIfInterrupted, UsageError, type CliIO } from './io.js';
import { lockedWorkspace } from './locked.js';
import { toPosix } from '../load/paths.js';
import { firstControl } from '../text/controls.js';

export interface InitOptions {
  organisation?: string;
  fyStart?: string;
  committee: string[];
  priority: string[];
  aim: string[];
  yes?: boolean;
  tsm?: boolean;
  package?: string;
}

function must<T>(flag: string, r: Parsed<T>): T {
  if (!r.ok) throw new UsageError(`${flag}: ${r.message}`);
  return r.value;
}

/** The answers the flags give; undefined where a flag was not used. */
function fromFlags(options: InitOptions): Partial<InitAnswers> {
  // Each answer is one line of text: a line break would write YAML of its own into prf.yaml.
  for (const [flag, values] of [
    ['--organisation', options.organisation === undefined ? [] : [options.organisation]],
    ['--committee', options.committee],
    ['--priority', options.priority],
    ['--aim', options.aim],
  ] as const) {
    for (const v of values)
      if (/[\n\r]/.test(v) || firstControl(v)) throw new UsageError(`${flag}: give one line of text, without line breaks or control characters`);
  }
  const given: Partial<InitAnswers> = {};
  if (options.organisation !== undefined) given.organisation = options.organisation.trim();
  if (options.fyStart !== undefined) given.financialYearStartMonth = must(`--fy-start ${options.fyStart}`, parseMonth(options.fyStart));
  if (options.committee.length > 0) given.committees = options.committee.map((c) => must(`--committee ${c}`, parseIdName(c)));
  const aims = options.aim.map((a) => must(`--aim ${a}`, parseAim(a)));
  if (options.priority.length > 0) {
    given.priorities = must(
      '--aim',
      attachAims(
        options.priority.map((p) => must(`--priority ${p}`, parseIdName(p))),
        aims,
      ),
    );
  } else if (aims.length > 0) throw new UsageError('--aim needs the --priority it belongs to');
  return given;
}

/** .gitignore is the one file init may add to: its lines are appended where missing. */
function mergeGitignore(existing: string, ours: string): string {
  const have = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const add = ours.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#') && !have.has(l.trim()));
  if (add.length === 0) return existing;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const sep = existing === '' || existing.endsWith('\n') ? '' : eol;
  return `${existing}${sep}${add.join(eol)}${eol}`;
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (something else was put there meanwhile): it stays.
  }
}

/** Plans the new workspace's files, checks nothing would be overwritten, and writes them all or none. */
async function writeWorkspace(
  io: CliIO,
  dir: string,
  shown: string,
  answers: InitAnswers,
  options: InitOptions,
): Promise<{ files: Array<{ path: string }>; kept: string[]; version: string }> {
  if (existsSync(join(dir, CONFIG_FILE))) throw new UsageError(`${shown} became a workspace while prf init was running; nothing was written`);
  const version = packageVersion();
  const files: Array<{ path: string; data: string | Uint8Array }> = initFiles(answers, version, { tsm: options.tsm === true });
  if (options.package !== undefined) {
    const tgz = resolve(io.cwd, options.package);
    if (!existsSync(tgz) || !/\.tgz$/.test(tgz))
      throw new UsageError(`--package ${options.package}: no such .tgz file (npm pack in prf's folder makes prf-${version}.tgz)`);
    files.push({ path: vendorPackage(version), data: readInputFile(tgz, `--package ${options.package}`) });
  }
  const gitignore = files.find((f) => f.path === '.gitignore')!;
  if (existsSync(join(dir, gitignore.path))) gitignore.data = mergeGitignore(readFileSync(join(dir, gitignore.path), 'utf8'), String(gitignore.data));
  // A folder that is already a repository keeps its own README and package.json: prf's are
  // only suggestions there, so they are left out and the message says what to add.
  const kept = ['README.md', 'package.json'].filter((p) => existsSync(join(dir, p)));
  for (const p of kept)
    files.splice(
      files.findIndex((f) => f.path === p),
      1,
    );
  const clashes = files.filter((f) => f.path !== '.gitignore' && existsSync(join(dir, f.path))).map((f) => f.path);
  if (clashes.length > 0)
    throw new UsageError(`${shown} already has ${clashes.join(', ')}; prf init writes nothing over existing files: move them aside or choose another folder`);

  await stopIfInterrupted(io);
  writeFilesAtomically(dir, files);
  return { files, kept, version };
}

export async function runInit(io: CliIO, dirArg: string | undefined, options: InitOptions): Promise<number> {
  const dir = resolve(io.cwd, dirArg ?? '.');
  const shown = relative(io.cwd, dir) || '.';
  if (existsSync(join(dir, CONFIG_FILE))) {
    throw new UsageError(
      `${shown} is already a workspace (it has ${CONFIG_FILE}); prf init never overwrites one. Edit ${CONFIG_FILE} instead, or give another folder`,
    );
  }
  const given = fromFlags(options);
  // A TSM workspace brings its own priority, whose aims are the regulator's themes.
  if (options.tsm) given.priorities = [...(given.priorities ?? []), TSM_PRIORITY];
  const complete = given.organisation !== undefined && given.committees !== undefined && given.priorities !== undefined;
  let answers: InitAnswers;
  if (options.yes || complete) {
    answers = { ...INIT_DEFAULTS, organisation: basename(dir) || INIT_DEFAULTS.organisation, ...given };
  } else if (io.stdin?.isTTY) {
    const lines = lineSource(io.stdin);
    try {
      answers = await askAnswers(lines, io.stdout, given, basename(dir));
    } finally {
      lines.close();
    }
  } else {
    throw new UsageError('there is no terminal to ask in: give --organisation, --committee and --priority (with --aim), or --yes to take the defaults');
  }
  const problems = checkAnswers(answers);
  if (problems.length > 0) throw new UsageError(problems.join('; '));

  // Held from the last look at the folder to the write, so two inits at once cannot both write
  // a workspace there: the second finds the first one's prf.yaml and refuses.
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${shown} is a file: give a folder for the new workspace`);
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  let written: Awaited<ReturnType<typeof writeWorkspace>>;
  try {
    written = await lockedWorkspace(io, dir, 'init', () => writeWorkspace(io, dir, shown, answers, options));
  } catch (e) {
    // A folder made only for this workspace is not left behind empty.
    if (created) removeIfEmpty(dir);
    throw e;
  }
  const { files, kept, version } = written;
  for (const f of files) io.stdout.write(`wrote    ${toPosix(relative(io.cwd, join(dir, f.path)))}\n`);
  for (const p of kept) {
    io.stdout.write(
      p === 'package.json'
        ? `kept     package.json (yours): add "prf": "file:${vendorPackage(version)}" to its devDependencies\n`
        : 'kept     README.md (yours)\n',
    );
  }
  const cd = shown === '.' ? '' : `cd ${shown} && `;
  const install =
    options.package !== undefined
      ? `${cd}npm install (prf from ${vendorPackage(version)}), then commit everything`
      : `put prf's package in ${vendorPackage(version)} (npm pack in prf's folder makes it), ${cd}npm install, then commit everything`;
  const steps = kept.includes('README.md') ? 'docs/guide/onboarding.md in prf' : toPosix(relative(io.cwd, join(dir, 'README.md')));
  if (options.tsm)
    io.stdout.write(
      `\nA Tenant Satisfaction Measures workspace for ${answers.organisation}. Next: ${install}; then prf benchmarks tsm WORKBOOK.xlsx... --landlord CODE (docs/guide/benchmarks.md in prf, and ${steps}).\n`,
    );
  else
    io.stdout.write(
      `\nA workspace for ${answers.organisation}. Next: ${install}; prf validate --strict; then prf adopt dictionary KPI-LIST.xlsx, or prf new KPI-ID for each measure (${steps} lists the steps).\n`,
    );
  return EXIT.ok;
}
