// A local ESLint rule: sibling folders under src/services must not import each other in a loop.
// For a file in src/services/X it takes each src/services/Y the file imports, follows Y's files'
// import statements from folder to folder (read from disk), and reports the import when the
// trail leads back to X. Loops make folders impossible to understand or move one at a time:
// shared code belongs in a folder of its own that both import.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const SERVICES = `${sep}src${sep}services${sep}`;
const SPECIFIERS =
  /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The services root and folder name of a file in src/services/<folder>/…, else null. */
function serviceFolderOf(file) {
  const at = file.lastIndexOf(SERVICES);
  if (at < 0) return null;
  const rest = file.slice(at + SERVICES.length).split(sep);
  if (rest.length < 2) return null; // a file directly in src/services belongs to no folder
  return { root: file.slice(0, at + SERVICES.length - 1), folder: rest[0] };
}

function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const target = resolve(dirname(fromFile), specifier);
  for (const candidate of [target, `${target}.ts`, join(target, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return target;
}

function sourceFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Tests may reach across folders for fixtures; the loops that matter are in the code.
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Per file: its modification time and the service folders it imports (reread when it changes). */
const fileImports = new Map();

function serviceFoldersImportedBy(file) {
  const mtime = statSync(file).mtimeMs;
  const cached = fileImports.get(file);
  if (cached && cached.mtime === mtime) return cached.folders;
  const folders = [];
  for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIERS)) {
    const target = resolveSpecifier(file, match[1] ?? match[2]);
    const other = target && serviceFolderOf(target);
    if (other) folders.push(other);
  }
  fileImports.set(file, { mtime, folders });
  return folders;
}

/** The sibling folders that the files of src/services/<folder> import. */
function siblingsImportedBy(root, folder) {
  const siblings = new Set();
  for (const file of sourceFiles(join(root, folder))) {
    for (const other of serviceFoldersImportedBy(file)) {
      if (other.root === root && other.folder !== folder) siblings.add(other.folder);
    }
  }
  return siblings;
}

/** A path of folders from `start` back to `goal` through sibling imports, or null. */
function pathBack(root, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    for (const next of siblingsImportedBy(root, folder)) {
      if (previous.has(next)) continue;
      previous.set(next, folder);
      if (next === goal) {
        const path = [goal];
        for (let at = folder; at !== null; at = previous.get(at)) path.unshift(at);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: {
      description: 'Sibling folders under src/services must not import each other in a loop',
    },
    schema: [],
    messages: {
      loop:
        'services/{{from}} imports services/{{to}}, which leads back: {{path}}. Sibling service ' +
        'folders must not form import loops (they could not be read, tested or moved one at a ' +
        'time); move what both need into a folder of its own.',
    },
  },
  create(context) {
    const file = context.filename;
    const here = serviceFolderOf(file);
    if (!here) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const target = resolveSpecifier(file, specifier);
      const there = target && serviceFolderOf(target);
      if (!there || there.root !== here.root || there.folder === here.folder) return;
      const path = pathBack(here.root, there.folder, here.folder);
      if (path) {
        context.report({
          node,
          messageId: 'loop',
          data: {
            from: here.folder,
            to: there.folder,
            path: [here.folder, ...path].join(' → '),
          },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
