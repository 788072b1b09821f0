// Run by `npm start` (prestart): builds the web app into web/dist when it is missing or older than
// its sources, so a fresh clone serves the app after `npm install && npm start`. Quick otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'web', 'dist', 'index.html');
const sources = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'src/shared',
  'package-lock.json',
].map((path) => join(root, path));

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestChange));
if (builtAt >= changedAt && !process.argv.includes('--force')) process.exit(0);

const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (!existsSync(vite)) {
  console.warn(
    'The web app is not built and Vite is not installed (were dev dependencies omitted?).\n' +
      'Run `npm install` then `npm run build:web`; until then / says how and the API works.',
  );
  process.exit(0);
}
console.log(
  builtAt ? 'Web app sources changed: rebuilding web/dist…' : 'Building the web app (web/dist)…',
);
// Always a production build: called from a test runner, NODE_ENV is `test`, and Vite would then
// bundle React's development build (a third more JavaScript, and slower).
const result = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (result.status !== 0) {
  console.error('Building the web app failed (see above); fix it or run `npm run build:web`.');
  process.exit(result.status ?? 1);
}
console.log('Built the web app.');
