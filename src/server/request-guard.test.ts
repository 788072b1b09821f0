import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import { startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';
import { inputErrorFromDatabase, serverErrorLogLine } from './http-errors.ts';
import { JSON_BODY_LIMIT_BYTES } from './request-guard.ts';

/** The error's per-field details, as the API promises them: a list of { field, message }. */
function fieldDetails(body: ErrorResponse): { field: string; message: string }[] {
  return body.error.details as { field: string; message: string }[];
}

describe(`the guards every API request passes (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp());
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives every answer a request id', async () => {
    const response = await app.request('/api/health');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('refuses a body past the limit before parsing it, even to the unauthenticated login', async () => {
    const padding = 'x'.repeat(JSON_BODY_LIMIT_BYTES + 10);
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: padding }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorResponse).error.code).toBe('REQUEST_TOO_LARGE');
  });

  it('refuses a body nested thousands of levels deep with a 400, not a crash', async () => {
    const deep = `{"username":${'['.repeat(8000)}${']'.repeat(8000)},"password":"x"}`;
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorResponse;
    expect(fieldDetails(body)).toEqual([
      { field: '(body)', message: 'nests more than 64 levels deep' },
    ]);
    // A NUL deep inside an ordinary body is still found and named.
    const nul = await admin.request('POST', '/api/problems', {
      title: 'x',
      extra: [{ a: [{ b: 'bad\u0000text' }] }],
    });
    expect(nul.status).toBe(400);
    expect(fieldDetails((await nul.json()) as ErrorResponse)[0]?.field).toBe('extra.0.a.0.b');
  });

  it('counts the bytes of a chunked body that declares no length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > JSON_BODY_LIMIT_BYTES * 2) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    });
    expect(response.status).toBe(413);
  });

  it('names the query parameter that holds a NUL character', async () => {
    const { status, body } = await admin.json<ErrorResponse>('GET', '/api/enterprises?q=%00');
    expect(status).toBe(400);
    expect(fieldDetails(body)).toHaveLength(1);
    expect(fieldDetails(body)[0]).toMatchObject({ field: 'q' });
    expect(fieldDetails(body)[0]?.message).toMatch(/NUL/);
  });

  it('names the body field that holds a lone surrogate, however deep', async () => {
    const { status, body } = await admin.json<ErrorResponse>('POST', '/api/users', {
      username: 'someone',
      password: 'long-enough-password',
      role: 'office',
      note: { inner: ['fine', 'broken \ud800 text'] },
    });
    expect(status).toBe(400);
    expect(fieldDetails(body)).toHaveLength(1);
    expect(fieldDetails(body)[0]).toMatchObject({ field: 'note.inner.1' });
    expect(fieldDetails(body)[0]?.message).toMatch(/surrogate/);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorResponse).error.details).toEqual([
      { field: '(body)', message: 'is not valid JSON' },
    ]);
  });

  it('answers 400 to an id past the column range in the path', async () => {
    const { status, body } = await admin.json<ErrorResponse>('GET', '/api/enterprises/2147483648');
    expect(status).toBe(400);
    expect(JSON.stringify(body.error.details)).toMatch(/id/);
  });

  it('takes ids and numbers in paths and queries as plain digits only', async () => {
    for (const id of ['1e0', '0x1', '01', '%201', '1.0']) {
      const { status, body } = await admin.json<ErrorResponse>('GET', `/api/enterprises/${id}`);
      expect(status, id).toBe(400);
      expect(fieldDetails(body)[0]?.field, id).toBe('id');
    }
    // Plain digits pass the check (no such enterprise here: 404, not 400).
    expect((await admin.request('GET', '/api/enterprises/1')).status).toBe(404);
    const page = await admin.json<ErrorResponse>('GET', '/api/enterprises?page=2e0');
    expect(page.status).toBe(400);
    expect(fieldDetails(page.body)[0]?.field).toBe('page');
  });

  it('takes ids in a JSON body as numbers only, and refuses the year 0', async () => {
    for (const departmentId of ['2', true, [2]]) {
      const { status, body } = await admin.json<ErrorResponse>('PATCH', '/api/problems/1', {
        departmentId,
      });
      expect(status, JSON.stringify(departmentId)).toBe(400);
      expect(fieldDetails(body)[0]?.field).toBe('departmentId');
    }
    const { status, body } = await admin.json<ErrorResponse>(
      'GET',
      '/api/problems?receivedFrom=0000-01-01',
    );
    expect(status).toBe(400);
    expect(fieldDetails(body)[0]?.field).toBe('receivedFrom');
  });

  it('names the field of the shape a request came closest to, where a body may take two shapes', async () => {
    const { status, body } = await admin.json<ErrorResponse>(
      'POST',
      '/api/projects/1/reservations',
      { spaceId: '29', areaM2: 500 },
    );
    expect(status).toBe(400);
    expect(fieldDetails(body).map((d) => d.field)).toEqual(['spaceId']);
    const huge = await admin.json<ErrorResponse>('POST', '/api/projects/1/reservations', {
      spaceId: 29,
      areaM2: 1e12,
    });
    expect(fieldDetails(huge.body).map((d) => d.field)).toEqual(['areaM2']);
  });

  it('refuses a target past what its column holds, naming it', async () => {
    const { status, body } = await admin.json<ErrorResponse>('PUT', '/api/chains/biomed/targets', {
      region: '3202',
      year: 2025,
      valueYuan: 1e300,
    });
    expect(status).toBe(400);
    expect(fieldDetails(body).map((d) => d.field)).toEqual(['valueYuan']);
  });
});

describe('database refusals caused by input', () => {
  const pgError = (code: string) =>
    Object.assign(new Error('insert into "user" values ($1) -- params: secret-hash'), { code });

  it('turns out-of-range values and broken references into 400, duplicates into 409', () => {
    expect(inputErrorFromDatabase(pgError('22003'))?.code).toBe('VALIDATION_FAILED');
    expect(inputErrorFromDatabase(pgError('22007'))?.code).toBe('VALIDATION_FAILED');
    expect(inputErrorFromDatabase(pgError('23503'))?.code).toBe('VALIDATION_FAILED');
    expect(inputErrorFromDatabase(pgError('23505'))?.code).toBe('CONFLICT');
    // looked up through the query builder's wrapper
    const wrapped = Object.assign(new Error('Failed query'), { cause: pgError('22P02') });
    expect(inputErrorFromDatabase(wrapped)?.code).toBe('VALIDATION_FAILED');
    expect(inputErrorFromDatabase(pgError('53100'))).toBeNull();
    expect(inputErrorFromDatabase(new TypeError('x is undefined'))).toBeNull();
  });

  it('logs a server error with its request id and route but never the query parameters', () => {
    const line = serverErrorLogLine(pgError('53100'), {
      requestId: 'abcd1234',
      method: 'POST',
      route: '/api/users',
    });
    const logged = JSON.parse(line) as Record<string, unknown>;
    expect(logged).toMatchObject({ requestId: 'abcd1234', route: '/api/users', sqlState: '53100' });
    expect(line).not.toMatch(/secret-hash/);
  });
});
