import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AppError } from '../../domain/app-error.ts';

export type PgTool = 'pg_dump' | 'pg_restore';

export interface FoundTool {
  path: string;
  /** Major version, e.g. 16. */
  major: number;
  version: string;
}

/**
 * Folders to look in: CHAINLEAD_PG_BIN alone when set, else PATH then Debian's versioned folders
 * (newest first).
 */
function candidateFolders(): string[] {
  const configured = process.env.CHAINLEAD_PG_BIN?.trim();
  if (configured) return [configured];
  const folders: string[] = [];
  folders.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    folders.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  return folders;
}

function versionOf(path: string): FoundTool | undefined {
  const answer = spawnSync(path, ['--version'], { encoding: 'utf8' });
  const match = /(\d+)(?:\.\d+)*/.exec(answer.stdout ?? '');
  if (answer.status !== 0 || !match) return undefined;
  return { path, major: Number(match[1]), version: match[0] };
}

/**
 * The first pg_dump or pg_restore whose major version is at least the server's.
 * Throws DB_UNREACHABLE saying what was found and what to install when there is none.
 */
export function findPgTool(tool: PgTool, serverMajor: number): FoundTool {
  const found: FoundTool[] = [];
  for (const folder of candidateFolders()) {
    const path = join(folder, tool);
    if (!existsSync(path)) continue;
    const version = versionOf(path);
    if (!version) continue;
    if (version.major >= serverMajor) return version;
    found.push(version);
  }
  const install =
    `Install the PostgreSQL ${serverMajor} (or later) client tools (Debian: ` +
    `apt-get install postgresql-client-${serverMajor}) or set CHAINLEAD_PG_BIN to their folder.`;
  if (found.length === 0) {
    throw new AppError(
      'DB_UNREACHABLE',
      `${tool} is not installed (looked in ${candidateFolders().join(', ') || 'PATH'}); ` +
        `it is needed for a PostgreSQL server's backup and restore. ${install}`,
      { tool },
    );
  }
  throw new AppError(
    'DB_UNREACHABLE',
    `${tool} ${found.map((f) => `${f.version} (${f.path})`).join(', ')} is older than the ` +
      `server (PostgreSQL ${serverMajor}) and cannot handle its data. ${install}`,
    { tool, found: found.map((f) => f.version), serverMajor },
  );
}

/** The connection for a tool: the URL without its password, which goes in PGPASSWORD instead. */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env = { ...process.env };
  if (parsed.password) {
    env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = '';
  }
  return { dbname: parsed.toString(), env };
}

/** Runs a tool to the end; throws with its error output when it fails. */
function runTool(
  tool: FoundTool,
  args: string[],
  url: string,
  input?: { file: string; start: number },
): Promise<void> {
  const { dbname, env } = connectionFor(url);
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, [...args, `--dbname=${dbname}`], {
      env,
      stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (input && child.stdin) {
      const source = createReadStream(input.file, { start: input.start });
      source.on('error', (error) => child.kill() && reject(error));
      // A tool that stops reading early reports why on stderr; the broken pipe is not the news.
      child.stdin.on('error', () => undefined);
      source.pipe(child.stdin);
    }
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const name = tool.path.split('/').pop() ?? tool.path;
        reject(
          new AppError(
            'INTERNAL',
            `${name} failed (exit ${code ?? 'signal'}): ${stderr.trim().slice(0, 2000)}`,
            { tool: tool.path },
          ),
        );
      }
    });
  });
}

/** pg_dump in custom format into `file`, reading the snapshot a transaction exported (if any). */
export function pgDump(
  tool: FoundTool,
  url: string,
  file: string,
  snapshot?: string,
): Promise<void> {
  const args = ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`];
  if (snapshot) args.push(`--snapshot=${snapshot}`);
  return runTool(tool, args, url);
}

/** pg_restore of a custom-format dump read from `file` at `start`, all or nothing. */
export function pgRestore(
  tool: FoundTool,
  url: string,
  input: { file: string; start: number },
): Promise<void> {
  return runTool(
    tool,
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'],
    url,
    input,
  );
}
