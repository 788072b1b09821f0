import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { plainRoute, type PlainRoutePermissions } from '../route-registry.ts';

const require = createRequire(import.meta.url);

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>chainlead API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, withCredentials: true,
});`;

/** The OpenAPI document and a browsable docs page served from the bundled swagger-ui-dist. */
export function registerDocsRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: AppDeps,
  registry: PlainRoutePermissions,
): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'chainlead_session',
    description: 'Set by POST /api/auth/login.',
  });
  let document: unknown = null;
  plainRoute(app, registry, 'GET', '/api/openapi.json', 'public', (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'chainlead API',
        version: deps.version,
        description:
          'Run a regional industry chain: chains and nodes, enterprises, parks. Sign in with ' +
          'POST /api/auth/login; the session cookie authorises the rest. Errors are ' +
          '{"error": {"code", "message", "details"}}. Each operation names the permission it ' +
          'needs in x-permission.',
      },
    });
    return c.json(document);
  });
  const assets = dirname(require.resolve('swagger-ui-dist/package.json'));
  const css = readFileSync(join(assets, 'swagger-ui.css'));
  const bundle = readFileSync(join(assets, 'swagger-ui-bundle.js'));
  const cacheable = { 'cache-control': 'public, max-age=86400' };
  plainRoute(app, registry, 'GET', '/api/docs', 'public', (c) => c.html(DOCS_PAGE));
  plainRoute(app, registry, 'GET', '/api/docs/swagger-ui.css', 'public', (c) =>
    c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', ...cacheable }),
  );
  plainRoute(app, registry, 'GET', '/api/docs/swagger-ui-bundle.js', 'public', (c) =>
    c.body(bundle, 200, { 'content-type': 'text/javascript; charset=utf-8', ...cacheable }),
  );
  plainRoute(app, registry, 'GET', '/api/docs/init.js', 'public', (c) =>
    c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
}
