import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import type { EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { RegionMatch } from '../shared/api/regions.ts';
import { startTestApp } from '../test-support/api-app.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

describe(`names, not codes: regions by name and pinyin, industries by name (${testDatabaseKind()})`, () => {
  let database: Database;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ database, admin } = await startTestApp(({ db }) =>
      insertEnterprises(db, [
        makeEnterprise({ name: '名称测试生物制药有限公司', industryCode: '2761' }),
      ]),
    ));
  });
  afterAll(async () => {
    await database.close();
  });

  const search = async (query: string) => {
    const { status, body } = await admin.json<{ items: RegionMatch[]; total: number }>(
      'GET',
      `/api/regions/search?${query}`,
    );
    expect(status).toBe(200);
    return body.items;
  };

  it('finds a city by pinyin, initials, Chinese name or code, the higher level first', async () => {
    for (const q of ['wuxi', 'WX', encodeURIComponent('无锡'), '3202']) {
      const [first] = await search(`q=${q}`);
      expect(first, q).toMatchObject({
        code: '3202',
        name: '无锡市',
        nameEn: 'Wuxi',
        level: 'city',
        path: ['江苏省', '无锡市'],
      });
    }
  });

  it('names a district from its province down, in Chinese and in transliterated English', async () => {
    const [xinwu] = await search(`q=${encodeURIComponent('新吴')}`);
    expect(xinwu).toMatchObject({
      code: '320214',
      nameEn: 'Xinwu District',
      path: ['江苏省', '无锡市', '新吴区'],
    });
    const within = await search('q=xishan&within=3202');
    expect(within.map((r) => [r.code, r.nameEn])).toEqual([['320205', 'Xishan District']]);
    // A municipality's city level is not said twice.
    const [beijing] = await search('q=beijing');
    expect(beijing).toMatchObject({ code: '11', nameEn: 'Beijing', path: ['北京市'] });
  });

  it('answers nothing for what matches nothing, and 400 for an empty query', async () => {
    expect(await search('q=zzzzqq')).toEqual([]);
    expect((await admin.json('GET', '/api/regions/search?q=')).status).toBe(400);
  });

  it("names an enterprise's GB/T 4754-2017 industry", async () => {
    const { body } = await admin.json<{ items: EnterpriseSummary[] }>(
      'GET',
      `/api/enterprises?q=${encodeURIComponent('名称测试')}`,
    );
    expect(body.items.map((e) => [e.industryCode, e.industryName])).toEqual([
      ['2761', '生物药品制造'],
    ]);
  });
});
