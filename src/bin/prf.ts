#!/usr/bin/env node
import { main } from '../cli/main.js';

// Only sets the exit code, so pending output is flushed before Node exits.
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
