#!/usr/bin/env node
// Runs a benchmark program from bench/ through tsx, like bin/chainlead.js runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
