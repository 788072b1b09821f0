import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { loadDemo } from '../services/demo/demo.service.ts';
import { startTestApp } from '../test-support/api-app.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';
import type { RouteExample } from './route-registry.ts';

// Every operation of the OpenAPI document, on the demo database: first its declared example,
// which must succeed; then the same request with an unknown field or parameter, which must be a
// 400 naming it; then malformed variants of every body property, path and query parameter, as
// the admin and without a session, none of which may answer 5xx or drop the connection.

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown; default?: unknown };
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  bodyType: string | null;
  bodyProperties: string[];
  example: RouteExample | undefined;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface JsonSchema {
  $ref?: string;
  properties?: Record<string, unknown>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** The values put in place of one property or parameter: each must be refused or handled. */
const BAD_VALUES: readonly unknown[] = [
  '\u0000',
  'broken \ud800 text',
  '2024-02-30',
  '9999-99-99',
  2_147_483_648,
  -1,
  1e308,
  'x'.repeat(20_000),
  { nested: true },
  [1, 2],
  true,
  null,
];

/** The same for a path or query parameter (text in a URL). */
const BAD_PARAMETER_TEXTS: readonly string[] = [
  '%00',
  '%ED%A0%80',
  '2147483648',
  '-1',
  '1e308',
  'abc',
  '2024-02-30',
  '9999-99-99',
  '..',
  '%2e%2e%2f',
  'x'.repeat(3_000),
];

/** Upload names that must never become paths, and a name with a NUL in it. */
const BAD_FILE_NAMES: readonly string[] = ['.', '..', '../../etc/passwd', 'a\u0000b.csv', ''];

function propertiesOf(document: OpenApiDocument, schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const resolved = schema.$ref
    ? document.components?.schemas?.[schema.$ref.split('/').pop() ?? '']
    : schema;
  if (!resolved) return [];
  const options = resolved.anyOf ?? resolved.oneOf;
  if (options) return [...new Set(options.flatMap((option) => propertiesOf(document, option)))];
  return Object.keys(resolved.properties ?? {});
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
        ?.content;
      const bodyType = content ? (Object.keys(content)[0] ?? null) : null;
      return {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        bodyType,
        bodyProperties: bodyType ? propertiesOf(document, content?.[bodyType]?.schema) : [],
        example: op['x-example'] as RouteExample | undefined,
      };
    }),
  );
}

const label = (op: Operation) => `${op.method} ${op.path}`;

/**
 * The example's value of a parameter, or the parameter's own documented example where the
 * parameter must be sent (an optional query parameter is sent only when the example says so).
 */
function exampleValue(op: Operation, parameter: Parameter): string | number | boolean | undefined {
  const declared = parameter.in === 'path' ? op.example?.params : op.example?.query;
  const value = declared?.[parameter.name];
  if (value !== undefined || (parameter.in === 'query' && !parameter.required)) return value;
  return (parameter.example ?? parameter.schema?.example) as string | number | undefined;
}

/** The URL of an operation with its example's parameters, one of them replaced by `override`. */
function urlOf(
  op: Operation,
  override?: { name: string; text: string },
  extraQuery = '',
  resolved: Record<string, string | number> = {},
): string {
  let path = op.path;
  const query: string[] = [];
  for (const parameter of op.parameters) {
    const isOverride = override?.name === parameter.name;
    const value = resolved[parameter.name] ?? exampleValue(op, parameter);
    if (parameter.in === 'path') {
      const text = isOverride ? override.text : encodeURIComponent(String(value));
      path = path.replace(`{${parameter.name}}`, text);
    } else if (parameter.in === 'query') {
      if (isOverride) query.push(`${parameter.name}=${override.text}`);
      else if (value !== undefined) {
        query.push(`${parameter.name}=${encodeURIComponent(String(value))}`);
      }
    }
  }
  if (extraQuery) query.push(extraQuery);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

function uploadForm(
  fields: Record<string, string>,
  file: { name: string; text: string } | null,
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([file.text]), file.name);
  return form;
}

