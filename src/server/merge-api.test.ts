import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';

import type { EnterpriseDetail, EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { Duplicate, ImportView } from '../shared/api/imports.ts';
import type { ProjectDetail } from '../shared/api/projects.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
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
  let projectId = 0;
  let beforeMerge: { kept: EnterpriseDetail; dropped: EnterpriseDetail; total: number } | null =
    null;

  const detail = async (id: number) =>
    (await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${id}`)).body;
  const projectEnterprise = async () =>
    (await analyst.json<ProjectDetail>('GET', `/api/projects/${projectId}`)).body.enterprise?.id;

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
    // A project courting the look-alike: a link that must follow it through merge and undo.
    const project = await admin.json<ProjectDetail>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '320214',
      enterpriseId: lookAlikeId,
      expectedOutputYuan: 1e8,
    });
    expect(project.status).toBe(201);
    projectId = project.body.id;
  });

  it('merges through the queue keeping both names, the registered figures and their history', async () => {
    beforeMerge = {
      kept: await detail(registeredId),
      dropped: await detail(lookAlikeId),
      total: await chainTotal(),
    };
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
    expect(await projectEnterprise()).toBe(registeredId);
    const history = await analyst.json<List<Duplicate>>('GET', '/api/duplicates?status=merged');
    expect(history.body.items).toEqual([
      expect.objectContaining({
        id: pairId,
        enterprise: { id: registeredId, name: REGISTERED },
        other: { id: null, name: LOOK_ALIKE },
      }),
    ]);
  });

  it('undoes the merge from the duplicates history exactly, once, for an analyst only', async () => {
    expect((await viewer.request('POST', `/api/duplicates/${pairId}/undo`)).status).toBe(403);
    const undone = await analyst.request('POST', `/api/duplicates/${pairId}/undo`);
    expect(undone.status).toBe(204);
    expect(await detail(registeredId)).toEqual(beforeMerge?.kept);
    expect(await detail(lookAlikeId)).toEqual(beforeMerge?.dropped);
    expect(await chainTotal()).toBe(beforeMerge?.total);
    expect(await projectEnterprise()).toBe(lookAlikeId);
    const queue = await analyst.json<List<Duplicate>>('GET', '/api/duplicates');
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({
        id: pairId,
        status: 'open',
        enterprise: { id: registeredId, name: REGISTERED },
        other: { id: lookAlikeId, name: LOOK_ALIKE },
      }),
    );
    const again = await analyst.json<ErrorResponse>('POST', `/api/duplicates/${pairId}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', details: { status: 'open' } });
    expect(again.body.error.message).toMatch(/is open, not merged: there is no merge to undo/);
  });

  it('refuses to undo a merge once the kept enterprise changed, and says what changed', async () => {
    expect((await analyst.request('POST', `/api/duplicates/${pairId}/merge`)).status).toBe(204);
    const update = await importCsv('update.csv', [
      `91320214MA1XYW12XU,${REGISTERED},320214,血液制品的生产、销售和进出口,人血白蛋白；静注人免疫球蛋白,62000,2024`,
    ]);
    expect(update.counts).toMatchObject({ updated: 1 });
    const refused = await analyst.json<ErrorResponse>('POST', `/api/duplicates/${pairId}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.message).toMatch(
      /无锡新测血液制品有限公司 \(#\d+\) changed after the merge \(its fields changed at .*\): undoing would lose that change/,
    );
    // Refused means untouched: the merge stands.
    expect((await analyst.request('GET', `/api/enterprises/${lookAlikeId}`)).status).toBe(404);
    expect((await detail(registeredId)).aliases).toContain(LOOK_ALIKE);
  });

  it('lets a row without USCC under the registered name fill gaps only; a registered row wins and renames', async () => {
    const fill = await importCsv('same-name.csv', [
      `,${REGISTERED},320214,,,50000,2024`,
      `,${REGISTERED},320214,,,30000,2023`,
    ]);
    expect(fill.counts).toMatchObject({ inserted: 0, possibleDuplicates: 0 });
    let kept = await detail(registeredId);
    expect(kept.name).toBe(REGISTERED);
    expect(output2024(kept)).toBe(6.2e8);
    expect(kept.years.find((y) => y.year === 2023)?.outputYuan).toBe(3e8);
    expect(kept.figureHistory).toContainEqual(
      expect.objectContaining({
        year: 2024,
        measure: 'outputYuan',
        value: 5e8,
        keptValue: 6.2e8,
        reason: 'import_unregistered',
        source: expect.objectContaining({ fileName: 'same-name.csv', row: 2 }) as unknown,
      }),
    );

    const renamed = await importCsv('renamed.csv', [
      `91320214MA1XYW12XU,无锡新测血液制品股份有限公司,320214,,,70000,2024`,
    ]);
    expect(renamed.counts).toMatchObject({ updated: 1 });
    kept = await detail(registeredId);
    expect(kept.name).toBe('无锡新测血液制品股份有限公司');
    expect(kept.aliases).toEqual(expect.arrayContaining([REGISTERED, LOOK_ALIKE]));
    expect(output2024(kept)).toBe(7e8);
    expect(kept.figureHistory).toContainEqual(
      expect.objectContaining({
        year: 2024,
        value: 6.2e8,
        keptValue: 7e8,
        reason: 'import_override',
        // The import that wrote the 2024 figure, not merely the latest one to touch the record.
        source: expect.objectContaining({ fileName: 'registered.csv', row: 2 }) as unknown,
      }),
    );
  });
});
