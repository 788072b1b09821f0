import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';

// Each test runs the real command several times; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };
import { buildProgram } from './main.ts';
import { BIN, run, userEnv } from '../test-support/cli-runner.ts';

const work = mkdtempSync(join(tmpdir(), 'chainlead-cli-'));

/** Starts `chainlead serve` and resolves once it prints its URL. */
function startServer(args: string[], env: Record<string, string> = {}, serveArgs: string[] = []) {
  const child = spawn(process.execPath, [BIN, ...args, 'serve', '--port', '0', ...serveArgs], {
    env: userEnv(env),
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /Serving on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { ready, stop, output: () => output };
}

function allCommands(command: Command, path: string[] = []): string[][] {
  return command.commands.flatMap((sub) => [
    [...path, sub.name()],
    ...allCommands(sub, [...path, sub.name()]),
  ]);
}

describe('chainlead --help', () => {
  it('shows an example on every command', SPAWNING, async () => {
    const commands = allCommands(buildProgram());
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const path of [[], ...commands]) {
      const program = buildProgram();
      let help = '';
      const capture = (cmd: Command) => {
        cmd.configureOutput({
          writeOut: (text) => (help += text),
          writeErr: (text) => (help += text),
        });
        cmd.commands.forEach(capture);
      };
      capture(program);
      const error = await program
        .parseAsync(['node', 'chainlead', ...path, '--help'])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommanderError);
      expect(help, path.join(' ')).toMatch(/Examples?:\n\s+\$ (\S+=\S+ )?chainlead /);
    }
  });
});

