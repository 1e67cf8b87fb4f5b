#!/usr/bin/env node
import { main } from '../cli/main.js';

// Ctrl-C or a kill asks prf to stop: commands finish the file operation under way (every write
// is a temp file then a rename, done synchronously) and stop before starting another, so
// nothing is left half-written. A second Ctrl-C stops at once.
const interrupt = new AbortController();
const onSignal = () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// A reader that stops early (prf status | head) closes the pipe: that is not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// Only sets the exit code, so pending output is flushed before Node exits.
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
  stdin: process.stdin,
});
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
