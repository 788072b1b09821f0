import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';

import type { EnterpriseDetail, EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { Duplicate, ImportView } from '../shared/api/imports.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import type { App } from './app.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';

// Issue 13, parts 3 and 4: a row without USCC never silently rewrites a registered enterprise, and
// a merge keeps both names, the winning figures (the others in a history), every link, and can be
// undone.

type List<T> = { items: T[]; total: number };

const REGISTERED = '无锡新测血液制品有限公司';
const LOOK_ALIKE = '无锡新测血液制品科技有限公司';
const HEADER = '统一社会信用代码,企业名称,行政区划代码,经营范围,主营产品,工业总产值（万元）,年份';

describe(`merges keep everything (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let analyst: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp());
    analyst = await signInNewUser(app, admin, 'ana', 'analyst');
    viewer = await signInNewUser(app, admin, 'vic', 'viewer');
  });
  afterAll(async () => {
    await database.close();
  });

  async function importCsv(name: string, rows: string[]): Promise<ImportView> {
    const form = new FormData();
    form.set('source', name);
    form.set('file', new File([[HEADER, ...rows].join('\n')], name, { type: 'text/csv' }));
    const response = await analyst.request('POST', '/api/imports', form);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as ImportView;
    for (let attempt = 0; attempt < 400; attempt++) {
      const { body } = await analyst.json<ImportView>('GET', `/api/imports/${id}`);
      if (body.status !== 'running') return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  }

  async function byName(name: string): Promise<EnterpriseDetail | null> {
    const list = await analyst.json<List<EnterpriseSummary>>(
      'GET',
      `/api/enterprises?q=${encodeURIComponent(name)}&pageSize=50`,
    );
    const found = list.body.items.find((e) => e.name === name);
    if (!found) return null;
    return (await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${found.id}`)).body;
  }

  const chainTotal = async () =>
    (await viewer.json<ChainAnalysis>('GET', '/api/chains/biomed/analysis?region=3202&year=2024'))
      .body.totals.outputYuan;

  const output2024 = (e: EnterpriseDetail | null) =>
    e?.years.find((y) => y.year === 2024)?.outputYuan ?? null;

  let registeredId = 0;
  let lookAlikeId = 0;
  let pairId = 0;
  let totalBefore = 0;

  it('queues a look-alike row without USCC instead of rewriting the registered enterprise', async () => {
    const first = await importCsv('registered.csv', [
      `91320214MA1XYW12XU,${REGISTERED},320214,血液制品的生产和销售,人血白蛋白；静注人免疫球蛋白,62000,2024`,
    ]);
    expect(first.counts).toMatchObject({ inserted: 1 });
    const registered = await byName(REGISTERED);
    registeredId = registered?.id ?? 0;
    expect(output2024(registered)).toBe(6.2e8);
    totalBefore = await chainTotal();
    expect(totalBefore).toBeGreaterThanOrEqual(6.2e8);

    const second = await importCsv('look-alike.csv', [
      `,${LOOK_ALIKE},320214,血液制品的研发,人血白蛋白,1000,2024`,
    ]);
    expect(second.counts).toMatchObject({ merged: 0, inserted: 1, possibleDuplicates: 1 });
    const after = await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${registeredId}`);
    expect(after.body.name).toBe(REGISTERED);
    expect(output2024(after.body)).toBe(6.2e8);
    const lookAlike = await byName(LOOK_ALIKE);
    lookAlikeId = lookAlike?.id ?? 0;
    expect(lookAlikeId).toBeGreaterThan(0);
    expect(output2024(lookAlike)).toBe(1e7);
    const queue = await analyst.json<List<Duplicate>>('GET', '/api/duplicates');
    const pair = queue.body.items.find(
      (d) => d.enterprise.id === registeredId && d.other.id === lookAlikeId,
    );
    expect(pair).toBeDefined();
    pairId = pair?.id ?? 0;
    // The registered firm's 6.2 亿 still counts; the look-alike counts on its own until reviewed.
    expect(await chainTotal()).toBeGreaterThanOrEqual(totalBefore);
  });

  it('merges through the queue keeping both names, the registered figures and their history', async () => {
    const merged = await analyst.request('POST', `/api/duplicates/${pairId}/merge`);
    expect(merged.status).toBe(204);
    const kept = await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${registeredId}`);
    expect(kept.body.name).toBe(REGISTERED);
    expect(kept.body.uscc).toBe('91320214MA1XYW12XU');
    expect(kept.body.aliases).toContain(LOOK_ALIKE);
    expect(output2024(kept.body)).toBe(6.2e8);
    expect(kept.body.figureHistory).toEqual([
      expect.objectContaining({
        year: 2024,
        measure: 'outputYuan',
        value: 1e7,
        keptValue: 6.2e8,
        reason: 'merge',
        mergedEnterprise: { id: lookAlikeId, name: LOOK_ALIKE },
        source: expect.objectContaining({ fileName: 'look-alike.csv', row: 2 }) as unknown,
      }),
    ]);
    expect((await analyst.request('GET', `/api/enterprises/${lookAlikeId}`)).status).toBe(404);
    // Exactly the registered figure feeds the analysis: the chain total is as before the look-alike.
    expect(await chainTotal()).toBe(totalBefore);
  });
});
