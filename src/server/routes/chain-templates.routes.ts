import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  templateLoadPlanSchema,
  templateUploadQuerySchema,
  templateUploadSchema,
} from '../../shared/api/templates.ts';
import {
  loadChainTemplate,
  parseChainTemplate,
} from '../../services/reference/chain-templates.service.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { readUpload } from '../upload.ts';
import { currentUser, defineRoute, json, multipartBody, openapiUpload } from '../route-registry.ts';

/** A template is a few hundred kilobytes at most; more is not a template. */
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

const EXAMPLE_TEMPLATE = `code: example
version: 1
name: { zh: 示例产业链, en: Example chain }
industryScheme: GB/T 4754-2017
stages:
  - code: example.up
    name: { zh: 上游, en: Upstream }
    nodes:
      - code: example.up.parts
        name: { zh: 零部件, en: Parts }
        rules:
          industryCodes: ['3484']
          scope: { zh: [零部件], en: [parts] }
          products: { zh: [轴承], en: [bearings] }
          names: { zh: [], en: [] }
`;

const uploadTemplateRoute = defineRoute({
  example: {
    query: { dryRun: 'true' },
    upload: { fileName: 'example.yaml', text: EXAMPLE_TEMPLATE },
    note: 'A dry run: says the chain would be created, changes nothing.',
  },
  method: 'post',
  path: '/api/chains/templates',
  permission: 'template:manage',
  tags: ['Chains'],
  summary: 'Upload a chain template (YAML or JSON): check it, dry-run it, or load it',
  description:
    'Validates the file with the messages of `chainlead template check` (400 TEMPLATE_INVALID, ' +
    'details.problems by node and field). With dryRun=true answers what loading would do: nodes ' +
    'added and removed and, for each rename, split, merge or retirement its revision declares, ' +
    'every placement, target, project, problem, supervision item, leader activity and park focus ' +
    'that moves and where, with the problems that would refuse it. Without dryRun loads it in ' +
    'one transaction (audited), or refuses with 400 TEMPLATE_INVALID naming node and field.',
  request: { query: templateUploadQuerySchema, body: multipartBody(templateUploadSchema) },
  responses: {
    200: {
      description: 'The plan (dry run) or what was done',
      content: json(templateLoadPlanSchema),
    },
  },
});

export function registerChainTemplateRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const db = deps.database.db;
  openapiUpload(app, uploadTemplateRoute, async (c) => {
    const dryRun = c.req.valid('query').dryRun === 'true';
    const upload = await readUpload(c, {
      maxBytes: MAX_TEMPLATE_BYTES,
      defaultName: 'template.yaml',
      form: templateUploadSchema,
    });
    const text = new TextDecoder().decode(await upload.allBytes());
    const loaded = parseChainTemplate(text, upload.fileName || 'template.yaml');
    const user = currentUser(c);
    const plan = await loadChainTemplate(
      db,
      loaded,
      { id: user.id, name: user.username },
      {
        dryRun,
      },
    );
    return c.json(plan, 200);
  });
}
