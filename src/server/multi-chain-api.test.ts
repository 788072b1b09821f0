import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { EnterpriseDetail, EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { ImportView } from '../shared/api/imports.ts';
import {
  readChainTemplate,
  saveChainTemplates,
} from '../services/reference/chain-templates.service.ts';
import { startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';

const SENSOR_TEMPLATE = fileURLToPath(
  new URL('../test-support/templates/sensor.yaml', import.meta.url),
);

type List<T> = { items: T[]; total: number };

// One firm on two chains (a pressure-sensor maker that also makes patient monitors), one on each.
const CSV = [
  '企业名称,行政区划代码,经营范围,主营产品,营业收入（万元）,年份',
  '无锡双链传感医疗有限公司,320214,传感器制造；医疗器械生产,压力传感器；多参数监护仪,3000,2024',
  '无锡单链芯感科技有限公司,320206,传感芯片设计,MEMS芯片,1000,2024',
  '无锡单链诊断试剂有限公司,320211,体外诊断试剂的研发和生产,化学发光检测试剂盒,2000,2024',
].join('\n');

describe(`an enterprise on several chains, over the API (${testDatabaseKind()})`, () => {
  let database: Database;
  let admin: ApiClient;
  const ids: Record<'both' | 'sensor' | 'biomed', number> = { both: 0, sensor: 0, biomed: 0 };

  beforeAll(async () => {
    ({ database, admin } = await startTestApp(async ({ db }) => {
      await saveChainTemplates(db, [readChainTemplate(SENSOR_TEMPLATE)], {
        id: null,
        name: 'test',
      });
    }));
    const form = new FormData();
    form.set('source', 'multi-chain test');
    form.set('file', new File([CSV], '两条链.csv', { type: 'text/csv' }));
    const started = await admin.request('POST', '/api/imports', form);
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as ImportView;
    for (let attempt = 0; attempt < 200; attempt++) {
      const { body } = await admin.json<ImportView>('GET', `/api/imports/${id}`);
      if (body.status !== 'running') {
        expect(body).toMatchObject({ status: 'done', counts: { inserted: 3 } });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const listed = await admin.json<List<EnterpriseSummary>>('GET', '/api/enterprises?q=无锡');
    const idOf = (name: string) => listed.body.items.find((e) => e.name === name)?.id ?? 0;
    ids.both = idOf('无锡双链传感医疗有限公司');
    ids.sensor = idOf('无锡单链芯感科技有限公司');
    ids.biomed = idOf('无锡单链诊断试剂有限公司');
  });
  afterAll(async () => {
    await database.close();
  });

  const detail = async (id: number) =>
    (await admin.json<EnterpriseDetail>('GET', `/api/enterprises/${id}`)).body;
  const analysis = async (chain: string) =>
    (await admin.json<ChainAnalysis>('GET', `/api/chains/${chain}/analysis?region=3202`)).body;
  const countedOn = (a: ChainAnalysis, code: string) =>
    a.nodes.find((n) => n.code === code)?.enterprises ?? 0;

  it('classifies an import against every loaded chain and shows each placement', async () => {
    const both = await detail(ids.both);
    const confirmed = both.classifications
      .filter((c) => c.decision === 'confirmed' && c.primary)
      .map((c) => c.nodeCode);
    expect(confirmed).toEqual(expect.arrayContaining(['sensor.mid.device', 'biomed.mid.device']));
    // The sensor-chip maker sits on the sensor chain, and may sit on other bundled chains
    // (the ic template's chip design), but never on biomed.
    const sensorNodes = (await detail(ids.sensor)).classifications.map((c) => c.nodeCode);
    expect(sensorNodes.filter((code) => code.startsWith('sensor.'))).toEqual(['sensor.up.chip']);
    expect(sensorNodes.some((code) => code.startsWith('biomed.'))).toBe(false);
    expect(
      (await detail(ids.biomed)).classifications.every((c) => c.nodeCode.startsWith('biomed.')),
    ).toBe(true);
  });

  it("counts the firm in both chains' analyses, once on each", async () => {
    const sensor = await analysis('sensor');
    expect(sensor.totals.enterprises).toBe(2);
    expect(countedOn(sensor, 'sensor.mid.device')).toBe(1);
    expect(countedOn(sensor, 'sensor.up.chip')).toBe(1);
    const biomed = await analysis('biomed');
    expect(biomed.totals.enterprises).toBe(2);
    expect(countedOn(biomed, 'biomed.mid.device')).toBe(1);
    expect(countedOn(biomed, 'biomed.mid.ivd')).toBe(1);
  });

  it("filters the registry by chain and lists each firm's node on that chain", async () => {
    const onSensor = await admin.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?chain=sensor',
    );
    expect(onSensor.status).toBe(200);
    expect(onSensor.body.items.map((e) => e.id).sort()).toEqual([ids.both, ids.sensor].sort());
    expect(onSensor.body.items.find((e) => e.id === ids.both)?.primaryNode?.code).toBe(
      'sensor.mid.device',
    );
    const onBiomed = await admin.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?chain=biomed',
    );
    expect(onBiomed.body.items.map((e) => e.id).sort()).toEqual([ids.both, ids.biomed].sort());
    expect(onBiomed.body.items.find((e) => e.id === ids.both)?.primaryNode?.code).toBe(
      'biomed.mid.device',
    );
    // A node filter lists the node of that node's chain too.
    const onStage = await admin.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?node=sensor.mid',
    );
    expect(onStage.body.items.map((e) => [e.id, e.primaryNode?.code])).toEqual([
      [ids.both, 'sensor.mid.device'],
    ]);
    // nodeChain shows each firm's node on that chain without filtering the list by it.
    const whole = await admin.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?nodeChain=sensor&pageSize=100',
    );
    const nodeOf = (id: number) => whole.body.items.find((e) => e.id === id)?.primaryNode?.code;
    expect(nodeOf(ids.both)).toBe('sensor.mid.device');
    expect(nodeOf(ids.biomed)).toBeUndefined();
    expect(whole.body.items.some((e) => e.id === ids.biomed)).toBe(true);
    expect(whole.body.total).toBeGreaterThan(onSensor.body.total);
    expect((await admin.request('GET', '/api/enterprises?nodeChain=x%00')).status).toBe(400);
    const bad = await admin.request('GET', '/api/enterprises?chain=Sensor!');
    expect(bad.status).toBe(400);
  });

  it("changing the firm's place on one chain leaves the other chain alone", async () => {
    const before = (await detail(ids.both)).classifications.filter((c) =>
      c.nodeCode.startsWith('biomed.'),
    );
    const biomedBefore = await analysis('biomed');
    const rejected = await admin.json(
      'PUT',
      `/api/enterprises/${ids.both}/classifications/sensor.mid.device`,
      { decision: 'rejected' },
    );
    expect(rejected.status).toBe(200);
    const after = await detail(ids.both);
    expect(after.classifications.filter((c) => c.nodeCode.startsWith('biomed.'))).toEqual(before);
    expect((await analysis('sensor')).totals.enterprises).toBe(1);
    expect(await analysis('biomed')).toEqual(biomedBefore);
  });
});
