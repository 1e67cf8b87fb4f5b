#!/usr/bin/env node
import { asksOnlyForVersion, packageVersion } from '../commands/version.js';

const argv = process.argv.slice(2);

// A reader that stops early (prf status | head) closes the pipe: that is not an error to report.
// Any other failure to write the output (a full disk: ENOSPC, a broken device: EIO) is one line
// on standard error and exit 2, never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`prf: cannot write the output (${e.code ?? e.message}${e.code === 'ENOSPC' ? ': the disk is full' : ''})\n`);
      } catch {
        // standard error is gone too: the exit code still says it
      }
    }
    process.exit(2);
  });
}

// Scripts and shells ask for the version often: it is answered before the rest of prf (commander,
// the schemas, the parsers) is even loaded. Anything else goes through main() as usual.
if (asksOnlyForVersion(argv)) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  await run();
}

async function run(): Promise<void> {
  // Ctrl-C or a kill asks prf to stop: commands finish the file operation under way (every write
  // is a temp file then a rename, done synchronously) and stop before starting another, so
  // nothing is left half-written. A second Ctrl-C stops at once.
  // Writers look at the signal just before their final rename (stopIfInterrupted) and exit 130
  // (SIGINT) or 143 (SIGTERM) with nothing written; a command that never looks is stopped after
  // a short grace, which cannot fall inside a write (writes are synchronous, timers wait for them).
  const interrupt = new AbortController();
  // Past a writer's last check its files go down in full: a signal then must not end it half way
  // through reporting what it wrote, so the grace timer stands down.
  let committed = false;
  const onSignal = (name: NodeJS.Signals) => {
    const code = name === 'SIGTERM' ? 143 : 130;
    if (committed) return;
    if (interrupt.signal.aborted) process.exit(code);
    interrupt.abort(name);
    setTimeout(() => {
      if (committed) return;
      process.stderr.write('prf: interrupted\n');
      process.exit(code);
    }, 2000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const { main } = await import('../commands/main.js');
  const code = await main({
    argv,
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: interrupt.signal,
    committed: () => {
      committed = true;
    },
    // Only prf init's prompts read stdin: opening it costs every other command a few milliseconds.
    get stdin() {
      return process.stdin;
    },
  });
  // The command has finished and anything it wrote is in place: a signal now changes nothing,
  // so it must not end the process by the default action either (that would report 143 for a
  // run whose files were all written).
  // The new handlers go on before the old come off: with none at all for an instant, a signal
  // would take its default action.
  const settled = () => undefined;
  process.on('SIGINT', settled);
  process.on('SIGTERM', settled);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  // prf ends here, once its output is flushed, rather than letting Node wind down by itself:
  // winding down takes the signal handlers away first, and a Ctrl-C in that moment would end
  // prf by the default action, reporting 130 for a run whose files were all written. If a
  // stream cannot be flushed, its promise never settles and Node ends as usual with this code.
  process.exitCode = code;
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit(code);
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
