import type { OpenAPIHono } from '@hono/zod-openapi';
import { placeSettingsSchema, putPlaceSettingsSchema } from '../../shared/api/settings.ts';
import {
  getPlaceSettings,
  savePlaceSettings,
} from '../../services/settings/place-settings.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { currentUser, defineRoute, json } from '../route-registry.ts';

const getPlaceRoute = defineRoute({
  method: 'get',
  path: '/api/settings/place',
  permission: 'settings:manage',
  tags: ['Settings'],
  summary: 'The stored home region and default chain, and those in force',
  responses: { 200: { description: 'The settings', content: json(placeSettingsSchema) } },
});

const putPlaceRoute = defineRoute({
  example: { body: { homeRegion: '3202', defaultChain: 'biomed' } },
  method: 'put',
  path: '/api/settings/place',
  permission: 'settings:manage',
  tags: ['Settings'],
  summary: 'Store the home region and default chain (a serve flag or env variable still wins)',
  request: { body: { content: json(putPlaceSettingsSchema), required: true } },
  responses: { 200: { description: 'The settings now', content: json(placeSettingsSchema) } },
});

export function registerSettingsRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  const flags = { homeRegion: deps.homeRegion, defaultChain: deps.defaultChain };
  app.openapi(getPlaceRoute, async (c) => c.json(await getPlaceSettings(db, flags), 200));
  app.openapi(putPlaceRoute, async (c) => {
    const user = currentUser(c);
    const saved = await savePlaceSettings(
      db,
      { id: user.id, name: user.username },
      flags,
      c.req.valid('json'),
    );
    return c.json(saved, 200);
  });
}
