import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { insertEnterprises } from '../../db/enterprise.repository.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { makeEnterprise } from '../../test-support/factories.ts';
import { getEnterprise } from '../registry/enterprise-query.service.ts';
import { prepareInstallation } from '../setup.service.ts';
import { classifyEnterprises, decideClassification } from './classification.service.ts';

const analyst = { id: null, name: 'test-analyst' };

describe(`classifying the registry (${testDatabaseKind()})`, () => {
  let database: Database;
  let ids: number[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'test-admin-password' });
    ids = await insertEnterprises(database.db, [
      makeEnterprise({
        name: '无锡恒瑞达医药有限公司',
        businessScope: '许可项目：药品生产；化学药制剂的研发、生产和销售。',
        products: ['苯磺酸氨氯地平缓释片', '注射用头孢曲松钠'],
        industryCode: '2720',
      }),
      makeEnterprise({
        name: '无锡康辰医学检验实验室有限公司',
        businessScope: '医学检验实验室；临床检验服务；病理诊断。',
        products: ['第三方医学检验服务'],
      }),
      makeEnterprise({
        name: '无锡美颜生物科技有限公司',
        businessScope: '化妆品生产；化妆品零售；日用化学产品销售。',
        products: ['保湿精华液', '面膜'],
        industryCode: '2682',
      }),
    ]);
  });
  afterAll(async () => {
    await database.close();
  });

  it('places chain enterprises on nodes with evidence and leaves look-alikes off the chain', async () => {
    const summary = await classifyEnterprises(database.db, { chainCode: 'biomed' });
    expect(summary).toMatchObject({ enterprises: 3, onChain: 2, offChain: 1 });
    const drug = await getEnterprise(database.db, ids[0] ?? 0);
    const primary = drug.classifications.find((c) => c.primary);
    expect(primary).toMatchObject({
      nodeCode: 'biomed.mid.chem',
      decision: 'confirmed',
      method: 'rule',
    });
    expect(primary?.evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['products', 'industry_code']),
    );
    expect(primary?.evidence.find((e) => e.kind === 'products')?.matched).toMatch(/片|注射/);
    expect((await getEnterprise(database.db, ids[2] ?? 0)).classifications).toEqual([]);
  });

  it('keeps manual decisions across re-classification, and moves an enterprise', async () => {
    const lab = ids[1] ?? 0;
    const before = await getEnterprise(database.db, lab);
    const ruleNode = before.classifications.find((c) => c.primary)?.nodeCode;
    expect(ruleNode).toBe('biomed.down.diagnostics');

    await decideClassification(database.db, analyst, {
      enterpriseId: lab,
      chainCode: 'biomed',
      nodeCode: 'biomed.down.diagnostics',
      decision: 'confirmed',
      moveTo: 'biomed.down.precision',
    });
    await classifyEnterprises(database.db, { chainCode: 'biomed' });
    const after = await getEnterprise(database.db, lab);
    const byNode = new Map(after.classifications.map((c) => [c.nodeCode, c]));
    expect(byNode.get('biomed.down.precision')).toMatchObject({
      decision: 'confirmed',
      primary: true,
      method: 'manual',
    });
    expect(byNode.get('biomed.down.diagnostics')).toMatchObject({
      decision: 'rejected',
      primary: false,
      method: 'manual',
    });
    expect(after.classifications.filter((c) => c.primary)).toHaveLength(1);
  });

  it('refuses a node the chain does not have', async () => {
    await expect(
      decideClassification(database.db, analyst, {
        enterpriseId: ids[0] ?? 0,
        chainCode: 'biomed',
        nodeCode: 'biomed.mid.nothing',
        decision: 'confirmed',
      }),
    ).rejects.toThrow(/"biomed.mid.nothing" is not a node of chain biomed/);
  });
});
