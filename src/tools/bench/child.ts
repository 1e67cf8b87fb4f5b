/**
 * Runs one prf command in this process for the benchmark, discarding its output, and reports
 * the process's own peak memory and CPU time on the last line of stderr (Node cannot read a child's rusage).
 */
import { main } from '../../commands/main.js';

const code = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: { ...process.env, NO_COLOR: '1' },
  stdout: { write: () => true },
  stderr: { write: () => true },
});
const usage = process.resourceUsage();
// CPU time beside the wall time: on a busy machine the wall time includes waiting for a core.
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stderr.write(`\nBENCH ${JSON.stringify({ code, maxRssKb: usage.maxRSS, cpuSeconds })}\n`);
