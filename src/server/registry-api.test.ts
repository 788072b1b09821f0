import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { EnterpriseDetail, EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { ImportView } from '../shared/api/imports.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { chunkedMultipart } from '../test-support/chunked-multipart.ts';
import type { App } from './app.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';

type List<T> = { items: T[]; total: number };

const CSV = [
  '企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,年份',
  '无锡上传测试生物医药有限公司,320214,体外诊断试剂的研发和生产,化学发光检测试剂盒,3000,2024',
  '无锡声像精密医疗器械有限公司,320206,医用成像设备的研发与生产,彩色多普勒超声诊断仪,5000,2024',
  '坏行企业有限公司,999999,,,-1,2024',
].join('\n');

describe(`registry API: imports, classifications, duplicates (${testDatabaseKind()})`, () => {
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

  async function upload(client: ApiClient, name: string, content: string): Promise<Response> {
    const form = new FormData();
    // The fields before the file: the server reads the form as it streams in.
    form.set('source', 'API test');
    form.set('file', new File([content], name, { type: 'text/csv' }));
    return client.request('POST', '/api/imports', form);
  }

  async function finished(id: number): Promise<ImportView> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { body } = await analyst.json<ImportView>('GET', `/api/imports/${id}`);
      if (body.status !== 'running') return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  }

  it('imports an uploaded CSV, reports progress and a bad row, and serves the error report', async () => {
    const response = await upload(analyst, '企业名录.csv', CSV);
    expect(response.status).toBe(202);
    const started = (await response.json()) as ImportView;
    expect(started.fileName).toBe('企业名录.csv');
    const done = await finished(started.id);
    // One refused row carries two errors; the view counts both ways.
    expect(done).toMatchObject({ status: 'done', rowsRead: 3, rowsRejected: 1, errorCount: 2 });
    expect(done.counts).toMatchObject({ inserted: 2, rejected: 1 });
    expect(done.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '4:行政区划代码',
      '4:营业收入（万元）',
    ]);
    const reportText = async (query: string) => {
      const report = await analyst.request('GET', `/api/imports/${started.id}/errors.csv${query}`);
      expect(report.status).toBe(200);
      expect(report.headers.get('content-type')).toMatch(/text\/csv/);
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await report.arrayBuffer());
    };
    // The office's language by default, the reader's when the web app asks for English.
    expect(await reportText('')).toMatch(
      /^\uFEFF文件,行,列,值,原因\n企业名录\.csv,4,行政区划代码,999999,没有代码为 999999 的地区\n/,
    );
    expect(await reportText('?lang=en')).toMatch(
      /^\uFEFFfile,row,column,value,reason\n企业名录\.csv,4,行政区划代码,999999,no region has code 999999\n/,
    );
    const refused = await analyst.request('GET', `/api/imports/${started.id}/errors.csv?lang=fr`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/lang/);
    const list = await analyst.json<List<ImportView>>('GET', '/api/imports');
    expect(list.body.items[0]?.id).toBe(started.id);
  });

  it('records why an import failed part way as a code the web app translates', async () => {
    // Past the first 64 KB the reader checks up front, a quote that never closes.
    const rows = Array.from({ length: 3000 }, (_, i) => `失败测试${i},999999`);
    const text = ['企业名称,行政区划代码', ...rows, '"甲公司,320214'].join('\n');
    const response = await upload(analyst, 'broken.csv', text);
    expect(response.status).toBe(202);
    const failed = await finished(((await response.json()) as ImportView).id);
    expect(failed.status).toBe('failed');
    expect(failed.message).toMatch(/broken\.csv/);
    expect(failed.failure).toMatchObject({
      code: 'ROW_QUOTE_NOT_CLOSED',
      params: { file: 'broken.csv', row: 3002 },
    });
  });

  it('refuses an upload without a name column at once, and a viewer altogether', async () => {
    const bad = await upload(analyst, 'x.csv', 'uscc,address\n1,2\n');
    expect(bad.status).toBe(400);
    const refused = ((await bad.json()) as ErrorResponse).error;
    expect(refused.message).toMatch(/x\.csv: no column for name/);
    // The web app says it from the code, with the file and the headers found.
    expect(refused.details).toMatchObject({
      reason: 'COLUMNS_MISSING',
      file: 'x.csv',
      headers: 'uscc, address',
    });
    const notXlsx = await upload(analyst, 'z.xlsx', '企业名称\n甲\n');
    expect(notXlsx.status).toBe(400);
    expect(((await notXlsx.json()) as ErrorResponse).error.details).toMatchObject({
      reason: 'FILE_NOT_XLSX',
      file: 'z.xlsx',
    });
    expect((await upload(viewer, 'y.csv', CSV)).status).toBe(403);
  });

  it('refuses a field sent after the file and an invalid field, starting no import', async () => {
    const before = (await analyst.json<List<ImportView>>('GET', '/api/imports')).body.total;
    const late = await analyst.postStream(
      '/api/imports',
      chunkedMultipart([
        { name: 'file', fileName: 'late.csv', content: CSV },
        { name: 'region', value: '3202' },
      ]),
    );
    expect(late.status).toBe(400);
    expect(((await late.json()) as ErrorResponse).error).toMatchObject({
      message: 'The field "region" came after the file; send every other field before the file.',
      details: { field: 'region' },
    });
    const invalid = await analyst.postStream(
      '/api/imports',
      chunkedMultipart([
        { name: 'revenueUnit', value: 'cents' },
        { name: 'file', fileName: 'unit.csv', content: CSV },
      ]),
    );
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as ErrorResponse).error.message).toMatch(
      /^Invalid request: revenueUnit: /,
    );
    expect((await analyst.json<List<ImportView>>('GET', '/api/imports')).body.total).toBe(before);
  });

  it('lists enterprises by node with their evidence, and keeps an analyst decision', async () => {
    const onNode = await analyst.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?node=biomed.mid.device',
    );
    expect(onNode.body.items.map((e) => e.name)).toEqual(['无锡声像精密医疗器械有限公司']);
    const id = onNode.body.items[0]?.id ?? 0;
    const detail = await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${id}`);
    const primary = detail.body.classifications.find((c) => c.primary);
    expect(primary?.evidence.some((e) => e.kind === 'products' && e.matched.includes('超声'))).toBe(
      true,
    );

    const moved = await analyst.json<EnterpriseDetail>(
      'PUT',
      `/api/enterprises/${id}/classifications/biomed.mid.device`,
      { decision: 'confirmed', moveTo: 'biomed.mid.ivd' },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.classifications.find((c) => c.primary)?.nodeCode).toBe('biomed.mid.ivd');
    const byStage = await analyst.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?node=biomed.mid&decision=rejected',
    );
    expect(byStage.body.items.map((e) => e.id)).toContain(id);

    const unknown = await analyst.json<ErrorResponse>(
      'PUT',
      `/api/enterprises/${id}/classifications/biomed.mid.nope`,
      {
        decision: 'confirmed',
      },
    );
    expect(unknown.status).toBe(400);
  });

  it('queues a near-duplicate from an upload and lets an analyst dismiss it', async () => {
    const response = await upload(
      analyst,
      'again.csv',
      '企业名称,行政区划代码,经营范围\n无锡上传测生物医药有限公司,320214,体外诊断试剂\n',
    );
    await finished(((await response.json()) as ImportView).id);
    const queue = await analyst.json<List<{ id: number; reasons: string[] }>>(
      'GET',
      '/api/duplicates',
    );
    expect(queue.body.total).toBe(1);
    const pair = queue.body.items[0];
    expect((await analyst.request('POST', `/api/duplicates/${pair?.id}/dismiss`)).status).toBe(204);
    expect((await analyst.json<List<unknown>>('GET', '/api/duplicates')).body.total).toBe(0);
  });
});
