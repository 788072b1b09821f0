// bin/compiled-sources.js in a small project of its own: two entries that stand in for the CLI
// and the import's worker, run in fresh processes as `chainlead` runs them.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
let root = '';

function write(path: string, text: string, at = root): void {
  mkdirSync(dirname(join(at, path)), { recursive: true });
  writeFileSync(join(at, path), text);
}

/** Imports an entry in a new process; prints what its `describe()` returns. */
function run(entry: string, env: Record<string, string> = {}, at = root): string {
  const script =
    `const { importSources } = await import('./bin/compiled-sources.js');` +
    `const entry = await importSources(${JSON.stringify(entry)});` +
    `console.log(entry.describe());`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: at,
    env: { ...process.env, CHAINLEAD_SOURCES: '', ...env },
    encoding: 'utf8',
  }).trim();
}

/** The checkout's folder of compiled files (one per checkout). */
function cache(): string {
  const folders = join(root, 'node_modules', '.cache', 'chainlead');
  const [only, ...more] = readdirSync(folders);
  expect(more).toEqual([]);
  return join(folders, only ?? '');
}

/** A small project: bin/compiled-sources.js, a CLI entry and a worker entry. */
function makeProject(at: string, greeting: string): void {
  mkdirSync(join(at, 'bin'), { recursive: true });
  copyFileSync(join(REPO, 'bin', 'compiled-sources.js'), join(at, 'bin', 'compiled-sources.js'));
  write('package.json', JSON.stringify({ type: 'module' }), at);
  write('src/shared/greeting.ts', `export const greeting: string = '${greeting}';\n`, at);
  // A source that finds a file next to itself, as the migrations and templates are found.
  write('src/cli/notes.txt', 'beside main.ts', at);
  write(
    'src/cli/main.ts',
    `import { readFileSync } from 'node:fs';\n` +
      `import { greeting } from '../shared/greeting.ts';\n` +
      `const notes = readFileSync(new URL('./notes.txt', import.meta.url), 'utf8');\n` +
      `if (readFileSync(import.meta.dirname + '/' + 'notes.txt', 'utf8') !== notes) throw new Error('dirname');\n` +
      `if (!import.meta.filename.endsWith('main.ts')) throw new Error('filename');\n` +
      `export const describe = (): string => \`cli \${greeting} \${notes} \${new Error().stack?.includes('cli.mjs') ? 'compiled' : 'source'}\`;\n`,
    at,
  );
  write(
    'src/services/import/record-worker.ts',
    `import { greeting } from '../../shared/greeting.ts';\n` +
      `export const describe = (): string => \`worker \${greeting}\`;\n`,
    at,
  );
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'chainlead-compiled-sources-'));
  mkdirSync(join(root, 'node_modules'));
  for (const name of ['esbuild', 'tsx']) {
    symlinkSync(join(REPO, 'node_modules', name), join(root, 'node_modules', name), 'dir');
  }
  makeProject(root, 'first');
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('compiled sources', () => {
  it('compiles every entry on first use and reads files next to their sources', () => {
    expect(run('cli')).toBe('cli first beside main.ts compiled');
    for (const file of ['cli.mjs', 'cli.mjs.map', 'record-worker.mjs', 'sources.json']) {
      expect(existsSync(join(cache(), file)), file).toBe(true);
    }
    const inputs = (JSON.parse(readFileSync(join(cache(), 'sources.json'), 'utf8')) as {
      inputs: [string, number, number][];
    }).inputs.map(([path]) => path);
    expect(inputs).toEqual(
      expect.arrayContaining(['src/cli/main.ts', 'src/shared/greeting.ts']),
    );
    expect(run('record-worker')).toBe('worker first');
  });

  it('reuses the compiled file while no source changed', () => {
    run('cli');
    // A compiled file changed by hand is used as it is: nothing was compiled again.
    const compiled = join(cache(), 'cli.mjs');
    writeFileSync(compiled, readFileSync(compiled, 'utf8').replace(`"first"`, `"kept"`));
    expect(run('cli')).toBe('cli kept beside main.ts compiled');
  });

  it('compiles again when any source the entries were built from changed', () => {
    write('src/shared/greeting.ts', `export const greeting: string = 'second';\n`);
    expect(run('cli')).toBe('cli second beside main.ts compiled');
    expect(run('record-worker')).toBe('worker second');
  });

  it('keeps apart checkouts that share one node_modules', () => {
    const other = join(root, 'worktree');
    makeProject(other, 'other');
    symlinkSync(join(root, 'node_modules'), join(other, 'node_modules'), 'dir');
    expect(run('cli', {}, other)).toBe('cli other beside main.ts compiled');
    expect(run('cli')).toBe('cli second beside main.ts compiled');
    // Each checkout's compiled file, changed by hand, stays in use: neither compiles over the other.
    const folders = join(root, 'node_modules', '.cache', 'chainlead');
    for (const folder of readdirSync(folders)) {
      const compiled = join(folders, folder, 'cli.mjs');
      const text = readFileSync(compiled, 'utf8');
      writeFileSync(compiled, text.replace(/"(other|second)"/, '"$1, kept"'));
    }
    for (let round = 0; round < 2; round++) {
      expect(run('cli', {}, other)).toBe('cli other, kept beside main.ts compiled');
      expect(run('cli')).toBe('cli second, kept beside main.ts compiled');
    }
  });

  it('runs the sources through tsx when asked to', () => {
    expect(run('cli', { CHAINLEAD_SOURCES: 'tsx' })).toBe('cli second beside main.ts source');
  });
});
