#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between a clone and a start.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
// `serve` keeps the process alive with its server; other commands end with this exit code.
process.exitCode = await runCli(process.argv);
