import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { auditLog } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { CandidateList } from '../shared/api/attract.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { MatchRecord, Need, NeedList, NeedMatches } from '../shared/api/needs.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { signInNewUser } from '../test-support/api-app.ts';
import { createApp, type App } from './app.ts';

const BLOOD = 'biomed.mid.blood';

describe(`supply–demand matchmaking on the Wuxi demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let office: ApiClient;
  let firm: ApiClient;
  let otherFirm: ApiClient;
  let firmEnterprise: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, {
      adminPassword: 'admin-password-a',
      demoOnFirstRun: true,
    });
    app = createApp({ database, version: 'test' });
    admin = new ApiClient(app);
    await admin.login('admin', 'admin-password-a');
    office = new ApiClient(app);
    await office.login('office', 'chainlead-office');
    firm = new ApiClient(app);
    await firm.login('firm', 'chainlead-firm');
    const me = await firm.json<{ enterpriseId: number }>('GET', '/api/auth/me');
    firmEnterprise = me.body.enterpriseId;
    // Another Wuxi firm, bound to a different enterprise.
    const list = await admin.json<{ items: { id: number }[] }>(
      'GET',
      '/api/enterprises?region=3202&pageSize=5',
    );
    const other = list.body.items.find((e) => e.id !== firmEnterprise)?.id ?? 0;
    otherFirm = await signInNewUser(app, admin, 'firm-two', 'firm', { enterpriseId: other });
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('loads 60 demo needs and offers of Wuxi firms, marked demo, with a few outcomes', async () => {
    const needs = await office.json<NeedList>('GET', '/api/chains/biomed/needs?pageSize=500');
    const offers = await office.json<NeedList>('GET', '/api/chains/biomed/offers?pageSize=500');
    expect(needs.body.total + offers.body.total).toBe(60);
    const all = [...needs.body.items, ...offers.body.items];
    expect(all.every((n) => n.demo && n.district?.code.startsWith('3202'))).toBe(true);
    expect(needs.body.items.filter((n) => n.node !== null).length).toBeGreaterThan(30);
    expect(needs.body.items.some((n) => n.enterprise.id === firmEnterprise)).toBe(true);
    const analysis = await office.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    expect(analysis.body.matchmaking.openNeeds).toBeGreaterThan(20);
    expect(analysis.body.matchmaking.matchesThisYear).toBeGreaterThan(0);
  });

  it('lets a firm publish a need for its own enterprise, proposing the node from the text', async () => {
    const created = await firm.json<Need>('POST', '/api/chains/biomed/needs', {
      product: '无血清培养基',
      quantity: 800,
      unit: '升',
      contact: '王经理 13800000000',
      startsOn: '2026-12-01',
      endsOn: '2027-03-31',
    });
    expect(created.status).toBe(201);
    expect(created.body.enterprise.id).toBe(firmEnterprise);
    expect(created.body.node).toMatchObject({ code: 'biomed.up.reagent', proposed: true });
    expect(created.body).toMatchObject({ visibility: 'full', quantity: 800, own: true });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(created.body.id)));
    expect(audit.map((a) => a.action)).toContain('need.create');
  });

  it('shows a need whose period is over as expired, and counts and matches only the open ones', async () => {
    const ended = await firm.json<Need>('POST', '/api/chains/biomed/needs', {
      product: '一次性生物反应袋',
      startsOn: '2024-01-01',
      endsOn: '2024-06-30',
    });
    expect(ended.status).toBe(201);
    expect(ended.body.status).toBe('expired');
    const list = (status: string) =>
      office.json<NeedList>('GET', `/api/chains/biomed/needs?pageSize=500&status=${status}`);
    const [open, expired, closed, all] = await Promise.all([
      list('open'),
      list('expired'),
      list('closed'),
      office.json<NeedList>('GET', '/api/chains/biomed/needs?pageSize=500'),
    ]);
    expect(expired.body.items.map((n) => n.id)).toContain(ended.body.id);
    expect(expired.body.items.every((n) => n.status === 'expired')).toBe(true);
    expect(open.body.items.every((n) => n.status === 'open')).toBe(true);
    expect(open.body.items.map((n) => n.id)).not.toContain(ended.body.id);
    expect(open.body.total + expired.body.total + closed.body.total).toBe(all.body.total);
    const analysis = await office.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    const openInWuxi = open.body.items.filter((n) => n.district?.code.startsWith('3202'));
    expect(analysis.body.matchmaking.openNeeds).toBe(openInWuxi.length);
    // The status a person sets stays open or closed: expired is worked out, not written.
    const refused = await office.json<ErrorResponse>(
      'PATCH',
      `/api/chains/biomed/needs/${ended.body.id}`,
      { status: 'expired' },
    );
    expect(refused.status).toBe(400);
  });

  it("never shows another firm's quantity, price or contact", async () => {
    const mine = await firm.json<Need>('POST', '/api/chains/biomed/offers', {
      product: '药用中硼硅玻璃管',
      quantity: 20,
      unit: '吨',
      priceYuan: 30000,
      contact: '李工 13900000000',
    });
    expect(mine.status).toBe(201);
    const seen = await otherFirm.json<NeedList>('GET', '/api/chains/biomed/offers?pageSize=100');
    const item = seen.body.items.find((n) => n.id === mine.body.id);
    expect(item).toMatchObject({
      product: '药用中硼硅玻璃管',
      visibility: 'public',
      quantity: null,
      priceYuan: null,
      contact: null,
      own: false,
    });
    expect(JSON.stringify(seen.body)).not.toContain('13900000000');
    const one = await otherFirm.json<Need>('GET', `/api/chains/biomed/offers/${mine.body.id}`);
    expect(one.body.contact).toBeNull();
    const asOffice = await office.json<Need>('GET', `/api/chains/biomed/offers/${mine.body.id}`);
    expect(asOffice.body).toMatchObject({ visibility: 'full', contact: '李工 13900000000' });
    // Nor may the other firm change it, or publish for an enterprise not its own.
    const patch = await otherFirm.json<ErrorResponse>(
      'PATCH',
      `/api/chains/biomed/offers/${mine.body.id}`,
      { status: 'closed' },
    );
    expect(patch.status).toBe(403);
    const forOther = await otherFirm.json<ErrorResponse>('POST', '/api/chains/biomed/needs', {
      enterpriseId: firmEnterprise,
      product: '培养基',
    });
    expect(forOther.status).toBe(403);
  });

  it('refuses bad input at the edge, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ product: '培养基', colour: 'red' }, 'colour'],
      [{ product: 'a\u0000b' }, 'product'],
      [{ product: '培养基', startsOn: '2026-02-30' }, 'startsOn'],
      [{ product: '培养基', startsOn: '2026-05-01', endsOn: '2026-04-01' }, 'endsOn'],
      [{ product: '培养基', quantity: -3 }, 'quantity'],
      [{ product: '培养基', nodeCode: 'biomed.up.nothing' }, 'nodeCode'],
    ];
    for (const [body, field] of cases) {
      const response = await firm.json<ErrorResponse>('POST', '/api/chains/biomed/needs', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.body.error), JSON.stringify(body)).toContain(field);
    }
    const noEnterprise = await office.json<ErrorResponse>('POST', '/api/chains/biomed/needs', {
      product: '培养基',
    });
    expect(noEnterprise.status).toBe(400);
    expect(JSON.stringify(noEnterprise.body.error)).toContain('enterpriseId');
  });

  it('proposes local suppliers first, with reasons, and the office records an outcome', async () => {
    const need = await firm.json<Need>('POST', '/api/chains/biomed/needs', {
      product: '细胞培养基',
    });
    const matches = await firm.json<NeedMatches>(
      'GET',
      `/api/chains/biomed/needs/${need.body.id}/matches`,
    );
    expect(matches.status).toBe(200);
    const items = matches.body.items;
    expect(items.length).toBeGreaterThan(0);
    const firstElsewhere = items.findIndex((m) => !m.local);
    const lastLocal = items.map((m) => m.local).lastIndexOf(true);
    if (firstElsewhere >= 0) expect(lastLocal).toBeLessThan(firstElsewhere);
    expect(items[0]?.local).toBe(true);
    for (const m of items) {
      expect(m.reasons.some((r) => r.code === 'distance')).toBe(true);
      expect(m.reasons.some((r) => ['node', 'flow', 'product', 'offer'].includes(r.code))).toBe(
        true,
      );
    }
    expect(items.some((m) => m.node?.code === 'biomed.up.reagent')).toBe(true);
    // Another firm may not read the proposals for this need.
    const refused = await otherFirm.request(
      'GET',
      `/api/chains/biomed/needs/${need.body.id}/matches`,
    );
    expect(refused.status).toBe(403);

    const supplier = items[0]?.supplier.id ?? 0;
    const before = await office.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    const recorded = await office.json<MatchRecord>(
      'PUT',
      `/api/chains/biomed/needs/${need.body.id}/matches/${supplier}`,
      { outcome: 'contacted', outcomeOn: '2026-12-02', note: '已电话对接' },
    );
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ outcome: 'contacted', supplierId: supplier });
    const after = await office.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    expect(after.body.matchmaking.matchesThisYear).toBe(
      before.body.matchmaking.matchesThisYear + 1,
    );
    const again = await firm.json<NeedMatches>(
      'GET',
      `/api/chains/biomed/needs/${need.body.id}/matches`,
    );
    expect(again.body.items.find((m) => m.supplier.id === supplier)?.outcome).toMatchObject({
      outcome: 'contacted',
      outcomeOn: '2026-12-02',
    });
    // A firm may not record outcomes; a date in the future is refused.
    expect(
      (
        await firm.request('PUT', `/api/chains/biomed/needs/${need.body.id}/matches/${supplier}`, {
          outcome: 'sampled',
          outcomeOn: '2026-12-02',
        })
      ).status,
    ).toBe(403);
    const future = await office.json<ErrorResponse>(
      'PUT',
      `/api/chains/biomed/needs/${need.body.id}/matches/${supplier}`,
      { outcome: 'sampled', outcomeOn: '2099-01-01' },
    );
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body.error)).toContain('outcomeOn');
  });

  it("feeds a need with no local supplier into its node's reasons and the candidates' reasons", async () => {
    const need = await firm.json<Need>('POST', '/api/chains/biomed/needs', {
      product: '人血白蛋白',
    });
    expect(need.body.node?.code).toBe(BLOOD);
    const matches = await firm.json<NeedMatches>(
      'GET',
      `/api/chains/biomed/needs/${need.body.id}/matches`,
    );
    expect(matches.body.noLocalSupplier).toBe(true);
    expect(matches.body.items.every((m) => !m.local)).toBe(true);

    const analysis = await office.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    const node = analysis.body.nodes.find((n) => n.code === BLOOD);
    const reason = node?.reasons.find((r) => r.code === 'no_local_supplier');
    expect(reason?.zh).toContain('人血白蛋白');

    const candidates = await admin.json<CandidateList>(
      'GET',
      `/api/chains/biomed/candidates?region=3202&node=${BLOOD}`,
    );
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.length).toBeGreaterThan(0);
    for (const c of candidates.body.items) {
      expect(c.reasons.map((r) => r.zh).join('|')).toContain('人血白蛋白');
    }

    // A need a local firm serves (培养基: Wuxi has confirmed reagent makers) feeds no reason.
    const reagent = analysis.body.nodes.find((n) => n.code === 'biomed.up.reagent');
    expect(reagent?.reasons.some((r) => r.code === 'no_local_supplier')).toBe(false);
  });

  it('ranks vial makers above firms with an open offer for something else on the node, and a vial offer first', async () => {
    // The case a user found: for 西林瓶, firms with an open offer for 乳糖一水合物 or 中硼硅玻璃安瓿
    // on the same node came first and the firms whose products are vials 5th and 6th.
    const need = await firm.json<Need>('POST', '/api/chains/biomed/needs', { product: '西林瓶' });
    expect(need.body.node?.code).toBe('biomed.up.excipient');
    const matchesOf = async () =>
      (await office.json<NeedMatches>('GET', `/api/chains/biomed/needs/${need.body.id}/matches`))
        .body.items;
    const before = await matchesOf();
    const ranks = (items: typeof before, pick: (m: (typeof before)[number]) => boolean) =>
      items.filter((m) => m.local && pick(m)).map((m) => m.rank);
    const makesVials = (m: (typeof before)[number]) =>
      m.offer === null && m.reasons.some((r) => r.zh.startsWith('产品含「西林瓶」'));
    const otherOffer = (m: (typeof before)[number]) =>
      m.offer !== null && !m.offer.product.includes('西林瓶');
    const makers = ranks(before, makesVials);
    const offerers = ranks(before, otherOffer);
    expect(makers.length).toBeGreaterThan(1);
    expect(offerers.length).toBeGreaterThan(0);
    expect(Math.max(...makers)).toBeLessThan(Math.min(...offerers));
    // A same-node offer still counts, and says it is on the node, not for the product asked.
    const nodeOffer = before.find(otherOffer);
    expect(nodeOffer?.reasons[0]?.zh).toBe(
      `在需求所属环节有公开供给：${nodeOffer?.offer?.product ?? ''}`,
    );

    // The last of the vial makers publishes an offer of vials: it now comes first. An offer of a
    // vial-filling machine (西林瓶 inside a longer name) by a firm placed on the node lifts no one.
    const last = before.find((m) => m.rank === Math.max(...makers));
    const placedOnly = before.find(
      (m) => m.local && m.offer === null && m.reasons.every((r) => r.code !== 'product'),
    );
    const offers = await Promise.all([
      office.json<Need>('POST', '/api/chains/biomed/offers', {
        enterpriseId: last?.supplier.id,
        product: '中硼硅玻璃管制西林瓶',
      }),
      office.json<Need>('POST', '/api/chains/biomed/offers', {
        enterpriseId: placedOnly?.supplier.id,
        product: '西林瓶灌装加塞机',
        nodeCode: 'biomed.up.excipient',
      }),
    ]);
    expect(offers.map((o) => o.status)).toEqual([201, 201]);
    const after = await matchesOf();
    expect(after[0]).toMatchObject({
      supplier: { id: last?.supplier.id },
      offer: { id: offers[0].body.id, product: '中硼硅玻璃管制西林瓶' },
    });
    expect(after[0]?.reasons[0]?.zh).toBe('有对应的公开供给：中硼硅玻璃管制西林瓶');
    const filler = after.find((m) => m.supplier.id === placedOnly?.supplier.id);
    expect(filler?.reasons[0]?.zh).toBe('在需求所属环节有公开供给：西林瓶灌装加塞机');
    expect(filler?.rank).toBeGreaterThan(Math.max(...ranks(after, makesVials)));
    for (const o of offers) {
      const closed = await office.request('PATCH', `/api/chains/biomed/offers/${o.body.id}`, {
        status: 'closed',
      });
      expect(closed.status).toBe(200);
    }
  });
});
