import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffAnalysisAggregates } from '../db/analysis-aggregates.repository.ts';
import { listNationalNodeFiguresFromPlacements } from '../db/chain-analysis.repository.ts';
import { findChainByCode, listChainNodes } from '../db/chain.repository.ts';
import type { Database } from '../db/connection.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { EnterpriseDetail, EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { Duplicate, ImportView } from '../shared/api/imports.ts';
import type { TemplateLoadPlan } from '../shared/api/templates.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { SPLIT_NODE, splitDeviceTemplate } from '../test-support/template-revision.ts';
import { buildUscc } from '../domain/uscc.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

// Issue 15, item 3: the analysis's aggregates (migration 0014) are kept by every writer. After
// each kind of write a user makes — an import of new firms and of changed figures, a decision that
// confirms, rejects or moves a placement, a merge and its undo, a template revision that moves
// placements to new nodes — they equal a full recompute row by row, and the analysis's national
// figures equal those computed from the placements without them.

type List<T> = { items: T[]; total: number };

const HEADER = '统一社会信用代码,企业名称,行政区划代码,经营范围,主营产品,工业总产值（万元）,年份';
const FIRMS = [
  [
    buildUscc('320214', '12345671'),
    '无锡聚测医疗器械有限公司',
    '320214',
    '医疗器械的研发生产',
    '彩色多普勒超声诊断仪；监护仪',
  ],
  [
    buildUscc('320206', '12345672'),
    '无锡聚测诊断试剂有限公司',
    '320206',
    '体外诊断试剂的生产',
    '化学发光试剂盒；生化试剂',
  ],
  [
    buildUscc('320505', '12345673'),
    '苏州聚测血液制品有限公司',
    '320505',
    '血液制品的生产和销售',
    '人血白蛋白；静注人免疫球蛋白',
  ],
  [
    buildUscc('440305', '12345674'),
    '深圳聚测医疗设备有限公司',
    '440305',
    '医疗设备的研发生产',
    '呼吸机；麻醉机；超声诊断仪',
  ],
  [
    buildUscc('110105', '12345675'),
    '北京聚测生物制药有限公司',
    '110105',
    '化学原料药的生产',
    '原料药；医药中间体',
  ],
] as const;
const LOOK_ALIKE = '无锡聚测医疗器械科技有限公司';

