import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import { findChromium } from '../services/report/report-pdf.ts';
import type { ChainAnalysis, ChainComparison, TargetView } from '../shared/api/analysis.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import { ApiClient } from '../test-support/api-client.ts';
import type { App } from './app.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';

describe(`analysis API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let analyst: ApiClient;
  let viewer: ApiClient;

  beforeAll(async () => {
    let admin: ApiClient;
    ({ database, app, admin } = await startTestApp((seeded) => seedChainFixture(seeded.db)));
    analyst = await signInNewUser(app, admin, 'ana', 'analyst');
    viewer = await signInNewUser(app, admin, 'vic', 'viewer');
  });
  afterAll(async () => {
    await database.close();
  });

  it('answers the node metrics of a region, with status and reasons in both languages', async () => {
    const { status, body } = await viewer.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202&year=2024',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      chain: { code: 'biomed' },
      region: { code: '3202', name: '无锡市' },
      year: 2024,
      years: [2023, 2024],
      totals: { enterprises: 5, outputYuan: 1250, national: { enterprises: 7, outputYuan: 2750 } },
    });
    const device = body.nodes.find((n) => n.code === 'biomed.mid.device');
    expect(device).toMatchObject({
      stageCode: 'biomed.mid',
      name: { zh: '医疗设备', en: 'Medical equipment' },
      enterprises: 3,
      outputYuan: 1000,
      share: 0.8,
      previousOutputYuan: 750,
      hhi: expect.closeTo(4600, 6) as number,
      topShare: 0.6,
      status: 'weak',
    });
    // LQ = (1,000 / 1,250) / (2,000 / 2,750) = 1.1
    expect(device?.lq).toBeCloseTo(1.1, 12);
    expect(device?.growth).toBeCloseTo(1000 / 750 - 1, 12);
    expect(device?.reasons.map((r) => r.code)).toEqual(['dominant_enterprise', 'concentrated']);
    expect(device?.reasons[0]?.zh).toMatch(/60%/);
    const blood = body.nodes.find((n) => n.code === 'biomed.mid.blood');
    expect(blood).toMatchObject({
      status: 'missing',
      enterprises: 0,
      national: { enterprises: 1 },
    });
    expect(body.nodes.find((n) => n.code === 'biomed.mid.ivd')).toMatchObject({
      alsoOnNode: 1,
      chainMasters: [{ name: '链测ivdMaster有限公司' }],
    });
    expect(body.topEnterprises.map((e) => e.outputYuan)).toEqual([600, 300, 200, 100, 50]);
    // Reagents hold only a firm counted on API (a secondary placement): present, but weak.
    expect(body.nodes.find((n) => n.code === 'biomed.up.reagent')).toMatchObject({
      enterprises: 0,
      alsoOnNode: 1,
      status: 'weak',
      reasons: [{ code: 'secondary_only' }],
    });
    expect(body.completeness.present).toBe(4);
  });

  it('refuses unknown chains and regions with 404 and bad parameters with 400', async () => {
    const unknownChain = await viewer.json<ErrorResponse>(
      'GET',
      '/api/chains/nope/analysis?region=3202',
    );
    expect(unknownChain.status).toBe(404);
    expect(unknownChain.body.error.code).toBe('CHAIN_NOT_FOUND');
    const unknownRegion = await viewer.json<ErrorResponse>(
      'GET',
      '/api/chains/biomed/analysis?region=9999',
    );
    expect(unknownRegion.status).toBe(404);
    expect(unknownRegion.body.error.code).toBe('REGION_NOT_FOUND');
    for (const query of ['', '?region=wuxi', '?region=3202&year=next', '?region=3202&year=2031']) {
      const bad = await viewer.json<ErrorResponse>('GET', `/api/chains/biomed/analysis${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code, query).toBe('VALIDATION_FAILED');
    }
    const signedOut = await new ApiClient(app).json(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    expect(signedOut.status).toBe(401);
  });

  it('compares regions node by node', async () => {
    const { status, body } = await viewer.json<ChainComparison>(
      'GET',
      '/api/chains/biomed/comparison?regions=3202,3205&year=2024',
    );
    expect(status).toBe(200);
    expect(body.regions.map((r) => [r.code, r.enterprises, r.outputYuan])).toEqual([
      ['3202', 5, 1250],
      ['3205', 2, 1500],
    ]);
    const blood = body.nodes.find((n) => n.code === 'biomed.mid.blood');
    expect(blood?.cells.map((c) => c.status)).toEqual(['missing', 'weak']);
    const single = await viewer.json<ErrorResponse>(
      'GET',
      '/api/chains/biomed/comparison?regions=3202',
    );
    expect(single.status).toBe(400);
    const unknown = await viewer.json<ErrorResponse>(
      'GET',
      '/api/chains/biomed/comparison?regions=3202,9999',
    );
    expect(unknown.status).toBe(404);
  });

  it('lets an analyst set targets (a viewer may not), and the analysis shows them at once', async () => {
    const body = { region: '3202', year: 2025, valueYuan: 2000 };
    expect((await viewer.json('PUT', '/api/chains/biomed/targets', body)).status).toBe(403);
    const saved = await analyst.json<TargetView>('PUT', '/api/chains/biomed/targets', body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ chainCode: 'biomed', nodeCode: null, valueYuan: 2000 });
    const node = await analyst.json<TargetView>('PUT', '/api/chains/biomed/targets', {
      ...body,
      valueYuan: 1500,
      node: 'biomed.mid.device',
    });
    expect(node.body.nodeCode).toBe('biomed.mid.device');
    const list = await viewer.json<{ items: TargetView[] }>(
      'GET',
      '/api/chains/biomed/targets?region=3202',
    );
    expect(list.body.items.map((t) => [t.nodeCode, t.valueYuan])).toEqual([
      [null, 2000],
      ['biomed.mid.device', 1500],
    ]);
    // Without a region: every region's targets, which is how the cockpit finds its default region.
    const everywhere = await viewer.json<{ items: TargetView[] }>(
      'GET',
      '/api/chains/biomed/targets',
    );
    expect(everywhere.status).toBe(200);
    expect(everywhere.body.items.map((t) => [t.regionCode, t.nodeCode])).toEqual([
      ['3202', null],
      ['3202', 'biomed.mid.device'],
    ]);
    const analysis = await viewer.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    const chainTarget = analysis.body.targets.find((t) => t.nodeCode === null);
    // 1,250 in 2024 → 2,000 in 2025 needs 60%; the one-year trend (+38.9%) reaches only 1,736.
    expect(chainTarget).toMatchObject({ state: 'off_track', actualYuan: 1250, progress: 0.625 });
    expect(chainTarget?.projectedYuan).toBeCloseTo((1250 * 1250) / 900, 9);
    expect(chainTarget?.requiredGrowth).toBeCloseTo(0.6, 12);
    expect(chainTarget?.trendGrowth).toBeCloseTo(1250 / 900 - 1, 12);
    for (const bad of [
      { ...body, valueYuan: -1 },
      { ...body, region: 'x' },
      { ...body, node: 'biomed.mid.nope' },
    ]) {
      expect((await analyst.json('PUT', '/api/chains/biomed/targets', bad)).status).toBe(400);
    }
    expect((await analyst.json('PUT', '/api/chains/nope/targets', body)).status).toBe(404);
  });

  it('serves the briefing as HTML (Chinese by default), Markdown or JSON', async () => {
    const html = await viewer.request('GET', '/api/chains/biomed/report?region=3202&year=2024');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await html.text();
    expect(page).toMatch(/<html lang="zh-CN">/);
    expect(page.match(/<svg[\s>]/g)).toHaveLength(3);
    const md = await viewer.request(
      'GET',
      '/api/chains/biomed/report?region=3202&format=md&lang=en',
    );
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toMatch(/^# Biomedicine chain briefing: 无锡市/);
    const json = await viewer.json<{ analysis: ChainAnalysis }>(
      'GET',
      '/api/chains/biomed/report?region=3202&format=json',
    );
    expect(json.body.analysis.totals.outputYuan).toBe(1250);
    const bad = await viewer.json<ErrorResponse>(
      'GET',
      '/api/chains/biomed/report?region=3202&format=docx',
    );
    expect(bad.status).toBe(400);
    expect((await viewer.json('GET', '/api/chains/biomed/report?region=9999')).status).toBe(404);
  });

  it.skipIf(!findChromium())(
    "prints the briefing as an A4 PDF with the server's Chromium",
    async () => {
      const response = await viewer.request(
        'GET',
        '/api/chains/biomed/report?region=3202&year=2024&format=pdf&lang=en',
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain('biomed-3202-2024-en.pdf');
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // A4 (210 × 297 mm) is about 595 × 842 points; the briefing runs to more than one page.
      const text = pdf.toString('latin1');
      const [width, height] = (text.match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/) ?? [])
        .slice(1)
        .map(Number);
      expect(width).toBeCloseTo(595, -1);
      expect(height).toBeCloseTo(842, -1);
      expect(text.match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
      expect((await viewer.json('GET', '/api/health')).body).toMatchObject({ pdfReports: true });
    },
  );

  it('refuses a PDF with 501 and says why where the server has no Chromium', async () => {
    const configured = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const refused = await viewer.json<ErrorResponse>(
        'GET',
        '/api/chains/biomed/report?region=3202&format=pdf',
      );
      expect(refused.status).toBe(501);
      expect(refused.body.error.code).toBe('PDF_UNAVAILABLE');
      expect(refused.body.error.message).toMatch(/Chromium.*HTML/s);
      expect((await viewer.json('GET', '/api/health')).body).toMatchObject({ pdfReports: false });
    } finally {
      if (configured === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = configured;
    }
  });

  it('documents the analysis operations and schemas in the OpenAPI document', async () => {
    const document = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.paths['/api/chains/{code}/analysis']?.get?.['x-permission']).toBe('chain:read');
    expect(document.paths['/api/chains/{code}/comparison']?.get?.['x-permission']).toBe(
      'chain:read',
    );
    expect(document.paths['/api/chains/{code}/targets']?.put?.['x-permission']).toBe('chain:write');
    expect(document.paths['/api/chains/{code}/report']?.get?.['x-permission']).toBe('chain:read');
    for (const schema of [
      'ChainAnalysis',
      'NodeAnalysis',
      'TargetProgress',
      'ChainComparison',
      'Target',
      'ChainReport',
    ]) {
      expect(Object.keys(document.components.schemas)).toContain(schema);
    }
  });
});
