import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { auditLog, enterprise, enterpriseLink, enterpriseMerge } from '../db/schema.ts';
import { classifyEnterprises } from '../services/classification/classification.service.ts';
import { loadDemo } from '../services/demo/demo.service.ts';
import type { ChainAnalysis } from '../shared/api/analysis.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type {
  ChainMasterNetwork,
  ChainMasters,
  EnterpriseLinkView,
  LinkImportResult,
  NodeLinks,
} from '../shared/api/links.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import { testDatabaseKind } from '../test-support/test-database.ts';
import type { App } from './app.ts';

type List<T> = { items: T[]; total: number };
type Details = { field?: string; reason?: string; errors?: { row: number; column: string }[] };

function csvForm(text: string, name = 'links.csv'): FormData {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/csv' }));
  return form;
}

describe(`links between enterprises and chain masters on the demo (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let office: ApiClient;
  let firm: ApiClient;
  let masters: ChainMasters;
  let firmId = 0;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp(async (db) => {
      await loadDemo(db.db, { id: null, name: 'test' });
      await classifyEnterprises(db.db, { chainCode: 'biomed' });
    }));
    office = await signInNewUser(app, admin, 'office-links', 'office');
    const listed = await admin.json<ChainMasters>(
      'GET',
      '/api/chains/biomed/chain-masters?region=3202',
    );
    expect(listed.status).toBe(200);
    masters = listed.body;
    // The firm user speaks for a supplier of the first chain master.
    const [supplier] = await database.db
      .select({ id: enterpriseLink.fromId })
      .from(enterpriseLink)
      .where(
        and(
          eq(enterpriseLink.toId, masters.items[0]?.id ?? 0),
          eq(enterpriseLink.kind, 'supplies'),
        ),
      )
      .limit(1);
    firmId = supplier?.id ?? 0;
    firm = await signInNewUser(app, admin, 'firm-links', 'firm', { enterpriseId: firmId });
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('gives each demo chain master a local supporting rate equal to a hand count over its links', async () => {
    expect(masters.items.length).toBeGreaterThanOrEqual(10);
    const db = database.db;
    for (const master of masters.items.filter((m) => m.rate.total > 0)) {
      // The hand count: every supply link the master buys through, read straight from the tables.
      const links = await db
        .select({ region: enterprise.regionCode, amount: enterpriseLink.amountYuan })
        .from(enterpriseLink)
        .innerJoin(enterprise, eq(enterprise.id, enterpriseLink.fromId))
        .where(and(eq(enterpriseLink.toId, master.id), eq(enterpriseLink.kind, 'supplies')));
      const city = master.regionCode.slice(0, 4);
      const local = links.filter((l) => l.region.slice(0, 4) === city);
      const sum = (rows: typeof links) => rows.reduce((s, l) => s + (l.amount ?? 0), 0);
      expect(master.rate.total).toBe(links.length);
      expect(master.rate.local).toBe(local.length);
      expect(master.rate.byCount).toBeCloseTo(local.length / links.length, 10);
      expect(master.rate.amountYuan).toBeCloseTo(sum(links), 2);
      expect(master.rate.byAmount).toBeCloseTo(sum(local) / sum(links), 10);
      // Believable demo rates: 20–60% by count.
      expect(master.rate.byCount).toBeGreaterThanOrEqual(0.2);
      expect(master.rate.byCount).toBeLessThanOrEqual(0.6);
    }
    const rated = masters.items.filter((m) => m.rate.byCount !== null);
    const mean = rated.reduce((s, m) => s + (m.rate.byCount ?? 0), 0) / rated.length;
    expect(masters.average.masters).toBe(rated.length);
    expect(masters.average.byCount).toBeCloseTo(mean, 10);
  });

  it("shows a chain master's suppliers local and elsewhere by node, and the cockpit's average", async () => {
    const master = masters.items.find((m) => m.rate.total > 0);
    if (!master) throw new Error('no chain master with links');
    const network = await office.json<ChainMasterNetwork>(
      'GET',
      `/api/chains/biomed/chain-masters/${master.id}?region=3202`,
    );
    expect(network.status).toBe(200);
    const suppliers = network.body.partners.filter((p) => p.role === 'supplier');
    expect(suppliers).toHaveLength(master.rate.total);
    expect(suppliers.filter((p) => p.local)).toHaveLength(master.rate.local);
    const byNode = network.body.byNode.reduce((s, n) => s + n.suppliersLocal, 0);
    expect(byNode).toBe(master.rate.local);
    expect(suppliers.every((p) => p.node !== null)).toBe(true);

    const analysis = await office.json<ChainAnalysis>(
      'GET',
      '/api/chains/biomed/analysis?region=3202',
    );
    expect(analysis.status).toBe(200);
    expect(analysis.body.totals.chainMasterLocalRate.byCount).toBeCloseTo(
      masters.average.byCount ?? -1,
      10,
    );
  });

  it('tells where a node’s firms buy and sell along the chain', async () => {
    const master = masters.items[0];
    const nodeCode = master?.node?.code ?? '';
    const view = await office.json<NodeLinks>(
      'GET',
      `/api/chains/biomed/nodes/${nodeCode}/links?region=3202`,
    );
    expect(view.status).toBe(200);
    expect(view.body.firms).toBeGreaterThan(0);
    const buys = view.body.flows.filter((f) => f.direction === 'buys');
    expect(buys.length).toBeGreaterThan(0);
    expect(buys.every((f) => f.onChainFlow)).toBe(true);
  });

  it('refuses bad links with a 400 naming the field, and writes nothing', async () => {
    const [a, b] = masters.items;
    const base = { kind: 'supplies', fromId: b?.id ?? 0, toId: a?.id ?? 0 };
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ ...base, fromId: base.toId }, 'toId', 'LINK_SELF'],
      [{ ...base, fromId: 2_000_000_000 }, 'fromId', 'ENTERPRISE_UNKNOWN'],
      [{ ...base, validFrom: '2025-05-01', validTo: '2024-05-01' }, 'validTo', 'DATES_REVERSED'],
      [{ ...base, validTo: '2025-02-30' }, 'validTo', undefined],
      [{ ...base, sharePercent: 120 }, 'sharePercent', undefined],
      [{ ...base, sharePercent: -1 }, 'sharePercent', undefined],
      [{ ...base, kind: 'sells' }, 'kind', undefined],
    ];
    const before = await database.db.select({ n: count() }).from(enterpriseLink);
    for (const [body, field, reason] of cases) {
      const response = await office.json<ErrorResponse>('POST', '/api/links', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      const details = response.body.error.details as Details | Details[];
      const named = Array.isArray(details) ? details.map((d) => d.field) : [details.field];
      expect(named, JSON.stringify(body)).toContain(field);
      if (reason) expect((details as Details).reason).toBe(reason);
    }
    // A record merged away is named with the record it went into.
    await database.db.insert(enterpriseMerge).values({
      keptId: base.fromId,
      droppedId: 1_999_999_999,
      snapshot: {},
      createdBy: 'test',
    });
    const merged = await office.json<ErrorResponse>('POST', '/api/links', {
      ...base,
      fromId: 1_999_999_999,
    });
    expect(merged.status).toBe(400);
    expect(merged.body.error.details).toMatchObject({
      field: 'fromId',
      reason: 'LINK_MERGED',
      keptId: base.fromId,
    });
    const after = await database.db.select({ n: count() }).from(enterpriseLink);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('records a link as the office, audited, and deletes it', async () => {
    const [a, b] = masters.items;
    const created = await office.json<EnterpriseLinkView>('POST', '/api/links', {
      kind: 'cooperates',
      fromId: a?.id,
      toId: b?.id,
      product: '联合研发',
      amountYuan: 1_000_000,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'cooperates',
      source: 'office',
      createdBy: 'office-links',
    });
    const id = created.body.id;
    expect((await office.request('DELETE', `/api/links/${id}`)).status).toBe(204);
    expect((await office.json('GET', `/api/links/${id}`)).status).toBe(404);
    const audit = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audit.map((r) => r.action).sort()).toEqual(['link.create', 'link.delete']);
  });

  it("lets a firm declare and see only its own enterprise's links, never another's figures", async () => {
    const listed = await firm.json<List<EnterpriseLinkView>>('GET', '/api/links?pageSize=500');
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    for (const link of listed.body.items) {
      expect([link.from.id, link.to.id]).toContain(firmId);
      // Recorded by the office: the share and amount are not the firm's to see.
      expect(link.sharePercent).toBeNull();
      expect(link.amountYuan).toBeNull();
    }
    expect(listed.body.items.some((l) => l.figuresHidden)).toBe(true);
    const other = masters.items[1]?.id ?? 0;
    const third = masters.items[2]?.id ?? 0;
    const refused = await firm.json<ErrorResponse>('POST', '/api/links', {
      kind: 'supplies',
      fromId: other,
      toId: third,
    });
    expect(refused.status).toBe(403);
    const declared = await firm.json<EnterpriseLinkView>('POST', '/api/links', {
      kind: 'supplies',
      fromId: firmId,
      toId: other,
      sharePercent: 12.5,
      amountYuan: 2_000_000,
    });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({
      source: 'firm',
      sharePercent: 12.5,
      figuresHidden: false,
    });
    // The office sees the firm's figures; another link of the master is hidden from the firm.
    const seen = await office.json<EnterpriseLinkView>('GET', `/api/links/${declared.body.id}`);
    expect(seen.body.amountYuan).toBe(2_000_000);
    const foreign = await office.json<List<EnterpriseLinkView>>(
      'GET',
      `/api/links?enterprise=${third}&pageSize=1`,
    );
    const foreignId = foreign.body.items[0]?.id ?? 0;
    expect((await firm.json('GET', `/api/links/${foreignId}`)).status).toBe(404);
    expect((await firm.json('GET', `/api/links?enterprise=${third}`)).body).toEqual({
      items: [],
      total: 0,
    });
    // A firm deletes what it declared, not what the office recorded.
    const recorded = listed.body.items.find((l) => l.source === 'office');
    expect((await firm.json('DELETE', `/api/links/${recorded?.id ?? 0}`)).status).toBe(403);
    expect((await firm.request('DELETE', `/api/links/${declared.body.id}`)).status).toBe(204);
    // The chain master view is the office's, not a firm's.
    expect((await firm.json('GET', '/api/chains/biomed/chain-masters?region=3202')).status).toBe(
      403,
    );
  });

  it('imports a link file all or nothing, listing every bad row with its column', async () => {
    const [a, b, c] = masters.items;
    const before = await database.db.select({ n: count() }).from(enterpriseLink);
    const bad = [
      'kind,from,to,product,share_percent,amount_wan_yuan,valid_from,valid_to',
      `供货,${b?.id},${a?.id},培养基,10,120,2023-01-01,`,
      `卖出,${b?.id},${a?.id},,,,,`,
      `供货,${a?.id},${a?.id},,,,,`,
      `供货,没有这家企业有限公司,${a?.id},,150,,,`,
      `合作,${c?.id},${a?.id},,,,2025-01-01,2024-01-01`,
    ].join('\n');
    const refused = await office.json<ErrorResponse>('POST', '/api/links/import', csvForm(bad));
    expect(refused.status).toBe(400);
    const errors = (refused.body.error.details as Details).errors ?? [];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'kind'],
      [4, 'to'],
      // Everything wrong with a row at once: the unknown firm and the share past 100.
      [5, 'from'],
      [5, 'share_percent'],
      [6, 'valid_to'],
    ]);
    const unchanged = await database.db.select({ n: count() }).from(enterpriseLink);
    expect(unchanged[0]?.n).toBe(before[0]?.n);

    // A misspelt column would lose its values without a word, and a product longer than a
    // request may send would be stored whole: both refused, naming the cell.
    const misspelt = await office.json<ErrorResponse>(
      'POST',
      '/api/links/import',
      csvForm(['kind,from,to,prodcut', `供货,${b?.id},${a?.id},培养基`].join('\n')),
    );
    expect(misspelt.status).toBe(400);
    expect((misspelt.body.error.details as Details).errors).toMatchObject([
      { row: 1, column: 'prodcut', code: 'UNKNOWN_COLUMN' },
    ]);
    const overlong = await office.json<ErrorResponse>(
      'POST',
      '/api/links/import',
      csvForm(['kind,from,to,product', `供货,${b?.id},${a?.id},${'药'.repeat(201)}`].join('\n')),
    );
    expect(overlong.status).toBe(400);
    expect((overlong.body.error.details as Details).errors).toMatchObject([
      { row: 2, column: 'product', code: 'TEXT_TOO_LONG', params: { max: 200 } },
    ]);
    const still = await database.db.select({ n: count() }).from(enterpriseLink);
    expect(still[0]?.n).toBe(before[0]?.n);

    const good = [
      '类型,供方,需方,产品,占比,金额（万元）',
      `供货,${b?.id},${a?.id},培养基,10,120`,
      `服务,${c?.id},${a?.id},临床前研究,,`,
    ].join('\n');
    const imported = await office.json<LinkImportResult>(
      'POST',
      '/api/links/import',
      csvForm(good),
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ dryRun: false, rows: 2, imported: 2, unchanged: 0 });
    const rows = await database.db
      .select()
      .from(enterpriseLink)
      .where(and(eq(enterpriseLink.toId, a?.id ?? 0), eq(enterpriseLink.source, 'import')))
      .orderBy(enterpriseLink.id);
    expect(rows.map((r) => [r.kind, r.amountYuan])).toEqual([
      ['supplies', 1_200_000],
      ['serves', null],
    ]);
    // The same file again adds nothing: each row says what a stored link says.
    const again = await office.json<LinkImportResult>('POST', '/api/links/import', csvForm(good));
    expect(again.body).toEqual({ dryRun: false, rows: 2, imported: 0, unchanged: 2 });
    expect(
      await database.db.$count(
        enterpriseLink,
        and(eq(enterpriseLink.toId, a?.id ?? 0), eq(enterpriseLink.source, 'import')),
      ),
    ).toBe(2);
  });
});