/** The example's body as the operation takes it (JSON text or a form), or none. */
function exampleBody(op: Operation): { body: RequestBody; contentType?: string } {
  if (op.bodyType === 'multipart/form-data' && op.example?.upload) {
    const { fields = {}, fileName, text } = op.example.upload;
    return { body: uploadForm(fields, { name: fileName, text }) };
  }
  if (op.bodyType === 'application/json') {
    return { body: JSON.stringify(op.example?.body ?? {}), contentType: 'application/json' };
  }
  return { body: undefined };
}

/**
 * Examples run in the document's order (a record is made before it is read), but for signing in
 * first, and removals and signing out last.
 */
function runOrder(op: Operation): number {
  if (op.path === '/api/auth/login') return -1;
  if (op.path === '/api/auth/logout') return 2;
  return op.method === 'DELETE' ? 1 : 0;
}

/** Whether a request cannot be made without an example: a body, or a parameter with no example. */
function needsExample(op: Operation): boolean {
  const unexampled = op.parameters.some(
    (p) => (p.in === 'path' || p.required) && exampleValue(op, p) === undefined,
  );
  return op.bodyType !== null || unexampled;
}

type RequestBody = RequestInit['body'];

interface Outcome {
  request: string;
  status: number | 'dropped';
  detail: string;
}

const MALFORMED_TIMEOUT_MS = testDatabaseKind() === 'citus' ? 3_600_000 : 600_000;

