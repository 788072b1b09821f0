import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `chainlead` executable, run the way `npx chainlead` runs it. */
export const BIN = fileURLToPath(new URL('../../bin/chainlead.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a user would have: the embedded database, never a stray DATABASE_URL. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  return env;
}

/** Runs `chainlead ARGS` to completion and collects its exit code and output. */
export function run(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
) {
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: userEnv(options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
