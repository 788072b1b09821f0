// Loads chainlead's TypeScript sources compiled by esbuild into one file per entry, and compiles
// them again (about half a second) whenever any source file they were built from has changed.
//
// Why: through tsx's loader every one of the ~750 modules a command loads crosses to tsx's loader
// thread and back, so `chainlead --help` took 1.6 s on a quiet machine before it did anything;
// from the compiled file it takes about half that, and every scripted command and test run pays
// it. Nothing to run between a clone and a start: the first command compiles. Where compiling is
// not possible (a read-only folder) the sources run through tsx as before; CHAINLEAD_SOURCES=tsx
// forces that.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// A folder per checkout: worktrees that share one node_modules (a symlink) must not run each
// other's compiled sources.
const CACHE = join(
  ROOT,
  'node_modules',
  '.cache',
  'chainlead',
  createHash('sha256').update(ROOT).digest('hex').slice(0, 16),
);
/** The entries compiled together; a process imports one of them. */
const ENTRIES = {
  cli: 'src/cli/main.ts',
  'record-worker': 'src/services/import/record-worker.ts',
};
/** Changes when the way of compiling changes, so files compiled the old way are not reused. */
const FORMAT = 2;
const META = join(CACHE, 'sources.json');

/** Imports an entry's module: compiled when possible, else through tsx. */
export async function importSources(entry) {
  if (process.env.CHAINLEAD_SOURCES !== 'tsx') {
    const compiled = freshCompiled(entry) ?? (await compile(entry));
    // With a source map beside it: `node --enable-source-maps` names the .ts lines in stack
    // traces (always reading the map would cost 0.2 s a start).
    if (compiled) return import(pathToFileURL(compiled).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(ROOT, ENTRIES[entry])).href);
}

function outputOf(entry) {
  return join(CACHE, `${entry}.mjs`);
}

/** The compiled file when every source it was built from is unchanged, else null. */
function freshCompiled(entry) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(META, 'utf8'));
  } catch {
    return null;
  }
  if (meta.format !== FORMAT || meta.root !== ROOT) return null;
  for (const [path, mtimeMs, size] of meta.inputs) {
    try {
      const stat = statSync(join(ROOT, path));
      if (stat.mtimeMs !== mtimeMs || stat.size !== size) return null;
    } catch {
      return null;
    }
  }
  return outputOf(entry);
}

/**
 * Compiles every entry; returns the entry's file, or null when compiling is not possible here.
 * Concurrent processes may compile at once: each writes its own temporary files and renames
 * them into place, outputs before the list of sources, so a reader never pairs a new list with
 * an old output.
 */
async function compile(entry) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
    mkdirSync(CACHE, { recursive: true });
  } catch {
    return null;
  }
  const names = Object.keys(ENTRIES);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(names.map((name) => [name, ENTRIES[name]])),
    outdir: CACHE,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node 20.10 reads `with { type: 'json' }`; esbuild's node20 target would drop it.
    supported: { 'import-attributes': true },
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [sourceFileUrls],
  });
  // Source maps first, then the outputs, then the list of sources.
  const files = [...result.outputFiles].sort((a, b) => b.path.endsWith('.map') - a.path.endsWith('.map'));
  for (const file of files) writeInPlace(file.path, file.contents);
  const inputs = Object.keys(result.metafile.inputs).map((path) => {
    const stat = statSync(join(ROOT, path));
    return [path, stat.mtimeMs, stat.size];
  });
  writeInPlace(META, JSON.stringify({ format: FORMAT, root: ROOT, inputs }));
  return outputOf(entry);
}

function writeInPlace(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Sources find their files next to themselves (`new URL('./migrations', import.meta.url)`); in
 * one compiled file `import.meta.url` (and `.filename`, `.dirname`) would name the cache instead,
 * so each source's own is written in its place.
 */
const sourceFileUrls = {
  name: 'source-file-urls',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.')) return undefined;
      const own = {
        url: pathToFileURL(args.path).href,
        filename: args.path,
        dirname: dirname(args.path),
      };
      return {
        contents: source.replace(
          /\bimport\.meta\.(url|filename|dirname)\b/g,
          (_, property) => JSON.stringify(own[property]),
        ),
        loader: args.path.endsWith('ts') ? 'ts' : 'js',
      };
    });
  },
};
