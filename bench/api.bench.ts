import { wholeNumberFlag } from './bench-args.ts';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import type autocannon from 'autocannon';
import { openDatabase } from '../src/db/connection.ts';
import { createApp } from '../src/server/app.ts';
import { DEMO_USERS } from '../src/services/demo/demo-plan.ts';
import { prepareInstallation } from '../src/services/setup.service.ts';

// `npm run bench -- api [--connections N] [--duration S]`: the demo in an in-memory PGlite, the
// API served in-process on 127.0.0.1 (port 0), and autocannon asking for Wuxi's chain analysis
// as a signed-in viewer: 32 connections for 10 s by default. Prints p50/p99 latency, requests
// per second (goal: p99 under 100 ms) and the server's CPU time per request.

const PATH = '/api/chains/biomed/analysis?region=3202';
const require = createRequire(import.meta.url);

/**
 * autocannon in a child process: the load it makes costs the server process nothing, so this
 * process's CPU time during the run is the server's own (HTTP, the app, PGlite's WASM).
 */
function runAutocannon(args: string[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('autocannon/autocannon.js'), ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      resolve(JSON.parse(output) as autocannon.Result);
    });
  });
}

/** The `api` benchmark: see the comment at the top of this file. */
export async function benchApi(): Promise<void> {
  const connections = wholeNumberFlag('connections', 32);
  const duration = wholeNumberFlag('duration', 10);
  const database = await openDatabase({ path: 'memory://' });
  const started = performance.now();
  await prepareInstallation(database, { adminPassword: 'bench-password', demoOnFirstRun: true });
  console.log(`demo loaded into PGlite (memory) in ${(performance.now() - started).toFixed(0)} ms`);
  const app = createApp({ database, version: 'bench' });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  try {
    const viewer = DEMO_USERS.find((u) => u.role === 'viewer');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: viewer?.username, password: viewer?.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);
    const first = performance.now();
    const response = await fetch(`${base}${PATH}`, { headers: { cookie } });
    const bytes = (await response.arrayBuffer()).byteLength;
    console.log(
      `first request (computes the analysis): ${response.status}, ${(bytes / 1024).toFixed(0)} KB, ` +
        `${(performance.now() - first).toFixed(0)} ms`,
    );
    const cpuBefore = process.cpuUsage();
    const result = await runAutocannon([
      '--json',
      '-c',
      String(connections),
      '-d',
      String(duration),
      '-H',
      `cookie=${cookie}`,
      `${base}${PATH}`,
    ]);
    const cpu = process.cpuUsage(cpuBefore);
    const { latency, requests } = result;
    const cpuPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, requests.total);
    console.log(
      `autocannon ${connections} connections × ${duration} s on GET ${PATH} ` +
        `(load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
    );
    console.log(
      `  latency p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms; ` +
        `${requests.average.toFixed(0)} req/s (${requests.total.toLocaleString('en')} requests)`,
    );
    console.log(
      `  server CPU ${cpuPerRequest.toFixed(2)} ms per request ` +
        `(at most ~${Math.floor(1000 / cpuPerRequest)} req/s on one idle core)`,
    );
    console.log(
      `  non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; ` +
        `goal p99 < 100 ms: ${latency.p99 < 100 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  }
}
