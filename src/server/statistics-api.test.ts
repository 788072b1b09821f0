import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type {
  LoadedStatsView,
  LqTableView,
  ShiftShareTableView,
  StatsImport,
  StrengthTableView,
} from '../shared/api/statistics.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { chunkedMultipart } from '../test-support/chunked-multipart.ts';
import type { App } from './app.ts';
import {
  TOY_SHIFT_SHARE_A_X,
  TOY_STATS as STATS,
  TOY_STATS_HEADER,
} from '../test-support/toy-stats.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';

type Failure = ErrorResponse & {
  error: {
    details?: { errors?: { row: number; column: string; value: string; reason: string }[] };
  };
};

describe(`statistics API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let analyst: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    let admin: ApiClient;
    ({ database, app, admin } = await startTestApp());
    analyst = await signInNewUser(app, admin, 'ana', 'analyst');
    viewer = await signInNewUser(app, admin, 'vic', 'viewer');
  });
  afterAll(async () => {
    await database.close();
  });

  function form(name: string, content: string): FormData {
    const data = new FormData();
    data.set('file', new File([content], name, { type: 'text/csv' }));
    return data;
  }

  it('refuses an upload without a session (401) or by a viewer (403)', async () => {
    const anonymous = await new ApiClient(app).json<ErrorResponse>(
      'POST',
      '/api/statistics/imports',
      form('toy.csv', STATS),
    );
    expect(anonymous.status).toBe(401);
    const refused = await viewer.json<ErrorResponse>(
      'POST',
      '/api/statistics/imports',
      form('toy.csv', STATS),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/stats:write/);
  });

  it('refuses a file with an invalid row with 400 and the row errors, writing nothing', async () => {
    const bad =
      `${STATS}\nC,Gamma,toy,x,,traded,2020,lots,1,,\nC,Gamma,toy,y,,traded,,5,1,,\n` +
      `C,${'名'.repeat(201)},toy,z,,traded,2020,99999999999999999999,1,,\n`;
    const { status, body } = await analyst.json<Failure>(
      'POST',
      '/api/statistics/imports',
      form('bad.csv', bad),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/^bad\.csv: 3 invalid rows, so nothing was imported/);
    expect(body.error.details?.errors).toEqual([
      {
        row: 10,
        column: 'employment',
        value: 'lots',
        reason: expect.stringMatching(/^not a number/) as string,
        code: 'NOT_A_NUMBER',
      },
      {
        row: 11,
        column: 'year',
        value: '',
        reason: 'the year is required',
        code: 'VALUE_REQUIRED',
      },
      // A headcount past any region's, and a region name that is a paragraph.
      {
        row: 12,
        column: 'employment',
        value: '99999999999999999999',
        reason: 'too large',
        code: 'TOO_LARGE',
      },
      {
        row: 12,
        column: 'region_name',
        value: `${'名'.repeat(50)}…`,
        reason: 'longer than 200 characters',
        code: 'TEXT_TOO_LONG',
        params: { max: 200 },
      },
    ]);
    const loaded = await viewer.json<LoadedStatsView>('GET', '/api/statistics');
    expect(loaded.body.datasets).toEqual([]);
    const noFile = await analyst.json<ErrorResponse>(
      'POST',
      '/api/statistics/imports',
      new FormData(),
    );
    expect(noFile.status).toBe(400);
  });

  it('stops a chunked upload past 50 MB, writing nothing though rows were already upserted', async () => {
    // 3,000 valid rows: the import upserts them in batches of 2,000 inside its transaction while
    // the body is still arriving; the padding after the file then passes the limit.
    const rows = Array.from(
      { length: 3_000 },
      (_, i) => `R${i},Region ${i},cap,x,Gadgets,traded,2020,${i + 1},1,,`,
    );
    const response = await analyst.postStream(
      '/api/statistics/imports',
      chunkedMultipart(
        [{ name: 'file', fileName: 'cap.csv', content: [TOY_STATS_HEADER, ...rows].join('\n') }],
        {
          paddingBytes: 50 * 1024 * 1024,
        },
      ),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorResponse).error.message).toBe(
      'The upload is larger than 50 MB; import it with "chainlead import stats".',
    );
    const loaded = await viewer.json<LoadedStatsView>('GET', '/api/statistics?scheme=cap');
    expect(loaded.body.datasets).toEqual([]);
  });

  it('imports an upload, and uploading it again changes nothing', async () => {
    const first = await analyst.json<StatsImport>(
      'POST',
      '/api/statistics/imports',
      form('toy.csv', STATS),
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      file: 'toy.csv',
      status: 'done',
      rowsRead: 8,
      counts: { inserted: 8, updated: 0, unchanged: 0, rejected: 0 },
      schemes: [{ scheme: 'toy', years: [2020, 2022], regions: 2, industries: 2 }],
    });
    const again = await analyst.json<StatsImport>(
      'POST',
      '/api/statistics/imports',
      form('toy.csv', STATS),
    );
    expect(again.body.counts).toEqual({ inserted: 0, updated: 0, unchanged: 8, rejected: 0 });
  });

  it('refuses a field it does not know, one after the file, and a body that is not a form', async () => {
    const csv = { name: 'file', fileName: 'order.csv', content: STATS };
    const unknown = await analyst.postStream(
      '/api/statistics/imports',
      chunkedMultipart([{ name: 'note', value: 'sent first' }, csv]),
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorResponse).error.details).toEqual([
      { field: 'note', message: 'is not a field of this request' },
    ]);
    const plain = await analyst.postStream('/api/statistics/imports', chunkedMultipart([csv]));
    // The same rows as the upload before: nothing changes.
    expect(((await plain.json()) as StatsImport).counts.unchanged).toBe(8);
    const after = await analyst.postStream(
      '/api/statistics/imports',
      chunkedMultipart([
        { ...csv, content: STATS.replaceAll('toy', 'late') },
        { name: 'note', value: 'late' },
      ]),
    );
    expect(after.status).toBe(400);
    expect(((await after.json()) as ErrorResponse).error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The field "note" came after the file; send every other field before the file.',
      details: { field: 'note' },
    });
    const late = await viewer.json<LoadedStatsView>('GET', '/api/statistics?scheme=late');
    expect(late.body.datasets).toEqual([]);
    const cut = await analyst.postStream(
      '/api/statistics/imports',
      chunkedMultipart([{ ...csv, content: STATS.replaceAll('toy', 'cut') }], { cutShort: true }),
    );
    expect(cut.status).toBe(400);
    const notForm = await analyst.json<ErrorResponse>('POST', '/api/statistics/imports', {
      file: STATS,
    });
    expect(notForm).toEqual({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Send the file as multipart/form-data in the field "file".',
          details: { field: 'file' },
        },
      },
    });
  });

  it('lists what is loaded to any signed-in role', async () => {
    const { status, body } = await viewer.json<LoadedStatsView>(
      'GET',
      '/api/statistics?scheme=toy',
    );
    expect(status).toBe(200);
    expect(body.datasets.map((d) => `${d.scheme} ${d.year}`)).toEqual(['toy 2020', 'toy 2022']);
    expect(body.regions.map((r) => r.regionName)).toEqual(['Alpha', 'Beta']);
    expect((await new ApiClient(app).json('GET', '/api/statistics')).status).toBe(401);
  });

  it('serves the LQ table with the CLI parameters', async () => {
    const { status, body } = await viewer.json<LqTableView>(
      'GET',
      '/api/statistics/lq?scheme=toy&year=2020&region=A&industry=x',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ denominator: 'total', measure: 'employment', benchmark: null });
    // A: 8 of 40; both regions: 40 of 100.
    expect(body.items).toEqual([
      expect.objectContaining({
        regionCode: 'A',
        regionName: 'Alpha',
        industryCode: 'x',
        value: 8,
        regionShare: 0.2,
      }),
    ]);
    expect(body.items[0]?.lq).toBeCloseTo(0.5, 12);
    const versusB = await viewer.json<LqTableView>(
      'GET',
      '/api/statistics/lq?scheme=toy&year=2020&benchmark=B&denominator=same-type',
    );
    expect(versusB.body.items.map((r) => r.regionCode)).toEqual(['A', 'A']);
  });

  it('answers 400 for bad parameters and 404 for statistics or regions not loaded', async () => {
    const badDenominator = await viewer.json<ErrorResponse>(
      'GET',
      '/api/statistics/lq?scheme=toy&year=2020&denominator=traded',
    );
    expect(badDenominator.status).toBe(400);
    expect(badDenominator.body.error.message).toMatch(/denominator/);
    const noYear = await viewer.json<ErrorResponse>('GET', '/api/statistics/lq?scheme=toy');
    expect(noYear.status).toBe(400);
    const missing = await viewer.json<ErrorResponse>(
      'GET',
      '/api/statistics/lq?scheme=toy&year=1999',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'STATS_NOT_FOUND' });
    expect(missing.body.error.message).toMatch(/Loaded: toy 2020, toy 2022/);
    const region = await viewer.json<ErrorResponse>(
      'GET',
      '/api/statistics/strength?scheme=toy&year=2020&benchmark=Z',
    );
    expect(region.status).toBe(404);
    expect(region.body.error.code).toBe('REGION_NOT_FOUND');
  });

  it('serves cluster strength and shift-share', async () => {
    const strength = await viewer.json<StrengthTableView>(
      'GET',
      '/api/statistics/strength?scheme=toy&year=2020',
    );
    expect(strength.status).toBe(200);
    expect(strength.body.denominator).toBe('same-type');
    expect(strength.body.items.map((r) => [r.regionCode, r.tradedEmployment]).sort()).toEqual([
      ['A', 40],
      ['B', 60],
    ]);
    const shift = await viewer.json<ShiftShareTableView>(
      'GET',
      '/api/statistics/shift-share?scheme=toy&from=2020&to=2022&region=A',
    );
    expect(shift.status).toBe(200);
    // National 100 → 125 (gN 0.25); x 40 → 60 (gi 0.5); A's x 8 → 14: 2 + 2 + 2.
    expect(shift.body.items.find((r) => r.industryCode === 'x')).toMatchObject(TOY_SHIFT_SHARE_A_X);
    expect(shift.body.totals).toEqual([expect.objectContaining({ regionCode: 'A', change: 10 })]);
    const backwards = await viewer.json<ErrorResponse>(
      'GET',
      '/api/statistics/shift-share?scheme=toy&from=2022&to=2020',
    );
    expect(backwards.status).toBe(400);
  });

  it('names GB/T 4754 classes and regions a file left unnamed, from the standard and the region table', async () => {
    const unnamed = [
      TOY_STATS_HEADER,
      '3202,,GBT4754,2761,,traded,2021,10,1,,',
      '3202,,GBT4754,3581,,traded,2021,30,1,,',
      '3205,,GBT4754,2761,,traded,2021,20,1,,',
      '3205,苏州（文件里的名字）,GBT4754,3581,,traded,2021,40,1,,',
    ].join('\n');
    const upload = await analyst.json<StatsImport>(
      'POST',
      '/api/statistics/imports',
      form('unnamed.csv', unnamed),
    );
    expect(upload.status).toBe(200);
    const { body } = await viewer.json<LqTableView>(
      'GET',
      '/api/statistics/lq?scheme=gbt4754&year=2021&region=3202',
    );
    expect(body.items.map((r) => [r.regionName, r.industryCode, r.industryName])).toEqual(
      expect.arrayContaining([
        ['无锡市', '2761', '生物药品制造'],
        ['无锡市', '3581', '医疗诊断、监护及治疗设备制造'],
      ]),
    );
    const suzhou = await viewer.json<LqTableView>(
      'GET',
      '/api/statistics/lq?scheme=gbt4754&year=2021&region=3205&industry=3581',
    );
    // The file's own name wins over the region table's.
    expect(suzhou.body.items[0]?.regionName).toBe('苏州（文件里的名字）');
  });

  it('documents the routes with their permissions', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.paths['/api/statistics/imports']?.post?.['x-permission']).toBe('stats:write');
    for (const path of [
      '/api/statistics',
      '/api/statistics/lq',
      '/api/statistics/strength',
      '/api/statistics/shift-share',
    ])
      expect(document.paths[path]?.get?.['x-permission']).toBe('stats:read');
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'LqTable',
        'LqRow',
        'ClusterStrengthTable',
        'ShiftShareTable',
        'LoadedStats',
        'StatsImport',
      ]),
    );
  });
});