describe(`every API operation, fuzzed from the OpenAPI document (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let operations: Operation[];
  const serverErrors: Outcome[] = [];
  let sent = 0;

  /** Sends one request and keeps any 5xx or dropped connection; the body is read to the end. */
  async function send(
    client: ApiClient,
    method: string,
    url: string,
    body: RequestBody,
    contentType?: string,
  ): Promise<{ status: number; text: string }> {
    sent += 1;
    const request = `${method} ${url.slice(0, 200)}`;
    try {
      const response = await client.requestRaw(method, url, body, contentType);
      const text = await response.text();
      if (response.status >= 500)
        serverErrors.push({ request, status: response.status, detail: text });
      return { status: response.status, text };
    } catch (error) {
      serverErrors.push({ request, status: 'dropped', detail: String(error) });
      return { status: 0, text: '' };
    }
  }

  async function waitForJob(url: string): Promise<void> {
    for (let tries = 0; tries < 600; tries += 1) {
      const { body } = await admin.json<{ status: string }>('GET', url);
      if (body.status !== 'running' && body.status !== 'queued') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${url} did not finish`);
  }

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp((db) =>
      loadDemo(db.db, { id: null, name: 'test' }),
    ));
    const response = await app.request('/api/openapi.json');
    operations = operationsOf((await response.json()) as OpenApiDocument);
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('declares an example for every operation', () => {
    const missing = operations.filter((op) => !op.example && needsExample(op)).map(label);
    expect(missing).toEqual([]);
    const uploadsWithoutFile = operations
      .filter((op) => op.bodyType === 'multipart/form-data' && !op.example?.upload)
      .map(label);
    expect(uploadsWithoutFile).toEqual([]);
  });

  it("answers every operation's example with success, in the session its own login opens", async () => {
    // The auth examples sign in a demo user, change its password and sign out: they get their own
    // session so the admin's stays open for the rest.
    const ownSession = new ApiClient(app);
    const failures: string[] = [];
    const ordered = [...operations].sort((a, b) => runOrder(a) - runOrder(b));
    for (const op of ordered) {
      let client = op.path.startsWith('/api/auth/') ? ownSession : admin;
      if (op.example?.as) {
        client = new ApiClient(app);
        await client.login(op.example.as.username, op.example.as.password);
      }
      const resolved: Record<string, number> = {};
      for (const [name, list] of Object.entries(op.example?.paramsFrom ?? {})) {
        const { body } = await client.json<{ items: { id: number }[] }>('GET', list);
        resolved[name] = body.items[0]?.id ?? 0;
      }
      const { body, contentType } = exampleBody(op);
      const url = urlOf(op, undefined, '', resolved);
      const { status, text } = await send(client, op.method, url, body, contentType);
      if (status < 200 || status >= 300) {
        failures.push(`${label(op)} → ${status} ${text.slice(0, 300)}`);
      }
      // Work accepted as a job (202) is followed to its end, as its caller would.
      if (status === 202) await waitForJob(`${op.path}/${(JSON.parse(text) as { id: number }).id}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('refuses an unknown body field or query parameter with 400 naming it', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const { body, contentType } = exampleBody(op);
      const unexpected = urlOf(op, undefined, 'unexpectedParameter=1');
      const withParameter = await send(admin, op.method, unexpected, body, contentType);
      if (withParameter.status !== 400 || !withParameter.text.includes('unexpectedParameter')) {
        failures.push(`${label(op)} ?unexpectedParameter → ${withParameter.status}`);
      }
      let withField: { status: number; text: string } | null = null;
      if (op.bodyType === 'application/json' && op.example?.body !== undefined) {
        const body = JSON.stringify({ ...(op.example.body as object), unexpectedField: 1 });
        withField = await send(admin, op.method, urlOf(op), body, 'application/json');
      } else if (op.bodyType === 'multipart/form-data' && op.example?.upload) {
        const { fields = {}, fileName, text } = op.example.upload;
        const form = uploadForm({ ...fields, unexpectedField: '1' }, { name: fileName, text });
        withField = await send(admin, op.method, urlOf(op), form);
      }
      if (withField && (withField.status !== 400 || !withField.text.includes('unexpectedField'))) {
        failures.push(`${label(op)} {unexpectedField} → ${withField.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it(
    'answers no malformed request with 5xx or a dropped connection, signed in or not',
    async () => {
      const anonymous = new ApiClient(app);
      for (const client of [admin, anonymous]) {
        for (const op of operations) {
          if (op.path === '/api/auth/logout') continue;
          const base = exampleBody(op);
          // The body: not JSON, not an object, and each property replaced by each bad value.
          if (op.bodyType === 'application/json') {
            for (const raw of ['{"', '[]', '"text"', 'null', '{"a":1}{"b":2}']) {
              await send(client, op.method, urlOf(op), raw, 'application/json');
            }
            await send(client, op.method, urlOf(op), 'a=1', 'text/plain');
            const example = (op.example?.body ?? {}) as Record<string, unknown>;
            for (const property of op.bodyProperties) {
              for (const value of BAD_VALUES) {
                const body = JSON.stringify({ ...example, [property]: value });
                await send(client, op.method, urlOf(op), body, 'application/json');
              }
            }
          }
          if (op.bodyType === 'multipart/form-data') {
            const { fields = {}, text = 'a,b\n1,2\n' } = op.example?.upload ?? {};
            for (const name of BAD_FILE_NAMES) {
              await send(client, op.method, urlOf(op), uploadForm(fields, { name, text }));
            }
            await send(client, op.method, urlOf(op), uploadForm(fields, null));
            await send(
              client,
              op.method,
              urlOf(op),
              uploadForm(fields, { name: 'e.csv', text: '' }),
            );
            await send(
              client,
              op.method,
              urlOf(op),
              '--x\r\nbroken',
              'multipart/form-data; boundary=x',
            );
            for (const field of Object.keys(fields)) {
              for (const bad of ['\u0000', 'x'.repeat(3_000), '2024-02-30']) {
                const form = uploadForm({ ...fields, [field]: bad }, { name: 'f.csv', text });
                await send(client, op.method, urlOf(op), form);
              }
            }
          }
          // Each path and query parameter replaced by each bad text.
          for (const parameter of op.parameters) {
            if (parameter.in !== 'path' && parameter.in !== 'query') continue;
            for (const text of BAD_PARAMETER_TEXTS) {
              const url = urlOf(op, { name: parameter.name, text });
              await send(
                client,
                op.method,
                url,
                base.body instanceof FormData ? undefined : base.body,
                base.contentType,
              );
            }
          }
        }
      }
      console.log(
        `API fuzz: ${operations.length} operations, ${sent} requests, ${serverErrors.length} answered 5xx or dropped`,
      );
      expect(
        serverErrors.map((e) => `${e.request} → ${e.status} ${e.detail.slice(0, 200)}`),
      ).toEqual([]);
      // Some thousands of requests: on a Citus cluster sharing two cores each is several times slower.
    },
    MALFORMED_TIMEOUT_MS,
  );
});
