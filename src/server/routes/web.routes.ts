import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { plainRoute, type PlainRoutePermissions } from '../route-registry.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite names built assets by their content hash: a changed file gets a new name, so browsers may
// keep these for a year. index.html is asked for every time so it always names the current ones.
const HASHED = { 'cache-control': 'public, max-age=31536000, immutable' };
const REVALIDATE = { 'cache-control': 'no-cache' };

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>chainlead</title></head>
<body style="font-family: sans-serif; margin: 3rem">
<h1>chainlead</h1>
<p>The web app is not built. Run <code>npm run build:web</code> (or <code>npm start</code>,
which builds it when needed), then reload.</p>
<p>网页应用尚未构建：请运行 <code>npm run build:web</code>，然后刷新本页。</p>
<p>The API and its documentation: <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;

async function fileIn(root: string, urlPath: string): Promise<string | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = resolve(join(root, relative));
  // Refuse anything that climbs out of the web folder (/../ or an encoded %2e%2e).
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built web app (`deps.webDist`, Vite's output) at `/`: its files, and index.html for
 * any other path outside /api so the app's own routes survive a reload. Without a build, `/`
 * says how to make one.
 */
export function registerWebRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  registry: PlainRoutePermissions,
): void {
  const root = deps.webDist ? resolve(deps.webDist) : null;
  const index = root ? join(root, 'index.html') : null;
  plainRoute(app, registry, 'GET', '/*', 'public', async (c) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return c.notFound();
    if (!root || !index || !existsSync(index)) {
      return path === '/' ? c.html(NOT_BUILT_PAGE, 200, REVALIDATE) : c.notFound();
    }
    const file = path === '/' ? null : await fileIn(root, path);
    if (file) {
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      const cache = path.startsWith('/assets/') ? HASHED : REVALIDATE;
      return c.body(await readFile(file), 200, { 'content-type': type, ...cache });
    }
    // A missing file (a name with an extension) is a 404; any other path is the app's own route.
    if (extname(path) !== '') return c.text(`No file ${path}.`, 404);
    return c.html(await readFile(index, 'utf8'), 200, REVALIDATE);
  });
}