describe(`analysis aggregates after every kind of write (${testDatabaseKind()})`, () => {
  let database: Database;
  let admin: ApiClient;
  let analyst: ApiClient;

  beforeAll(async () => {
    let app;
    ({ database, app, admin } = await startTestApp());
    analyst = await signInNewUser(app, admin, 'agg', 'analyst');
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

  async function byName(name: string): Promise<EnterpriseDetail> {
    const list = await analyst.json<List<EnterpriseSummary>>(
      'GET',
      `/api/enterprises?q=${encodeURIComponent(name)}&pageSize=50`,
    );
    const found = list.body.items.find((e) => e.name === name);
    if (!found) throw new Error(`${name} is not in the registry`);
    return (await analyst.json<EnterpriseDetail>('GET', `/api/enterprises/${found.id}`)).body;
  }

  /** The aggregates equal a full recompute; the analysis's national figures equal the direct ones. */
  async function expectKeptAfter(write: string) {
    expect(await diffAnalysisAggregates(database.db), write).toEqual([]);
    const chain = await findChainByCode(database.db, 'biomed');
    const nodes = (await listChainNodes(database.db, chain?.id ?? 0)).filter(
      (n) => n.level !== 'stage',
    );
    for (const year of [2023, 2024]) {
      const direct = new Map(
        (
          await listNationalNodeFiguresFromPlacements(database.db, {
            nodeIds: nodes.map((n) => n.id),
            year,
          })
        ).map((r) => [r.nodeId, r]),
      );
      const analysis = await analyst.json<ChainAnalysis>(
        'GET',
        `/api/chains/biomed/analysis?region=3202&year=${year}`,
      );
      expect(analysis.status, JSON.stringify(analysis.body)).toBe(200);
      const national = Object.fromEntries(analysis.body.nodes.map((n) => [n.code, n.national]));
      const expected = Object.fromEntries(
        nodes.map((n) => [
          n.code,
          {
            enterprises: direct.get(n.id)?.enterprises ?? 0,
            outputYuan: direct.get(n.id)?.outputYuan ?? 0,
          },
        ]),
      );
      expect(national, `${write}: national figures ${year}`).toEqual(expected);
    }
  }

  it('keeps them through an import of new firms and an import that changes their figures', async () => {
    const created = await importCsv(
      'new.csv',
      FIRMS.flatMap(([uscc, name, region, scope, products], i) => [
        `${uscc},${name},${region},${scope},${products},${(i + 1) * 10000},2023`,
        `${uscc},${name},${region},${scope},${products},${(i + 1) * 12000},2024`,
      ]),
    );
    expect(created.counts).toMatchObject({ inserted: FIRMS.length });
    const analysis = await analyst.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202&year=2024',
    );
    expect(analysis.body.totals.enterprises).toBeGreaterThan(0);
    await expectKeptAfter('import of new firms');

    const updated = await importCsv(
      'update.csv',
      FIRMS.map(
        ([uscc, name, region, scope, products], i) =>
          `${uscc},${name},${region},${scope},${products},${(i + 1) * 15000},2024`,
      ),
    );
    expect(updated.counts).toMatchObject({ inserted: 0 });
    expect((await byName(FIRMS[0][1])).years.find((y) => y.year === 2024)?.outputYuan).toBe(1.5e8);
    await expectKeptAfter('import of changed figures');
  });

  it('keeps them through decisions that confirm, reject and move placements', async () => {
    const firm = await byName(FIRMS[0][1]);
    const node = firm.classifications.find((c) => c.primary)?.nodeCode;
    if (!node) throw new Error('the device firm has no primary placement');
    const decide = async (body: { decision: string; moveTo?: string }, on = node) => {
      const r = await analyst.json(
        'PUT',
        `/api/enterprises/${firm.id}/classifications/${on}`,
        body,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await decide({ decision: 'rejected' });
    await expectKeptAfter('a rejection');
    await decide({ decision: 'confirmed' });
    await expectKeptAfter('a confirmation');
    await decide({ decision: 'confirmed', moveTo: 'biomed.mid.ivd' });
    expect((await byName(FIRMS[0][1])).classifications.find((c) => c.primary)?.nodeCode).toBe(
      'biomed.mid.ivd',
    );
    await expectKeptAfter('a move to another node');
    await decide({ decision: 'confirmed', moveTo: node }, 'biomed.mid.ivd');
    await expectKeptAfter('a move back');
  });

  it('keeps them through a merge (the dropped firm deleted) and its undo', async () => {
    const [, name, region, scope, products] = FIRMS[0];
    const lookAlike = await importCsv('look-alike.csv', [
      `,${LOOK_ALIKE},${region},${scope},${products},3000,2024`,
    ]);
    expect(lookAlike.counts).toMatchObject({ inserted: 1, possibleDuplicates: 1 });
    await expectKeptAfter('an import of a look-alike');
    const kept = await byName(name);
    const queue = await analyst.json<List<Duplicate>>('GET', '/api/duplicates');
    const pair = queue.body.items.find((d) => d.enterprise.id === kept.id);
    if (!pair) throw new Error('the look-alike was not queued');
    expect((await analyst.request('POST', `/api/duplicates/${pair.id}/merge`)).status).toBe(204);
    await expectKeptAfter('a merge');
    expect((await analyst.request('POST', `/api/duplicates/${pair.id}/undo`)).status).toBe(204);
    await expectKeptAfter('an undone merge');
  });

  it('keeps them through a template revision that splits a node and moves its placements', async () => {
    const form = new FormData();
    form.set('file', new File([YAML.stringify(splitDeviceTemplate())], 'biomed-v2.yaml'));
    const loaded = await admin.json<TemplateLoadPlan>('POST', '/api/chains/templates', form);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body.removedNodes).toEqual([SPLIT_NODE]);
    await expectKeptAfter('a template revision');
  });
});
