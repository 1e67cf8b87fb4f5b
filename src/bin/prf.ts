#!/usr/bin/env node
import type { OutputStream } from '../commands/io.js';
import { asksOnlyForVersion, packageVersion } from '../commands/version.js';

const argv = process.argv.slice(2);

// A reader that stops early (prf status | head) closes the pipe: that is not an error to report,
// and it must not stop the command either (prf import big.csv | head -1 still imports): output
// after that is dropped, and prf ends with its own exit code. Any other failure to write the
// output (a full disk: ENOSPC, a broken device: EIO) is one line on standard error and exit 2,
// never a stack trace.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      closed.add(stream);
      return;
    }
    if (stream === process.stdout && !closed.has(process.stderr)) {
      try {
        process.stderr.write(`prf: cannot write the output (${e.code ?? e.message}${e.code === 'ENOSPC' ? ': the disk is full' : ''})\n`);
      } catch {
        // standard error is gone too: the exit code still says it
      }
    }
    process.exit(2);
  });
}

/** `stream` for the commands: what is written after its reader has gone is dropped. */
function dropWhenClosed(stream: NodeJS.WriteStream): OutputStream {
  return {
    write: (chunk: string) => (closed.has(stream) || stream.destroyed ? true : stream.write(chunk)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
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
    stdout: dropWhenClosed(process.stdout),
    stderr: dropWhenClosed(process.stderr),
    signal: interrupt.signal,
    committed: () => {
      committed = true;
    },
    // Only prf init's prompts read stdin: opening it costs every other command a few milliseconds.
    get stdin() {
      return process.stdin;
    },
  });
  // main() has said how it ended (an interrupted writer has already said "interrupted before
  // writing"): the grace timer of a signal it saw must not add a second word or a second exit.
  committed = true;
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
  // A failed write reports its error a tick later: let the handlers above see it first.
  await new Promise((resolve) => setImmediate(resolve));
  process.exit(code);
}

/**
 * Resolves once `stream` has written everything given to it. Files and (on Linux) pipes are
 * written synchronously, so there is rarely anything left; an empty write is queued only behind
 * pending output, never alone (an empty write to a full device fails with ENOSPC).
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.writableLength === 0 || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => stream.write('', () => resolve()));
}
