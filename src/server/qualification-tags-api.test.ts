import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import type { EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { ImportView } from '../shared/api/imports.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

type List<T> = { items: T[]; total: number };

const CSV = [
  '企业名称,行政区划代码,资质',
  '资质甲高新有限公司,320214,高新技术企业',
  '资质乙国家高新有限公司,320214,国家高新',
  '资质丙高企有限公司,320214,高企；瞪羚企业',
  '资质丁小巨人有限公司,320214,"专精特新“小巨人”企业"',
  '资质戊省级有限公司,320214,省级专精特新、独角兽',
].join('\n');

describe(`qualification text imported as tags (${testDatabaseKind()})`, () => {
  let database: Database;
  let analyst: ApiClient;

  beforeAll(async () => {
    const started = await startTestApp();
    database = started.database;
    analyst = await signInNewUser(started.app, started.admin, 'qua', 'analyst');
    const form = new FormData();
    form.set('source', 'qualification test');
    form.set('file', new File([CSV], '资质.csv', { type: 'text/csv' }));
    const response = await analyst.request('POST', '/api/imports', form);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as ImportView;
    for (let attempt = 0; attempt < 200; attempt++) {
      const { body } = await analyst.json<ImportView>('GET', `/api/imports/${id}`);
      if (body.status !== 'running') {
        expect(body).toMatchObject({ status: 'done', rowsRejected: 0 });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  });
  afterAll(async () => {
    await database.close();
  });

  const namesWithTag = async (tag: string) =>
    (
      await analyst.json<List<EnterpriseSummary>>(
        'GET',
        `/api/enterprises?tag=${encodeURIComponent(tag)}&q=${encodeURIComponent('资质')}`,
      )
    ).body.items
      .map((e) => e.name)
      .sort();

  it('finds every common spelling of 高新技术企业 under tag=high_tech', async () => {
    expect(await namesWithTag('high_tech')).toEqual(
      ['资质甲高新有限公司', '资质乙国家高新有限公司', '资质丙高企有限公司'].sort(),
    );
  });

  it('finds 专精特新 in any form under specialized_new, keeping the level as written', async () => {
    expect(await namesWithTag('specialized_new')).toEqual(
      ['资质丁小巨人有限公司', '资质戊省级有限公司'].sort(),
    );
    expect(await namesWithTag('省级专精特新')).toEqual(['资质戊省级有限公司']);
  });

  it('keeps unknown qualifications readable as typed', async () => {
    expect(await namesWithTag('瞪羚企业')).toEqual(['资质丙高企有限公司']);
    expect(await namesWithTag('独角兽')).toEqual(['资质戊省级有限公司']);
  });
});
