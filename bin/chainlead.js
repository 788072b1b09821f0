#!/usr/bin/env node
// Runs the TypeScript sources, compiled on first use (compiled-sources.js): no build step between
// a clone and a start.
import v8 from 'node:v8';
import { importSources } from './compiled-sources.js';

// V8 lets a heap grow to about four times what survived its last full collection before it
// collects again. An import keeps batches of rows for seconds, so they reach the old generation
// and die there: the heaps then held three to four times their live data (a 100,000-row import on
// PGlite peaked at 1,050 MB, of which ~350 MB was garbage waiting). Twice the live data instead
// (set before any heap grows; it applies to the worker threads too).
v8.setFlagsFromString('--heap-growing-percent=100');
// A closed pipe (`chainlead user list | head`) is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { runCli } = await importSources('cli');
// `serve` keeps the process alive with its server; other commands end with this exit code.
process.exitCode = await runCli(process.argv);