describe('chainlead commands on an embedded database', () => {
  const db = join(work, 'db');

  it(
    'initialises, manages users, and refuses bad input with clear errors and exit codes',
    SPAWNING,
    async () => {
      const init = await run(['--db', db, 'init'], {
        env: { CHAINLEAD_ADMIN_PASSWORD: 'first-admin-pw' },
      });
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      expect(init.stdout).toMatch(/Chains written from templates: biomed/);
      expect(init.stdout).toMatch(/password in CHAINLEAD_ADMIN_PASSWORD/);

      const add = await run([
        '--db',
        db,
        'user',
        'add',
        'li.wei',
        '--role',
        'analyst',
        '--name',
        '李伟',
      ]);
      expect(add.code).toBe(0);
      expect(add.stdout).toMatch(/Created user "li.wei" \(analyst\)\.\nPassword: \S{19}/);

      const piped = await run(['--db', db, 'user', 'add', 'zhang.min', '--password-stdin'], {
        input: 'a-piped-password\n',
      });
      expect(piped.code).toBe(0);
      expect(piped.stdout).not.toMatch(/Password:/);

      const list = await run(['--db', db, 'user', 'list', '--json']);
      const users = JSON.parse(list.stdout) as { username: string; role: string }[];
      expect(users.map((u) => `${u.username}:${u.role}`)).toEqual([
        'admin:admin',
        'li.wei:analyst',
        'zhang.min:viewer',
      ]);
      expect(list.stdout).not.toMatch(/scrypt/);

      const passwd = await run(['--db', db, 'user', 'passwd', 'zhang.min']);
      expect(passwd.code).toBe(0);
      expect(passwd.stdout).toMatch(/Password of "zhang.min" changed/);

      const duplicate = await run(['--db', db, 'user', 'add', 'li.wei']);
      expect(duplicate.code).toBe(5);
      expect(duplicate.stderr).toMatch(/USER_EXISTS.*already exists/);
      const badRole = await run(['--db', db, 'user', 'add', 'wang.fang', '--role', 'boss']);
      expect(badRole.code).toBe(2);
      expect(badRole.stderr).toMatch(/"boss" is not a role/);
      const nobody = await run(['--db', db, 'user', 'passwd', 'nobody']);
      expect(nobody.code).toBe(4);
      const usage = await run(['--db', db, 'user', 'frobnicate']);
      expect(usage.code).toBe(2);
    },
  );

  it(
    'checks a template and names the file, node and field of a missing one',
    SPAWNING,
    async () => {
      const good = await run(['template', 'check', 'templates/biomed.yaml']);
      expect(good.code).toBe(0);
      expect(good.stdout).toMatch(/valid chain "biomed".*3 stages, 22 nodes/);

      const broken = join(work, 'broken.yaml');
      writeFileSync(
        broken,
        [
          'code: demo-chain',
          'version: 1',
          'name: { zh: 示例, en: Example }',
          'industryScheme: GB/T 4754-2017',
          'stages:',
          '  - code: demo-chain.up',
          '    name: { zh: 上游, en: Upstream }',
          '    nodes:',
          '      - code: demo-chain.up.parts',
          '        name: { zh: 零件 }',
          '        rules: { scope: { zh: [零件] }, products: { zh: [零件] }, names: {} }',
        ].join('\n'),
      );
      const bad = await run(['--db', join(work, 'untouched'), 'template', 'load', broken]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/broken\.yaml: the chain template is invalid/);
      expect(bad.stderr).toMatch(/node demo-chain\.up\.parts, field name\.en/);
    },
  );

  it('fails fast and clearly when DATABASE_URL points at a closed port', SPAWNING, async () => {
    const started = Date.now();
    const result = await run(['db', 'migrate'], {
      env: { DATABASE_URL: 'postgres://chainlead:secret@127.0.0.1:9/chainlead' },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /DB_UNREACHABLE.*Cannot connect to PostgreSQL at postgres:\/\/chainlead:\*\*\*@127\.0\.0\.1:9/,
    );
    expect(result.stderr).not.toMatch(/secret/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('chainlead --db', () => {
  it(
    'refuses a path that cannot hold a database in words, and says when it made a new one',
    SPAWNING,
    async () => {
      const aFile = join(work, 'not-a-folder.txt');
      writeFileSync(aFile, 'notes');
      const asFile = await run(['--db', aFile, 'problem', 'list']);
      expect(asFile.code).toBe(3);
      expect(asFile.stderr).toMatch(/not-a-folder\.txt: it is a file, not a database folder/);
      const under = await run(['--db', join(aFile, 'db'), 'problem', 'list']);
      expect(under.code).toBe(3);
      expect(under.stderr).toMatch(/a part of the path is a file, not a folder/);
      const other = join(work, 'photos');
      mkdirSync(other);
      writeFileSync(join(other, 'a.jpg'), '');
      const busy = await run(['--db', other, 'problem', 'list']);
      expect(busy.code).toBe(3);
      expect(busy.stderr).toMatch(/holds other files, not a chainlead database/);
      for (const result of [asFile, under, busy])
        expect(result.stderr).not.toMatch(/\n\s+at |object Object/);

      const typo = join(work, 'typo-db');
      const fresh = await run(['--db', typo, 'problem', 'list']);
      expect(fresh.code).toBe(0);
      expect(fresh.stderr).toContain(
        `Note: there was no database at ${typo}; a new, empty one was made`,
      );
      const again = await run(['--db', typo, 'problem', 'list']);
      expect(again.stderr).toBe('');
    },
  );
});

describe('chainlead serve', () => {
  const db = join(work, 'served');
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop()));
  });

  it('refuses a security setting that does not parse, naming it', SPAWNING, async () => {
    const flag = await run(['--db', db, 'serve', '--port', '0', '--idle-timeout', 'soon']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--idle-timeout must be whole minutes/);
    const env = await run(['--db', db, 'serve', '--port', '0'], {
      env: { CHAINLEAD_PUBLIC_URL: 'not a url' },
    });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/CHAINLEAD_PUBLIC_URL must be a URL/);
  });

  it(
    'serves the demo on the first start, and restarts without loading it again',
    SPAWNING,
    async () => {
      const first = startServer(['--db', db], { CHAINLEAD_ADMIN_PASSWORD: 'served-admin-pw' }, [
        '--demo-on-first-run',
      ]);
      stops.push(first.stop);
      const url = await first.ready;
      expect(first.output()).toMatch(/Loaded the Wuxi demo \(marked demo\) on biomed, ic, iot/);
      expect(first.output()).toMatch(/Demo logins: analyst \/ chainlead-analyst/);
      const health = (await (await fetch(`${url}/api/health`)).json()) as { demoLoaded: boolean };
      expect(health.demoLoaded).toBe(true);

      // While it runs, the embedded database refuses a second process rather than corrupt it.
      const blocked = await run(['--db', db, 'user', 'list']);
      expect(blocked.code).toBe(3);
      expect(blocked.stderr).toMatch(/in use by process \d+/);
      await first.stop();

      // Start-up time is measured by hand and in docs/benchmarks.md, not asserted under test load.
      const second = startServer(['--db', db]);
      stops.push(second.stop);
      const url2 = await second.ready;
      expect(second.output()).not.toMatch(/Loaded the Wuxi/);
      const login = await fetch(`${url2}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'served-admin-pw' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const list = (await (
        await fetch(`${url2}/api/enterprises?region=3202&pageSize=1`, { headers: { cookie } })
      ).json()) as { total: number };
      // The Wuxi firms the first start reported: biomed's 1,393 and the other chains' firms.
      const reported = /: ([\d,]+) Wuxi enterprises of/.exec(first.output())?.[1] ?? '';
      expect(list.total).toBe(Number(reported.replaceAll(',', '')));
      expect(list.total).toBeGreaterThan(1393);
      await second.stop();
    },
  );
});
