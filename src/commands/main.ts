import { Command, CommanderError, Option } from 'commander';
import { GitError } from '../git/git.js';
import { WriteError } from '../write/write-files.js';
import { LinkError } from '../load/contained.js';
import { InputError } from '../load/input-file.js';
import { TemplateError } from '../render/template-error.js';
import { LockError } from '../write/workspace-lock.js';
import { EXIT, Interrupted, ProblemsReported, UsageError, type Action, type CliIO, type GlobalOptions, type OutputStream } from './io.js';
import { terminalSafe } from '../text/controls.js';
import { packageVersion } from './version.js';
import { registerAdopt } from './register/adopt.js';
import { registerSignoff } from './register/signoff.js';
import { registerCommentary } from './register/commentary.js';
import { registerCollect } from './register/collect.js';
import { registerImport } from './register/import.js';
import { registerInit } from './register/init.js';
import { registerNew } from './register/new.js';
import { registerReport } from './register/report.js';
import { registerStatus } from './register/status.js';
import { registerTemplates } from './register/templates.js';
import { registerDiff } from './register/diff.js';
import { registerHistory } from './register/history.js';
import { registerVerify } from './register/verify.js';
import { registerSite } from './register/site.js';
import { registerValidate } from './register/validate.js';
import { registerBenchmarks } from './register/benchmarks.js';

/** A message echoing an argument of 120,000 characters shows its start and its length, not all of it. */
function shortened(message: string): string {
  return message.replace(/[^\s:"]{200,}/g, (word) => `${word.slice(0, 60)}... (${word.length} characters)`);
}

function terminalStream(stream: OutputStream): OutputStream {
  return {
    isTTY: stream.isTTY,
    write: (chunk: string) => stream.write(typeof chunk === 'string' ? terminalSafe(chunk, true) : chunk),
  };
}

/**
 * Runs prf with the given I/O and returns the exit code. Never calls process.exit, so tests run
 * it in-process and the binary only sets process.exitCode.
 */
export async function main(given: CliIO): Promise<number> {
  // The text rule at the last moment: whatever reaches the terminal, from the dictionary, a CSV
  // cell, a file name or an argument, cannot carry a control character but prf's own colours.
  // (stdin stays a getter: reading it opens the terminal, which only prf init needs.)
  const io: CliIO = {
    argv: given.argv,
    cwd: given.cwd,
    env: given.env,
    signal: given.signal,
    stdout: terminalStream(given.stdout),
    stderr: terminalStream(given.stderr),
    get stdin() {
      return given.stdin;
    },
  };
  let exitCode: number = EXIT.ok;
  const program = new Command('prf')
    .description('Performance management for UK councils and housing landlords: a KPI dictionary in git, RAGG status and committee papers.')
    .version(packageVersion(), '-V, --version')
    .addOption(new Option('-w, --workspace <dir>', 'the workspace folder (default: the nearest folder with prf.yaml, from here up)'))
    .option('--no-color', 'never use colour (NO_COLOR is also honoured)')
    .exitOverride()
    .showHelpAfterError('(run prf --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  const run = (action: Action) => async () => {
    exitCode = await action(program.opts<GlobalOptions>());
  };
  registerInit(program, io, run);
  registerNew(program, io, run);
  registerValidate(program, io, run);
  registerStatus(program, io, run);
  registerReport(program, io, run);
  registerTemplates(program, io, run);
  registerHistory(program, io, run);
  registerDiff(program, io, run);
  registerVerify(program, io, run);
  registerSite(program, io, run);
  registerCollect(program, io, run);
  registerImport(program, io, run);
  registerBenchmarks(program, io, run);
  registerAdopt(program, io, run);
  registerSignoff(program, io, run);
  registerCommentary(program, io, run);

  try {
    await program.parseAsync(io.argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version "fail" with exit code 0; every other commander error is a usage error.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof ProblemsReported) return EXIT.problems;
    if (err instanceof Interrupted) {
      io.stderr.write(`prf: ${err.message}\n`);
      return err.code;
    }
    if (err instanceof WriteError || err instanceof TemplateError || err instanceof LinkError || err instanceof LockError) {
      io.stderr.write(`prf: ${err.message}\n`);
      return EXIT.problems;
    }
    if (err instanceof UsageError || err instanceof GitError || err instanceof InputError) {
      io.stderr.write(`prf: ${shortened(err.message)}\n`);
      return EXIT.usage;
    }
    const e = err as Error;
    io.stderr.write(`prf: internal error: ${e?.message ?? String(err)}\n`);
    if (io.env.PRF_DEBUG) io.stderr.write(`${e?.stack ?? ''}\n`);
    else io.stderr.write('This is a bug in prf. Run again with PRF_DEBUG=1 for details and report it.\n');
    return EXIT.usage;
  }
  return exitCode;
}
