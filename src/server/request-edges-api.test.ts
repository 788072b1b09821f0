import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { innovationPlatform, park, project } from '../db/schema.ts';
import { loadDemo } from '../services/demo/demo.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import { startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import { JSON_BODY_LIMIT_BYTES } from './request-guard.ts';

type Detail = { field?: string; message?: string; code?: string; column?: string };

function details(body: ErrorResponse): Detail[] {
  const found = body.error.details as Detail[] | Detail | undefined;
  return Array.isArray(found) ? found : found ? [found] : [];
}

function csvForm(text: string, fields: Record<string, string> = {}, name = 'file.csv'): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new File([text], name, { type: 'text/csv' }));
  return form;
}

// What the API review of 2026-12-07 found: requests a chain office's scripts could send that were
// stored as nonsense, ignored, or refused in the validator's words. Each is refused here as a 400
// or 404 naming the field, in words.
describe(`requests at the edges of what the API takes (${testDatabaseKind()})`, () => {
  let database: Database;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ database, admin } = await startTestApp(async (db) => {
      await loadDemo(db.db, { id: null, name: 'test' });
    }));
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('refuses a body sent to a route that takes none, instead of ignoring what it asked', async () => {
    const refused = await admin.json<ErrorResponse>('POST', '/api/notifications/read-all', {
      ids: [1],
    });
    expect(refused.status).toBe(400);
    expect(details(refused.body)).toEqual([
      { field: '(body)', message: 'this request takes no body; send none' },
    ]);
    expect((await admin.request('POST', '/api/notifications/read-all')).status).toBe(200);
    expect((await admin.request('POST', '/api/notifications/read-all', {})).status).toBe(200);
  });

  it('refuses a JSON body that is not UTF-8, or says it is in another charset', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"title":"caf'), 0xe9, 0x22, 0x7d]);
    const bytes = await admin.requestRaw('PATCH', '/api/parks/1', latin1, 'application/json');
    expect(bytes.status).toBe(400);
    expect(details((await bytes.json()) as ErrorResponse)[0]?.message).toMatch(/not valid UTF-8/);
    const declared = await admin.requestRaw(
      'PATCH',
      '/api/parks/1',
      JSON.stringify({ address: 'x' }),
      'application/json; charset=iso-8859-1',
    );
    expect(declared.status).toBe(400);
    expect(details((await declared.json()) as ErrorResponse)[0]?.message).toMatch(/iso-8859-1/);
  });

  it('closes the connection after refusing a body too large to read', async () => {
    const response = await admin.request('PATCH', '/api/parks/1', {
      address: 'x'.repeat(JSON_BODY_LIMIT_BYTES),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('refuses dates no chain office records or plans, on every route alike', async () => {
    const activity = await admin.json<ErrorResponse>('POST', '/api/leader/activities', {
      chainCode: 'biomed',
      regionCode: '3202',
      kind: 'visit',
      heldOn: '0001-01-01',
      title: '走访',
    });
    expect(activity.status).toBe(400);
    expect(details(activity.body)).toEqual([
      { field: 'heldOn', message: 'must lie between 1900-01-01 and 2100-12-31' },
    ]);
    const supervision = await admin.json<ErrorResponse>('POST', '/api/supervision', {
      title: '协调环评',
      ownerDepartmentId: 2,
      deadline: '9999-12-31',
      chainCode: 'biomed',
      regionCode: '3202',
    });
    expect(supervision.status).toBe(400);
    expect(details(supervision.body)[0]?.field).toBe('deadline');
  });

  it('keeps sums of money to the fen and within range, and counts in whole numbers', async () => {
    // Past 2^53, as a script's JSON may write it: JSON.parse would round it silently.
    const target = await admin.requestRaw(
      'PUT',
      '/api/chains/biomed/targets',
      '{"region":"3202","year":2030,"valueYuan":123456789012345678}',
      'application/json',
    );
    expect(target.status).toBe(400);
    expect(details((await target.json()) as ErrorResponse)[0]).toMatchObject({
      field: 'valueYuan',
    });
    const oldYear = await admin.json<ErrorResponse>('PUT', '/api/chains/biomed/targets', {
      region: '3202',
      year: 1949,
      valueYuan: 1e9,
    });
    expect(details(oldYear.body)[0]).toEqual({ field: 'year', message: 'must be at least 2000' });

    const [first] = await database.db.select({ id: project.id }).from(project).limit(1);
    const capital = await admin.json<ErrorResponse>(
      'POST',
      `/api/projects/${first?.id ?? 0}/capital`,
      { amountYuan: 0.001 },
    );
    expect(capital.status).toBe(400);
    expect(details(capital.body)[0]?.message).toMatch(/fen/);

    const [hub] = await database.db
      .select({ id: innovationPlatform.id })
      .from(innovationPlatform)
      .limit(1);
    const path = `/api/chains/biomed/platforms/${hub?.id ?? 0}/targets`;
    const count = await admin.json<ErrorResponse>('PUT', path, {
      year: 2026,
      metric: 'firms_served',
      target: 1.5,
    });
    expect(count.status).toBe(400);
    expect(details(count.body)).toEqual([
      { field: 'target', message: 'must be a whole number: firms_served is a count' },
    ]);
    const spend = await admin.json('PUT', path, {
      year: 2026,
      metric: 'rd_spend_yuan',
      target: 1234.56,
    });
    expect(spend.status).toBe(200);
  });

  it('refuses what-if project ids the road to target does not have', async () => {
    const road = '/api/chains/biomed/road-to-target?region=3202';
    const tooBig = await admin.json<ErrorResponse>('GET', `${road}&exclude=2147483648`);
    expect(tooBig.status).toBe(400);
    expect(details(tooBig.body)[0]?.field).toMatch(/^exclude/);
    const unknown = await admin.json<ErrorResponse>('GET', `${road}&exclude=999999`);
    expect(unknown.status).toBe(400);
    expect(details(unknown.body)).toEqual([
      { field: 'exclude', message: 'no project 999999 of this chain in 3202' },
    ]);
    const both = await admin.json<ErrorResponse>('GET', `${road}&exclude=1&include=1`);
    expect(both.status).toBe(400);
    expect(details(both.body)[0]?.field).toBe('include');
  });

  it('refuses a reversed due-date range and a park that does not exist', async () => {
    const reversed = await admin.json<ErrorResponse>(
      'GET',
      '/api/supervision?dueFrom=2026-12-31&dueTo=2026-01-01',
    );
    expect(reversed.status).toBe(400);
    expect(details(reversed.body)).toEqual([
      { field: 'dueTo', message: 'dueTo is before dueFrom' },
    ]);
    expect((await admin.request('GET', '/api/parks/999999/projects')).status).toBe(404);
  });

  it('refuses filters naming a chain or category that does not exist', async () => {
    for (const query of ['chain=abc', 'nodeChain=abc']) {
      const { status, body } = await admin.json<ErrorResponse>('GET', `/api/enterprises?${query}`);
      expect(status, query).toBe(404);
      expect(body.error.code).toBe('CHAIN_NOT_FOUND');
      expect(details(body)[0]?.field, query).toBe(query.split('=')[0]);
    }
    const category = await admin.json<ErrorResponse>('GET', '/api/problems?category=abc');
    expect(category.status).toBe(404);
    expect(category.body.error.code).toBe('CATEGORY_NOT_FOUND');
  });

  it('words refusals for a person: patterns, missing and repeated parameters', async () => {
    const pattern = await admin.json<ErrorResponse>('GET', '/api/problems?region=abc');
    expect(details(pattern.body)).toEqual([{ field: 'region', message: 'must be 2 to 12 digits' }]);
    const node = await admin.json<ErrorResponse>('GET', '/api/enterprises?node=Bogus');
    expect(details(node.body)[0]?.message).toBe('must be a node code such as biomed.mid.device');
    const missing = await admin.json<ErrorResponse>('GET', '/api/problems/summary');
    expect(details(missing.body)).toContainEqual({ field: 'region', message: 'is required' });
    const repeated = await admin.json<ErrorResponse>('GET', '/api/enterprises?q=a&q=b');
    expect(details(repeated.body)).toEqual([
      { field: 'q', message: 'is given more than once: give it once' },
    ]);
    const long = await admin.json<ErrorResponse>('POST', '/api/projects', {
      chainCode: 'x'.repeat(100_000),
      regionCode: '3202',
      name: '项目',
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body).length).toBeLessThan(2_000);
  });

  it('names the form field or the header that holds a NUL, before anything is stored', async () => {
    const projects =
      '项目名称,产业链,落地区域,环节,阶段,投资额（万元）\n某项目,biomed,3202,biomed.mid.device,线索,50000\n';
    const field = await admin.json<ErrorResponse>(
      'POST',
      '/api/projects/import',
      csvForm(projects, { chain: 'bio\u0000med', region: '3202' }),
    );
    expect(field.status).toBe(400);
    expect(details(field.body)[0]?.field).toBe('chain');
    const unknown = await admin.json<ErrorResponse>(
      'POST',
      '/api/projects/import',
      csvForm(projects, { chain: 'bogus', region: '3202' }),
    );
    expect(unknown.status).toBe(404);
    expect(details(unknown.body)[0]).toMatchObject({ field: 'chain' });
    const header = await admin.json<ErrorResponse>(
      'POST',
      '/api/projects/import',
      csvForm(projects.replace('投资额（万元）', '投资额（万元）\u0000'), { chain: 'biomed' }),
    );
    expect(header.status).toBe(400);
    expect(header.body.error.message).toMatch(/header of column 6 \(F\)/);

    const accounts = await admin.json<ErrorResponse & { error: { details: unknown } }>(
      'POST',
      '/api/users/firm-accounts?format=json',
      csvForm('enterprise,username,displayName\n1,firm\u0000three,名字\n'),
    );
    expect(accounts.status).toBe(400);
    expect(JSON.stringify(accounts.body.error.details)).toMatch(/TEXT_HAS_NUL/);
  });

  it('stores optional text of spaces only as no value', async () => {
    const [first] = await database.db.select({ id: park.id }).from(park).limit(1);
    const id = first?.id ?? 0;
    const changed = await admin.json('PATCH', `/api/parks/${id}`, { nameEn: '   ' });
    expect(changed.status).toBe(200);
    const [row] = await database.db
      .select({ nameEn: park.nameEn })
      .from(park)
      .where(eq(park.id, id));
    expect(row?.nameEn).toBeNull();
  });
});
