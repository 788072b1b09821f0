// Preloaded into a command the benchmarks time (`node --import ./bench/report-peak-memory.mjs …`):
// on exit it writes the process's peak memory (max RSS, worker threads included) to stderr, where
// the benchmark reads it.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nchainlead-bench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
