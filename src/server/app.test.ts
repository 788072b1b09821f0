import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, enterprise, session } from '../db/schema.ts';
import type { Database } from '../db/connection.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { bundledChainCodes } from '../test-support/bundled-chains.ts';
import { SESSION_TTL_MS } from '../services/auth/users.service.ts';
import { findChromium } from '../services/report/report-pdf.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { SessionState } from '../shared/api/auth.ts';
import type { ChainDetail } from '../shared/api/chains.ts';
import type { EnterpriseDetail, EnterpriseSummary } from '../shared/api/enterprises.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { AuditPage } from '../shared/api/audit.ts';
import type { ParkDetail, ParkSummary } from '../shared/api/parks.ts';
import type { Region } from '../shared/api/regions.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { createApp, type App } from './app.ts';

const ADMIN_PASSWORD = 'admin-test-password';
type List<T> = { items: T[]; total: number };

describe(`the HTTP API on the demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: ADMIN_PASSWORD, demoOnFirstRun: true });
    app = createApp({ database, version: 'test' });
  });
  afterAll(async () => {
    await database.close();
  });

  async function signedIn(username = 'admin', password = ADMIN_PASSWORD): Promise<ApiClient> {
    const client = new ApiClient(app);
    await client.login(username, password);
    return client;
  }

  it('answers the health check without a session', async () => {
    const { status, body } = await new ApiClient(app).json('GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      version: 'test',
      database: testDatabaseKind() === 'pglite' ? 'pglite' : 'postgres',
      demoLoaded: true,
      pdfReports: findChromium() !== null,
    });
  });

  it('refuses data without a session (401) in the documented error shape', async () => {
    const { status, body } = await new ApiClient(app).json<ErrorResponse>(
      'GET',
      '/api/enterprises',
    );
    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.message).toMatch(/Sign in/);
  });

  it('refuses a wrong password with 401 and says nothing about which half was wrong', async () => {
    const client = new ApiClient(app);
    const wrong = await client.request('POST', '/api/auth/login', {
      username: 'admin',
      password: 'not-the-password',
    });
    const unknown = await client.request('POST', '/api/auth/login', {
      username: 'nobody',
      password: 'not-the-password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const [wrongBody, unknownBody] = [await wrong.json(), await unknown.json()];
    expect(wrongBody).toEqual(unknownBody);
    expect(JSON.stringify(wrongBody)).not.toMatch(/scrypt|hash|admin/);
  });

  it('signs in with a cookie session, tells who is signed in, and signs out', async () => {
    const client = await signedIn();
    const me = await client.json<{ username: string; role: string; permissions: string[] }>(
      'GET',
      '/api/auth/me',
    );
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: 'admin', role: 'admin' });
    expect(me.body.permissions).toContain('user:manage');
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await client.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends a session removed by another process, and one whose time ran out, at the next request', async () => {
    const removed = await signedIn('viewer', 'chainlead-viewer');
    expect((await removed.request('GET', '/api/auth/me')).status).toBe(200);
    // Another server process on the same database signs the viewer out: only the row goes.
    await database.db.delete(session);
    expect((await removed.request('GET', '/api/auth/me')).status).toBe(401);

    const expiring = await signedIn('viewer', 'chainlead-viewer');
    expect((await expiring.request('GET', '/api/auth/me')).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + SESSION_TTL_MS + 1000);
      expect((await expiring.request('GET', '/api/auth/me')).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sets the session cookie HttpOnly and SameSite', async () => {
    const response = await new ApiClient(app).request('POST', '/api/auth/login', {
      username: 'viewer',
      password: 'chainlead-viewer',
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^chainlead_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('returns the biomedical chain with 3 stages, the 22 node codes and its flows', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const { status, body } = await client.json<ChainDetail>('GET', '/api/chains/biomed');
    expect(status).toBe(200);
    expect(body.stages.map((s) => s.code)).toEqual(['biomed.up', 'biomed.mid', 'biomed.down']);
    const codes = body.stages.flatMap((s) => s.nodes.map((n) => n.code));
    expect(codes).toHaveLength(22);
    expect(codes).toContain('biomed.down.digital');
    expect(body.stages[0]?.nodes[0]).toMatchObject({
      code: 'biomed.up.api',
      name: { zh: '原料药与医药中间体', en: 'APIs and intermediates' },
      industryCodes: ['2710'],
    });
    expect(body.flows).toContainEqual(
      expect.objectContaining({ from: 'biomed.up.api', to: 'biomed.mid.chem' }),
    );
    const list = await client.json<List<{ code: string; nodeCount: number }>>('GET', '/api/chains');
    // Every bundled template is loaded; biomed is one of them, with its 22 nodes.
    expect(list.body.items.map((c) => c.code)).toEqual(bundledChainCodes());
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ code: 'biomed', nodeCount: 22 }),
    );
    expect((await client.json<ErrorResponse>('GET', '/api/chains/nope')).body.error.code).toBe(
      'CHAIN_NOT_FOUND',
    );
  });

  it('lists at least 1,200 Wuxi enterprises, paged, all marked demo', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const { status, body } = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?region=3202&pageSize=50',
    );
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThanOrEqual(1200);
    expect(body.items).toHaveLength(50);
    for (const item of body.items) {
      expect(item.regionCode.startsWith('3202')).toBe(true);
      expect(item.demo).toBe(true);
      // Named from the city down: a district's name alone is ambiguous across cities.
      expect(item.place).toBe(`无锡市·${item.regionName}`);
    }
    // A municipality has no city step of its own: its district is named under it.
    const shanghai = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?region=31&pageSize=5',
    );
    expect(shanghai.body.items.length).toBeGreaterThan(0);
    for (const item of shanghai.body.items) expect(item.place).toBe(`上海市·${item.regionName}`);
    const page2 = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?region=3202&pageSize=50&page=2',
    );
    expect(page2.body.items[0]?.id).not.toBe(body.items[0]?.id);
    const all = await client.json<List<EnterpriseSummary>>('GET', '/api/enterprises?pageSize=1');
    expect(all.body.total).toBeGreaterThan(body.total);
  });

  it('filters enterprises by district, tag and text', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const district = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?region=320214&pageSize=500',
    );
    expect(district.body.total).toBeGreaterThan(0);
    expect(district.body.items.every((e) => e.regionCode === '320214')).toBe(true);

    const masters = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?region=3202&tag=chain_master&pageSize=500',
    );
    expect(masters.body.total).toBeGreaterThan(5);
    expect(masters.body.items.every((e) => e.tags.includes('chain_master'))).toBe(true);

    const text = await client.json<List<EnterpriseSummary>>(
      'GET',
      `/api/enterprises?q=${encodeURIComponent('药明康德')}`,
    );
    expect(text.body.items.map((e) => e.name)).toContain('无锡药明康德新药开发股份有限公司');

    const bad = await client.json<ErrorResponse>(
      'GET',
      '/api/enterprises?region=abc&pageSize=9999',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.message).toMatch(/region/);
    expect(bad.body.error.message).toMatch(/pageSize/);
  });

  it('shows one enterprise with yearly figures; a real name carries illustrative figures', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const found = await client.json<List<EnterpriseSummary>>(
      'GET',
      `/api/enterprises?q=${encodeURIComponent('阿斯利康')}`,
    );
    const id = found.body.items[0]?.id;
    const { status, body } = await client.json<EnterpriseDetail>('GET', `/api/enterprises/${id}`);
    expect(status).toBe(200);
    expect(body.figuresIllustrative).toBe(true);
    expect(body.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(body.years.every((y) => (y.outputYuan ?? 0) > 1e9)).toBe(true);

    const missing = await client.json<ErrorResponse>('GET', '/api/enterprises/99999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ENTERPRISE_NOT_FOUND');
  });

  it('returns 4 parks whose space adds up to 860,000 m², with space by kind', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const { status, body } = await client.json<List<ParkSummary>>('GET', '/api/parks');
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    expect(body.items.reduce((sum, p) => sum + p.totalAreaM2, 0)).toBe(860_000);
    for (const parkItem of body.items) {
      expect(parkItem.occupancyRate).toBeGreaterThan(0.3);
      expect(parkItem.occupancyRate).toBeLessThan(1);
      const kinds = parkItem.spaceByKind.reduce((sum, k) => sum + k.areaM2, 0);
      expect(kinds).toBe(parkItem.totalAreaM2);
    }
    const first = body.items[0];
    const detail = await client.json<ParkDetail>('GET', `/api/parks/${first?.id}`);
    expect(detail.body.spaces.reduce((sum, s) => sum + s.areaM2, 0)).toBe(first?.totalAreaM2);
    expect(detail.body.tenants.length).toBe(first?.tenantCount);
  });

  it('tells the session state without a 401: null signed out, the user signed in', async () => {
    const anonymous = await new ApiClient(app).json<SessionState>('GET', '/api/auth/session');
    expect(anonymous).toEqual({
      status: 200,
      body: { user: null, homeRegion: '3202', defaultChain: 'biomed' },
    });
    const client = await signedIn('viewer', 'chainlead-viewer');
    const { body } = await client.json<SessionState>('GET', '/api/auth/session');
    expect(body.user).toMatchObject({ username: 'viewer', role: 'viewer' });
    expect(body.user?.permissions).not.toContain('enterprise:write');
  });

  it("tells the web app the home region it is served for, the demo's when none is set", async () => {
    const elsewhere = createApp({ database, version: 'test', homeRegion: '3205' });
    const { body } = await new ApiClient(elsewhere).json<SessionState>('GET', '/api/auth/session');
    expect(body).toEqual({ user: null, homeRegion: '3205', defaultChain: 'biomed' });
  });

  it('tells the web app its default chain: the configured one when loaded, else biomed', async () => {
    const session = async (defaultChain: string) => {
      const configured = createApp({ database, version: 'test', defaultChain });
      const client = new ApiClient(configured);
      return (await client.json<SessionState>('GET', '/api/auth/session')).body.defaultChain;
    };
    expect(await session('biomed')).toBe('biomed');
    // Another bundled chain, configured, is the one the app opens on.
    expect(await session('ic')).toBe('ic');
    // A chain that is not loaded (a typo, a template not yet loaded) opens biomed, not the first
    // chain by code, however many templates are bundled.
    expect(await session('not-loaded')).toBe('biomed');
  });

  it('sorts the whole registry server-side, by output, founding date and name', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const path = '/api/enterprises?region=3202&pageSize=500';
    const byOutput = await client.json<List<EnterpriseSummary>>(
      'GET',
      `${path}&sort=latestOutput&order=desc`,
    );
    const outputs = byOutput.body.items.map((e) => e.latestOutputYuan ?? -1);
    expect(outputs).toEqual([...outputs].sort((a, b) => b - a));
    const lastPage = Math.ceil(byOutput.body.total / 500);
    const tail = await client.json<List<EnterpriseSummary>>(
      'GET',
      `${path}&sort=latestOutput&order=asc&page=${lastPage}`,
    );
    const tailOutputs = tail.body.items.map((e) => e.latestOutputYuan);
    expect(tailOutputs.at(-1)).toBe(Math.max(...outputs));

    const byFounding = await client.json<List<EnterpriseSummary>>(
      'GET',
      `${path}&sort=foundedOn&order=asc`,
    );
    const dates = byFounding.body.items.map((e) => e.foundedOn).filter((d) => d !== null);
    expect(dates).toEqual([...dates].sort());
    const byName = await client.json<List<EnterpriseSummary>>(
      'GET',
      `${path}&sort=name&order=desc`,
    );
    const names = byName.body.items.map((e) => e.name);
    expect(names[0]! >= names.at(-1)!).toBe(true);
    const bad = await client.json<ErrorResponse>('GET', '/api/enterprises?sort=uscc');
    expect(bad.status).toBe(400);
  });

  it('filters by park and by decision alone, and names each primary node', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const parks = await client.json<List<ParkSummary>>('GET', '/api/parks');
    const first = parks.body.items[0];
    const tenants = await client.json<List<EnterpriseSummary>>(
      'GET',
      `/api/enterprises?park=${first?.id}&pageSize=500`,
    );
    expect(tenants.body.total).toBe(first?.tenantCount);
    expect(tenants.body.items.every((e) => e.parkId === first?.id)).toBe(true);

    const uncertain = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?decision=uncertain&pageSize=5',
    );
    expect(uncertain.body.total).toBeGreaterThan(0);
    const all = await client.json<List<EnterpriseSummary>>('GET', '/api/enterprises?pageSize=1');
    expect(uncertain.body.total).toBeLessThan(all.body.total);
    const detail = await client.json<EnterpriseDetail>(
      'GET',
      `/api/enterprises/${uncertain.body.items[0]?.id}`,
    );
    expect(detail.body.classifications.some((c) => c.decision === 'uncertain')).toBe(true);

    const onDevice = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?node=biomed.mid.device&decision=confirmed&pageSize=50',
    );
    const placed = onDevice.body.items.filter((e) => e.primaryNode?.code === 'biomed.mid.device');
    expect(placed.length).toBeGreaterThan(0);
    expect(placed[0]?.primaryNode?.name).toEqual({ zh: '医疗设备', en: 'Medical equipment' });
  });

  it("exports the list's filter as an Excel workbook that a viewer may download", async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const filter = 'region=3202&tag=chain_master';
    const list = await client.json<List<EnterpriseSummary>>(
      'GET',
      `/api/enterprises?${filter}&pageSize=500`,
    );
    const response = await client.request('GET', `/api/enterprises/export.xlsx?${filter}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.xlsx"/);
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    // A workbook is for people: names, and money with its unit (the import reads them back).
    expect(header.slice(0, 5)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '英文名称',
      '行政区划代码',
      '地区',
    ]);
    expect(header[7]).toBe('注册资本（元）');
    expect(header[9]).toBe('行业名称');
    expect(header.slice(13, 15)).toEqual(['营业收入（元）', '工业总产值（元）']);
    expect(header.at(-1)).toBe('产业链环节');
    const names: unknown[] = [];
    const regionNames = new Set<unknown>();
    const nodeCells: string[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) names.push(row.getCell(2).value);
      if (number > 1) regionNames.add(row.getCell(5).value);
      if (number > 1) nodeCells.push(row.getCell(header.length).text);
    });
    // The node each firm counts on, by chain and node name: the list's, for every chain master.
    const chains = await client.json<List<{ code: string; name: { zh: string } }>>(
      'GET',
      '/api/chains',
    );
    const chainName = (code: string) =>
      chains.body.items.find((c) => c.code === code.split('.')[0])?.name.zh;
    const nodeTexts = list.body.items.flatMap((e) =>
      e.primaryNode ? [`${chainName(e.primaryNode.code)}·${e.primaryNode.name.zh}`] : [],
    );
    expect(nodeTexts.length).toBeGreaterThan(0);
    for (const text of nodeTexts) {
      expect(
        nodeCells.some((cell) => cell.includes(text)),
        text,
      ).toBe(true);
    }
    for (const cell of nodeCells) expect(cell).not.toMatch(/biomed\./);
    // Names beside the codes, for the reader: every row's region by its path.
    for (const name of regionNames) expect(String(name)).toMatch(/^江苏省·无锡市·/);
    expect(names.sort()).toEqual(list.body.items.map((e) => e.name).sort());
    expect(list.body.total).toBeGreaterThan(5);

    const anonymous = await new ApiClient(app).request('GET', '/api/enterprises/export.xlsx');
    expect(anonymous.status).toBe(401);
    const bad = await client.request('GET', '/api/enterprises/export.xlsx?region=x');
    expect(bad.status).toBe(400);
  });

  it("counts a park's tenants by their primary node", async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const parks = await client.json<List<ParkSummary>>('GET', '/api/parks');
    for (const item of parks.body.items) {
      const { body } = await client.json<ParkDetail>('GET', `/api/parks/${item.id}`);
      const counted = body.tenantsByNode.reduce((sum, n) => sum + n.count, 0);
      expect(counted).toBe(body.tenants.length);
      const counts = body.tenantsByNode.filter((n) => n.nodeCode !== null).map((n) => n.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      for (const entry of body.tenantsByNode) {
        const on = body.tenants.filter((t) =>
          entry.nodeCode === null ? t.nodeCodes.length === 0 : t.nodeCodes.includes(entry.nodeCode),
        );
        expect(on).toHaveLength(entry.count);
      }
    }
    const withTenants = parks.body.items.find((p) => p.tenantCount > 0);
    const { body } = await client.json<ParkDetail>('GET', `/api/parks/${withTenants?.id}`);
    expect(body.tenantsByNode[0]?.nodeName?.zh).toMatch(/\p{Script=Han}/u);
  });

  it('lists a tenant on two chains once, with its node on each, and counts it once', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const shared = await client.json<List<EnterpriseSummary>>(
      'GET',
      '/api/enterprises?chain=equipment&pageSize=500',
    );
    const firm = shared.body.items.find((e) => e.chains.length === 2);
    expect(firm?.chains).toEqual(['biomed', 'equipment']);
    const parks = await client.json<List<ParkSummary>>('GET', '/api/parks');
    const target = parks.body.items[0];
    if (!firm || !target) throw new Error('the demo has a shared firm and a park');
    // Fixture: the firm moves into the park (the registry import's park column does the same).
    await database.db
      .update(enterprise)
      .set({ parkId: target.id })
      .where(eq(enterprise.id, firm.id));
    try {
      const { body } = await client.json<ParkDetail>('GET', `/api/parks/${target.id}`);
      const rows = body.tenants.filter((t) => t.id === firm.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.nodeCodes.map((code) => code.split('.')[0])).toEqual(['biomed', 'equipment']);
      expect(body.tenantCount).toBe(target.tenantCount + 1);
      expect(body.tenants).toHaveLength(body.tenantCount);
      const after = await client.json<List<ParkSummary>>('GET', '/api/parks');
      expect(after.body.items.find((p) => p.id === target.id)?.tenantCount).toBe(body.tenantCount);
      for (const code of rows[0]?.nodeCodes ?? []) {
        const entry = body.tenantsByNode.find((n) => n.nodeCode === code);
        expect(entry?.count, code).toBe(
          body.tenants.filter((t) => t.nodeCodes.includes(code)).length,
        );
      }
    } finally {
      await database.db.update(enterprise).set({ parkId: null }).where(eq(enterprise.id, firm.id));
    }
  });

  it('lists provinces, and the districts of Wuxi', async () => {
    const client = await signedIn('viewer', 'chainlead-viewer');
    const provinces = await client.json<List<Region>>('GET', '/api/regions');
    expect(provinces.body.total).toBe(31);
    const wuxi = await client.json<List<Region>>('GET', '/api/regions?parent=3202');
    expect(wuxi.body.items.map((r) => r.code)).toEqual([
      '320205',
      '320206',
      '320211',
      '320213',
      '320214',
      '320281',
      '320282',
    ]);
    expect(wuxi.body.items.find((r) => r.code === '320214')?.name).toBe('新吴区');
    // English names beside the Chinese, for the interface in English.
    expect(wuxi.body.items.find((r) => r.code === '320214')?.nameEn).toBe('Xinwu District');
    expect(provinces.body.items.find((r) => r.code === '32')?.nameEn).toBe('Jiangsu');
    const unknown = await client.json<ErrorResponse>('GET', '/api/regions?parent=9999');
    expect(unknown.body.error.code).toBe('REGION_NOT_FOUND');
  });

  it('refuses a viewer a write (403) and changes nothing; an admin may make it', async () => {
    const viewer = await signedIn('viewer', 'chainlead-viewer');
    const auditBefore = await database.db.$count(auditLog);
    const refused = await viewer.json<ErrorResponse>('POST', '/api/users', {
      username: 'intruder',
      password: 'long-enough-password',
      role: 'admin',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(await database.db.$count(auditLog)).toBe(auditBefore);

    const admin = await signedIn();
    const created = await admin.json<{ username: string; role: string }>('POST', '/api/users', {
      username: 'li.wei',
      password: 'long-enough-password',
      role: 'analyst',
      displayName: '李伟',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'li.wei', role: 'analyst' });
    const duplicate = await admin.json<ErrorResponse>('POST', '/api/users', {
      username: 'li.wei',
      password: 'long-enough-password',
      role: 'viewer',
    });
    expect(duplicate.status).toBe(409);
    await new ApiClient(app).login('li.wei', 'long-enough-password');
  });

  it('records every write in the audit log with who, what and before/after', async () => {
    const admin = await signedIn();
    await admin.json('POST', '/api/users', {
      username: 'audited',
      password: 'long-enough-password',
      role: 'viewer',
    });
    const rows = await database.db.select().from(auditLog);
    const entry = rows.find(
      (r) =>
        r.action === 'user.create' &&
        r.entityType === 'user' &&
        (r.after as { username?: string }).username === 'audited',
    );
    expect(entry).toMatchObject({ actorName: 'admin' });
    expect(entry?.after).not.toHaveProperty('passwordHash');
    const demo = rows.find((r) => r.action === 'demo.load');
    // The demo's users are listed by name and role; their passwords are never in the log.
    expect((demo?.after as { users?: unknown[] }).users).toContainEqual({
      username: 'office',
      role: 'office',
    });
    expect(JSON.stringify(rows.map((r) => [r.before, r.after]))).not.toMatch(/chainlead-office/);
    // An entry of an older version that held them shows them redacted in the log's pages.
    await database.db.insert(auditLog).values({
      actorName: 'admin',
      action: 'demo.load',
      entityType: 'dataset',
      entityId: 'demo-old',
      after: { users: [{ username: 'office', password: 'chainlead-office', role: 'office' }] },
    });
    const page = await admin.json<AuditPage>('GET', '/api/audit?entity=dataset&entityId=demo-old');
    expect(page.body.items[0]?.after).toEqual({
      users: [{ username: 'office', password: '[redacted]', role: 'office' }],
    });
    expect(rows.some((r) => r.action === 'session.login')).toBe(true);
  });

  it('rejects a body that is not JSON with a 400, not a crash', async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorResponse).error.code).toBe('VALIDATION_FAILED');
    // JSON sent as text: the answer names the header and what to send instead.
    const asText = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"username":"admin","password":"x"}',
    });
    expect(asText.status).toBe(400);
    expect(((await asText.json()) as ErrorResponse).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(
        /^Content-Type text\/plain is not taken here: send JSON as application\/json/,
      ) as string,
      details: { field: 'content-type' },
    });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const { status, body } = await new ApiClient(app).json<ErrorResponse>('GET', '/api/nothing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
