import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import {
  appUser,
  auditLog,
  importBatch,
  park,
  parkSpace,
  project,
  spaceReservation,
} from '../db/schema.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { ImportView } from '../shared/api/imports.ts';
import type { ParkDetail, ParkSpace, SpaceMatch, SupplyDemand } from '../shared/api/parks.ts';
import type {
  Attachment,
  ImportProjectsResult,
  PipelineSettings,
  ProjectBoard,
  ProjectDetail,
  ProjectSummary,
  Reservation,
} from '../shared/api/projects.ts';
import { ApiClient } from '../test-support/api-client.ts';
import { chunkedMultipart } from '../test-support/chunked-multipart.ts';
import { makeEnterprise } from '../test-support/factories.ts';
import { createApp, type App } from './app.ts';

type List<T> = { items: T[]; total: number };
const ADMIN = 'admin-password-p';

describe(`projects, space and the park role over the API (${testDatabaseKind()})`, () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;
  let investor: ApiClient;
  let parkUser: ApiClient;
  let viewer: ApiClient;
  let parkA: number;
  let parkB: number;
  let unitA1: number;
  let enterpriseId: number;

  const count = async (table: typeof project | typeof spaceReservation | typeof auditLog) =>
    database.db.$count(table);
  const reservedOf = async (spaceId: number) =>
    (await database.db.select().from(parkSpace).where(eq(parkSpace.id, spaceId)))[0]?.reservedM2;

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: ADMIN });
    const db = database.db;
    const parks = await db
      .insert(park)
      .values([
        {
          code: 'park-a',
          name: '甲园区',
          nameEn: 'Park A',
          regionCode: '320214',
          focusNodeCodes: ['biomed.mid.blood'],
        },
        {
          code: 'park-b',
          name: '乙园区',
          regionCode: '320206',
          focusNodeCodes: ['biomed.mid.device'],
        },
      ])
      .returning({ id: park.id });
    parkA = parks[0]?.id ?? 0;
    parkB = parks[1]?.id ?? 0;
    const units = await db
      .insert(parkSpace)
      .values([
        { parkId: parkA, code: 'G1', kind: 'gmp_plant', areaM2: 5000, occupiedM2: 1000 },
        { parkId: parkA, code: 'G2', kind: 'gmp_plant', areaM2: 3000, availableFrom: '2026-01-01' },
        { parkId: parkA, code: 'O1', kind: 'office', areaM2: 800 },
        { parkId: parkB, code: 'G1', kind: 'gmp_plant', areaM2: 10000 },
      ])
      .returning({ id: parkSpace.id });
    unitA1 = units[0]?.id ?? 0;
    [enterpriseId = 0] = await insertEnterprises(db, [
      makeEnterprise({ regionCode: '120111', name: '天津测试血液制品有限公司' }),
    ]);

    app = createApp({ database, version: 'test' });
    admin = new ApiClient(app);
    await admin.login('admin', ADMIN);
    for (const user of [
      { username: 'inv', password: 'investment-pw', role: 'investment' },
      { username: 'pk', password: 'park-user-pw', role: 'park', parkId: parkA },
      { username: 'vic', password: 'viewer-password', role: 'viewer' },
    ]) {
      const created = await admin.json('POST', '/api/users', user);
      expect(created.status).toBe(201);
    }
    investor = new ApiClient(app);
    await investor.login('inv', 'investment-pw');
    parkUser = new ApiClient(app);
    await parkUser.login('pk', 'park-user-pw');
    viewer = new ApiClient(app);
    await viewer.login('vic', 'viewer-password');
  });
  afterAll(async () => {
    await database.close();
  });

  async function newProject(body: Record<string, unknown> = {}): Promise<ProjectDetail> {
    const created = await investor.json<ProjectDetail>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '3202',
      name: `项目 ${Math.random().toString(36).slice(2, 8)}`,
      nodeCode: 'biomed.mid.blood',
      expectedOutputYuan: 1e9,
      outputStartYear: 2027,
      spaceNeed: [{ kind: 'gmp_plant', areaM2: 2000 }],
      ...body,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  it('binds a park user to one park and refuses a park user without one', async () => {
    const me = await parkUser.json<{ role: string; parkId: number }>('GET', '/api/auth/me');
    expect(me.body).toMatchObject({ role: 'park', parkId: parkA });
    const unbound = await admin.json<ErrorResponse>('POST', '/api/users', {
      username: 'pk2',
      password: 'park-user-pw',
      role: 'park',
    });
    expect(unbound.status).toBe(400);
    expect(unbound.body.error.message).toMatch(/park user manages one park/);
  });

  it('creates a lead from a candidate, owned by its creator, and refuses courting it twice', async () => {
    const created = await newProject({ name: undefined, enterpriseId });
    expect(created).toMatchObject({
      name: '天津测试血液制品有限公司投资项目',
      stage: 'lead',
      status: 'active',
      probability: 0.1,
      weightedOutputYuan: 1e8,
      owner: { username: 'inv' },
      enterprise: { id: enterpriseId, regionCode: '120111' },
      node: { code: 'biomed.mid.blood' },
      allowedMoves: ['negotiating'],
    });
    expect(created.events).toMatchObject([{ kind: 'create', toStage: 'lead', actorName: 'inv' }]);
    // The history names who acted by the name they go by now, as problems and 督办 do.
    await database.db
      .update(appUser)
      .set({ displayName: '招商小王' })
      .where(eq(appUser.username, 'inv'));
    const named = await investor.json<ProjectDetail>('GET', `/api/projects/${created.id}`);
    expect(named.body.events[0]?.actorName).toBe('招商小王');
    await database.db.update(appUser).set({ displayName: null }).where(eq(appUser.username, 'inv'));
    const twice = await investor.json<ErrorResponse>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '320214',
      enterpriseId,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('PROJECT_EXISTS');
  });

  it('refuses writes to a viewer and the whole pipeline to a park user, changing nothing', async () => {
    const before = await count(project);
    const refused = await viewer.json<ErrorResponse>('POST', '/api/projects', {
      chainCode: 'biomed',
      regionCode: '3202',
      name: 'x',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/project:write/);
    expect((await parkUser.json('GET', '/api/projects')).status).toBe(403);
    expect((await viewer.json('GET', '/api/projects')).status).toBe(200);
    expect(await count(project)).toBe(before);
  });

  it('moves forward one stage at a time, back only with a reason, and records who and when', async () => {
    const p = await newProject();
    const path = `/api/projects/${p.id}/move`;
    expect((await investor.json('POST', path, { to: 'negotiating' })).status).toBe(200);
    const skip = await investor.json<ErrorResponse>('POST', path, { to: 'started' });
    expect(skip.status).toBe(409);
    expect(skip.body.error.code).toBe('STAGE_MOVE_INVALID');
    const back = await investor.json<ErrorResponse>('POST', path, { to: 'lead' });
    expect(back.status).toBe(409);
    expect(back.body.error.message).toMatch(/needs a reason/);
    const unchanged = await investor.json<ProjectDetail>('GET', `/api/projects/${p.id}`);
    expect(unchanged.body.stage).toBe('negotiating');
    const moved = await investor.json<ProjectDetail>('POST', path, {
      to: 'lead',
      reason: '投资方暂缓',
    });
    expect(moved.body.stage).toBe('lead');
    expect(moved.body.events.map((e) => [e.kind, e.fromStage, e.toStage, e.reason])).toEqual([
      ['create', null, 'lead', null],
      ['stage', 'lead', 'negotiating', null],
      ['stage', 'negotiating', 'lead', '投资方暂缓'],
    ]);
    expect(moved.body.events.every((e) => e.actorName === 'inv')).toBe(true);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityType} = 'project' and ${auditLog.entityId} = ${String(p.id)}`);
    expect(audits.map((a) => a.action)).toEqual(['project.create', 'project.move', 'project.move']);
  });

  it('walks every stage, takes capital once signed, and drops and reopens with reasons', async () => {
    const p = await newProject();
    const capitalEarly = await investor.json<ErrorResponse>(
      'POST',
      `/api/projects/${p.id}/capital`,
      {
        amountYuan: 1e7,
      },
    );
    expect(capitalEarly.status).toBe(409);
    for (const to of ['negotiating', 'signed', 'started', 'producing']) {
      expect((await investor.json('POST', `/api/projects/${p.id}/move`, { to })).status).toBe(200);
    }
    const capital = await investor.json<ProjectDetail>('POST', `/api/projects/${p.id}/capital`, {
      amountYuan: 3e7,
    });
    expect(capital.body).toMatchObject({
      stage: 'producing',
      capitalInPlaceYuan: 3e7,
      probability: 1,
    });
    expect(capital.body.events.at(-1)).toMatchObject({ kind: 'capital', amountYuan: 3e7 });
    const dropped = await investor.json<ProjectDetail>('POST', `/api/projects/${p.id}/drop`, {
      reason: '企业战略调整',
    });
    expect(dropped.body).toMatchObject({
      status: 'dropped',
      stage: 'producing',
      weightedOutputYuan: 0,
    });
    expect(dropped.body.allowedMoves).toEqual([]);
    const moveDropped = await investor.json('POST', `/api/projects/${p.id}/move`, {
      to: 'started',
      reason: 'x',
    });
    expect(moveDropped.status).toBe(409);
    const reopened = await investor.json<ProjectDetail>('POST', `/api/projects/${p.id}/reopen`, {
      reason: '重新接洽',
    });
    expect(reopened.body.status).toBe('active');
  });

  it('lists projects as a board by stage with totals, flags stalled ones by the setting', async () => {
    const p = await newProject({ name: '停滞项目' });
    await database.db
      .update(project)
      .set({ updatedAt: new Date(Date.now() - 40 * 86_400_000) })
      .where(eq(project.id, p.id));
    const board = await viewer.json<ProjectBoard>('GET', '/api/projects?chain=biomed&region=3202');
    expect(board.body.items.find((i) => i.id === p.id)?.allowedMoves).toEqual(['negotiating']);
    expect(board.body.columns.map((c) => c.stage)).toEqual([
      'lead',
      'negotiating',
      'signed',
      'started',
      'producing',
    ]);
    const lead = board.body.columns[0];
    expect(lead?.count).toBe(lead?.items.length);
    expect(lead?.weightedOutputYuan).toBeCloseTo(
      (lead?.items ?? []).reduce((s, i) => s + (i.weightedOutputYuan ?? 0), 0),
      2,
    );
    const stalled = await viewer.json<ProjectBoard>('GET', '/api/projects?stalled=true');
    expect(stalled.body.items.map((i) => i.name)).toEqual(['停滞项目']);
    expect(stalled.body.items[0]).toMatchObject({ stalled: true, daysSinceChange: 40 });

    const settings = await investor.json<PipelineSettings>('PUT', '/api/settings/pipeline', {
      stalledDays: 60,
    });
    expect(settings.body.stalledDays).toBe(60);
    const none = await viewer.json<ProjectBoard>('GET', '/api/projects?stalled=true');
    expect(none.body.total).toBe(0);
    await investor.json('PUT', '/api/settings/pipeline', { stalledDays: 30 });
  });

  it('lets investment edit stage probabilities (non-decreasing) and not a viewer', async () => {
    const refused = await viewer.json('PUT', '/api/settings/pipeline', { stalledDays: 5 });
    expect(refused.status).toBe(403);
    const bad = await investor.json<ErrorResponse>('PUT', '/api/settings/pipeline', {
      stageProbabilities: { lead: 0.5, negotiating: 0.3, signed: 0.6, started: 0.85, producing: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/negotiating \(0\.3\) is below/);
    const ok = await investor.json<PipelineSettings>('PUT', '/api/settings/pipeline', {
      stageProbabilities: { lead: 0.2, negotiating: 0.3, signed: 0.6, started: 0.85, producing: 1 },
    });
    expect(ok.body.stageProbabilities.lead).toBe(0.2);
    const p = await newProject({ expectedOutputYuan: 5e8 });
    expect(p.weightedOutputYuan).toBeCloseTo(1e8, 2);
    await investor.json('PUT', '/api/settings/pipeline', {
      stageProbabilities: { lead: 0.1, negotiating: 0.3, signed: 0.6, started: 0.85, producing: 1 },
    });
  });

  it('keeps attachments: stored, downloaded byte for byte, refused when unsafe or too big', async () => {
    const p = await newProject();
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3, 255]);
    const form = new FormData();
    form.set('file', new File([bytes], '意向书.pdf', { type: 'text/html' }));
    const stored = await investor.request('POST', `/api/projects/${p.id}/attachments`, form);
    expect(stored.status).toBe(201);
    const attachment = (await stored.json()) as Attachment;
    expect(attachment).toMatchObject({
      fileName: '意向书.pdf',
      contentType: 'application/pdf',
      sizeBytes: 9,
    });
    const download = await viewer.request(
      'GET',
      `/api/projects/${p.id}/attachments/${attachment.id}`,
    );
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''%E6%84%8F/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    const html = new FormData();
    html.set('file', new File(['<script>alert(1)</script>'], 'x.html'));
    const refused = await investor.request('POST', `/api/projects/${p.id}/attachments`, html);
    expect(refused.status).toBe(400);
    const big = new FormData();
    big.set('file', new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf'));
    expect((await investor.request('POST', `/api/projects/${p.id}/attachments`, big)).status).toBe(
      400,
    );
    const viewerUpload = new FormData();
    viewerUpload.set('file', new File([bytes], 'a.pdf'));
    expect(
      (await viewer.request('POST', `/api/projects/${p.id}/attachments`, viewerUpload)).status,
    ).toBe(403);
    const detail = await viewer.json<ProjectDetail>('GET', `/api/projects/${p.id}`);
    expect(detail.body.attachments).toHaveLength(1);
  });

  it('matches space by kind, area, date and focus, with reasons', async () => {
    const p = await newProject({
      spaceNeed: [
        { kind: 'gmp_plant', areaM2: 6000 },
        { kind: 'office', areaM2: 500 },
      ],
      spaceNeededFrom: '2026-06-01',
    });
    const matches = await viewer.json<List<SpaceMatch>>(
      'GET',
      `/api/projects/${p.id}/space-matches`,
    );
    expect(matches.body.items.map((m) => m.parkId)).toEqual([parkA, parkB]);
    const [a] = matches.body.items;
    // Park A: 4,000 m² free in G1 plus G2 (3,000, available 2026-01-01), office 800; its focus.
    expect(a).toMatchObject({ parkName: '甲园区', parkNameEn: 'Park A', coversNeed: true });
    expect(a?.focusNode).toBe(true);
    expect(matches.body.items[1]).toMatchObject({ parkName: '乙园区', parkNameEn: null });
    expect(a?.kinds[0]).toMatchObject({ kind: 'gmp_plant', neededM2: 6000, freeM2: 7000 });
    expect(a?.reasons.at(-1)?.en).toBe("the project's node is a focus of the park");
  });

  it('answers the matches refetch right after a reservation that covers the need (200, fresh free area)', async () => {
    // The bug: the project drawer refetched the matches after a successful reservation and got
    // 400 "The space the project needs is already reserved", still showing the old free area.
    const p = await newProject({ spaceNeed: [{ kind: 'gmp_plant', areaM2: 2000 }] });
    const url = `/api/projects/${p.id}/space-matches`;
    const before = await investor.json<List<SpaceMatch>>('GET', url);
    const g2 = before.body.items
      .find((m) => m.parkId === parkA)
      ?.kinds[0]?.units.find((u) => u.code === 'G2');
    expect(g2?.freeM2).toBe(3000);
    const half = await investor.json('POST', `/api/projects/${p.id}/reservations`, {
      spaceId: g2?.spaceId,
      areaM2: 1200,
    });
    expect(half.status).toBe(201);
    const partly = await investor.json<List<SpaceMatch>>('GET', url);
    expect(partly.status).toBe(200);
    const parkAAfter = partly.body.items.find((m) => m.parkId === parkA);
    expect(parkAAfter?.kinds[0]).toMatchObject({ kind: 'gmp_plant', neededM2: 800 });
    expect(parkAAfter?.kinds[0]?.units.find((u) => u.code === 'G2')?.freeM2).toBe(1800);
    const rest = await investor.json('POST', `/api/projects/${p.id}/reservations`, {
      spaceId: g2?.spaceId,
      areaM2: 800,
    });
    expect(rest.status).toBe(201);
    const covered = await investor.json<List<SpaceMatch>>('GET', url);
    expect(covered.status, JSON.stringify(covered.body)).toBe(200);
    expect(covered.body).toEqual({ items: [], total: 0 });
    const none = await newProject({ spaceNeed: [] });
    const refused = await investor.json<ErrorResponse>(
      'GET',
      `/api/projects/${none.id}/space-matches`,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ field: 'spaceNeed' });
    for (const r of (await viewer.json<ProjectDetail>('GET', `/api/projects/${p.id}`)).body
      .reservations) {
      await investor.json('POST', `/api/projects/${p.id}/reservations/${r.id}/release`);
    }
  });

  it('reserves space and refuses over-allocation with SPACE_UNAVAILABLE, changing nothing', async () => {
    const p = await newProject();
    const first = await investor.json<List<Reservation>>(
      'POST',
      `/api/projects/${p.id}/reservations`,
      {
        spaceId: unitA1,
        areaM2: 3000,
      },
    );
    expect(first.status).toBe(201);
    expect(first.body.items[0]).toMatchObject({ areaM2: 3000, status: 'reserved', parkId: parkA });
    expect(await reservedOf(unitA1)).toBe(3000);
    const reservations = await count(spaceReservation);
    const audits = await count(auditLog);

    const over = await investor.json<ErrorResponse>('POST', `/api/projects/${p.id}/reservations`, {
      spaceId: unitA1,
      areaM2: 1500,
    });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({
      code: 'SPACE_UNAVAILABLE',
      details: { spaceId: unitA1, freeM2: 1000, requestedM2: 1500 },
    });
    const overKind = await investor.json<ErrorResponse>(
      'POST',
      `/api/projects/${p.id}/reservations`,
      {
        parkId: parkA,
        kind: 'office',
        areaM2: 900,
      },
    );
    expect(overKind.body.error).toMatchObject({
      code: 'SPACE_UNAVAILABLE',
      details: { reason: 'SPACE_PARK_TOO_SMALL' },
    });
    expect(await reservedOf(unitA1)).toBe(3000);
    expect(await count(spaceReservation)).toBe(reservations);
    expect(await count(auditLog)).toBe(audits);

    const detail = await viewer.json<ProjectDetail>('GET', `/api/projects/${p.id}`);
    expect(detail.body).toMatchObject({ reservedM2: 3000, park: { id: parkA } });
    const released = await investor.json<Reservation>(
      'POST',
      `/api/projects/${p.id}/reservations/${first.body.items[0]?.id}/release`,
    );
    expect(released.body).toMatchObject({ status: 'released', releasedBy: 'inv' });
    expect(await reservedOf(unitA1)).toBe(0);
    const again = await investor.json<ErrorResponse>(
      'POST',
      `/api/projects/${p.id}/reservations/${first.body.items[0]?.id}/release`,
    );
    expect(again.status).toBe(400);
  });

  it('spreads a reservation by kind over units free by the needed date', async () => {
    // Needed before G2 is available: only G1's 4,000 m² count, and the refusal names the date.
    const early = await newProject({ spaceNeededFrom: '2025-06-01' });
    const refused = await investor.json<ErrorResponse>(
      'POST',
      `/api/projects/${early.id}/reservations`,
      { parkId: parkA, kind: 'gmp_plant', areaM2: 6000 },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({
      reason: 'SPACE_PARK_TOO_SMALL_BY_DATE',
      neededFrom: '2025-06-01',
      freeM2: 4000,
    });
    expect(refused.body.error.message).toContain('by 2025-06-01');
    const p = await newProject({ spaceNeededFrom: '2026-03-01' });
    const made = await investor.json<List<Reservation>>(
      'POST',
      `/api/projects/${p.id}/reservations`,
      {
        parkId: parkA,
        kind: 'gmp_plant',
        areaM2: 6000,
      },
    );
    expect(made.status).toBe(201);
    expect(made.body.items.map((r) => [r.spaceCode, r.areaM2]).sort()).toEqual([
      ['G1', 4000],
      ['G2', 2000],
    ]);
    const parkDetail = await viewer.json<ParkDetail>('GET', `/api/parks/${parkA}`);
    expect(parkDetail.body.reservedM2).toBe(6000);
    expect(parkDetail.body.availableM2).toBe(8800 - 1000 - 6000);
    for (const r of made.body.items) {
      await investor.json('POST', `/api/projects/${p.id}/reservations/${r.id}/release`);
    }
  });

  it('never over-allocates a unit, even with concurrent reservations', async () => {
    const projects = await Promise.all([1, 2, 3, 4, 5, 6].map(() => newProject()));
    const area = 1600; // 4,000 m² free: only two of six fit.
    const answers = await Promise.all(
      projects.map((p) =>
        investor.json<ErrorResponse>('POST', `/api/projects/${p.id}/reservations`, {
          spaceId: unitA1,
          areaM2: area,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.error.code).toBe('SPACE_UNAVAILABLE');
    }
    expect(await reservedOf(unitA1)).toBe(2 * area);
    const live = await database.db
      .select()
      .from(spaceReservation)
      .where(
        sql`${spaceReservation.spaceId} = ${unitA1} and ${spaceReservation.status} = 'reserved'`,
      );
    expect(live.reduce((s, r) => s + r.areaM2, 0)).toBe(2 * area);
  });

  it('holds the line in the database too: a unit cannot hold more than its area', async () => {
    await expect(
      database.db.update(parkSpace).set({ reservedM2: 99_999 }).where(eq(parkSpace.id, unitA1)),
    ).rejects.toThrow();
    expect(await reservedOf(unitA1)).toBe(3200);
  });

  it("lets a park user manage its own park's space and nothing of another park", async () => {
    const added = await parkUser.json<ParkSpace>('POST', `/api/parks/${parkA}/spaces`, {
      code: 'L1',
      kind: 'wet_lab',
      areaM2: 1200,
      floor: 3,
      availableFrom: '2026-01-01',
      rentYuanPerM2Month: 65,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: 'L1', freeM2: 1200, reservedM2: 0 });
    const duplicate = await parkUser.json<ErrorResponse>('POST', `/api/parks/${parkA}/spaces`, {
      code: 'L1',
      kind: 'office',
      areaM2: 10,
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch(/already has a unit coded "L1"/);
    const listed = await parkUser.json<List<ParkSpace>>('GET', `/api/parks/${parkA}/spaces`);
    expect(listed.body.items.map((u) => u.code)).toContain('L1');
    const updated = await parkUser.json<ParkSpace>(
      'PATCH',
      `/api/parks/${parkA}/spaces/${added.body.id}`,
      { rentYuanPerM2Month: 60 },
    );
    expect(updated.body.rentYuanPerM2Month).toBe(60);
    const nothing = await parkUser.json<ParkSpace>(
      'PATCH',
      `/api/parks/${parkA}/spaces/${added.body.id}`,
      {},
    );
    expect(nothing.body).toEqual(updated.body);
    const shrink = await parkUser.json<ErrorResponse>(
      'PATCH',
      `/api/parks/${parkA}/spaces/${unitA1}`,
      {
        areaM2: 2000,
      },
    );
    expect(shrink.status).toBe(409);

    const spacesBefore = await database.db.$count(parkSpace);
    const reservationsBefore = await count(spaceReservation);
    const parkBUnit = (await viewer.json<ParkDetail>('GET', `/api/parks/${parkB}`)).body.spaces[0];
    const attempts = [
      await parkUser.json<ErrorResponse>('POST', `/api/parks/${parkB}/spaces`, {
        code: 'X1',
        kind: 'office',
        areaM2: 100,
      }),
      await parkUser.json<ErrorResponse>('PATCH', `/api/parks/${parkB}/spaces/${parkBUnit?.id}`, {
        areaM2: 1,
      }),
      await parkUser.json<ErrorResponse>('GET', `/api/parks/${parkB}/projects`),
      await parkUser.json<ErrorResponse>('GET', `/api/parks/${parkB}/supply-demand`),
      await parkUser.json<ErrorResponse>('POST', `/api/projects/1/reservations`, {
        spaceId: parkBUnit?.id,
        areaM2: 10,
      }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(403);
      expect(attempt.body.error.code).toBe('FORBIDDEN');
    }
    expect(await database.db.$count(parkSpace)).toBe(spacesBefore);
    expect(await count(spaceReservation)).toBe(reservationsBefore);
    const unchanged = (await viewer.json<ParkDetail>('GET', `/api/parks/${parkB}`)).body.spaces[0];
    expect(unchanged?.areaM2).toBe(parkBUnit?.areaM2);
    expect(
      (
        await viewer.json('POST', `/api/parks/${parkA}/spaces`, {
          code: 'V',
          kind: 'office',
          areaM2: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('shows a park user its own park only: other parks are not listed and answer 403', async () => {
    const listed = await parkUser.json<List<ParkDetail>>('GET', '/api/parks');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p) => p.id)).toEqual([parkA]);
    expect(listed.body.total).toBe(1);
    expect((await viewer.json<List<ParkDetail>>('GET', '/api/parks')).body.total).toBe(2);
    expect((await parkUser.json<ParkDetail>('GET', `/api/parks/${parkA}`)).status).toBe(200);
    for (const path of [`/api/parks/${parkB}`, `/api/parks/${parkB}/spaces`]) {
      const refused = await parkUser.json<ErrorResponse>('GET', path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toContain('乙园区');
    }
  });

  it('lets a park user reserve and release only for projects it can read, naming none', async () => {
    const hidden = await newProject({ name: '不可见的机密项目' });
    const reservations = await count(spaceReservation);
    const refused = await parkUser.json<ErrorResponse>(
      'POST',
      `/api/projects/${hidden.id}/reservations`,
      { parkId: parkA, kind: 'office', areaM2: 10 },
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('PROJECT_NOT_FOUND');
    expect(JSON.stringify(refused.body)).not.toContain('机密');
    expect(await count(spaceReservation)).toBe(reservations);
    const byUnit = await parkUser.json<ErrorResponse>(
      'POST',
      `/api/projects/${hidden.id}/reservations`,
      { spaceId: unitA1, areaM2: 10 },
    );
    expect(byUnit.status).toBe(404);
    const elsewhere = await newProject({ name: '乙园区的项目', parkId: parkB });
    expect(
      (
        await parkUser.json<ErrorResponse>('POST', `/api/projects/${elsewhere.id}/reservations`, {
          parkId: parkA,
          kind: 'office',
          areaM2: 10,
        })
      ).status,
    ).toBe(404);
    expect(await count(spaceReservation)).toBe(reservations);

    const aimed = await newProject({ parkId: parkA });
    const made = await parkUser.json<List<Reservation>>(
      'POST',
      `/api/projects/${aimed.id}/reservations`,
      { parkId: parkA, kind: 'office', areaM2: 10 },
    );
    expect(made.status).toBe(201);
    const rid = made.body.items[0]?.id;
    // The investor reserves for the hidden project in park A; the park user may now see it (it
    // holds space in its park), so it may release it.
    const held = await investor.json<List<Reservation>>(
      'POST',
      `/api/projects/${elsewhere.id}/reservations`,
      { parkId: parkA, kind: 'office', areaM2: 5 },
    );
    expect(held.status).toBe(201);
    const releasedMine = await parkUser.json<Reservation>(
      'POST',
      `/api/projects/${aimed.id}/reservations/${rid}/release`,
    );
    expect(releasedMine.status).toBe(200);
    const releasedHeld = await parkUser.json<Reservation>(
      'POST',
      `/api/projects/${elsewhere.id}/reservations/${held.body.items[0]?.id}/release`,
    );
    expect(releasedHeld.status).toBe(200);
  });

  it("refuses space for a project outside a user's chains (404, naming nothing)", async () => {
    const secret = await newProject({ name: '别的链上的机密项目', parkId: parkA });
    const created = await admin.json('POST', '/api/users', {
      username: 'inv-other-chain',
      password: 'investment-pw-2',
      role: 'investment',
    });
    expect(created.status).toBe(201);
    // Bound to a chain the project is not on (written directly: the test installation has one chain).
    await database.db
      .update(appUser)
      .set({ chainCodes: ['ic'] })
      .where(eq(appUser.username, 'inv-other-chain'));
    const narrow = new ApiClient(app);
    await narrow.login('inv-other-chain', 'investment-pw-2');
    const reservations = await count(spaceReservation);
    for (const [method, path, body] of [
      ['POST', `/api/projects/${secret.id}/reservations`, { spaceId: unitA1, areaM2: 10 }],
      ['GET', `/api/projects/${secret.id}/space-matches`, undefined],
    ] as const) {
      const refused = await narrow.json<ErrorResponse>(method, path, body);
      expect(refused.status, path).toBe(404);
      expect(refused.body.error.code).toBe('PROJECT_NOT_FOUND');
      expect(JSON.stringify(refused.body)).not.toContain('机密');
    }
    expect(await count(spaceReservation)).toBe(reservations);
  });

  it("shows a park user the projects matched to its park and the park's supply and demand", async () => {
    const mine = await parkUser.json<List<ProjectSummary>>('GET', `/api/parks/${parkA}/projects`);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThanOrEqual(2);
    expect(mine.body.items.every((p) => p.park?.id === parkA || p.reservedM2 > 0)).toBe(true);
    const aimed = await newProject({ parkId: parkA, spaceNeed: [{ kind: 'office', areaM2: 300 }] });
    const supply = await parkUser.json<SupplyDemand>(
      'GET',
      `/api/parks/${parkA}/supply-demand?from=2026&years=2`,
    );
    const office2026 = supply.body.rows.find((r) => r.kind === 'office' && r.year === 2026);
    expect(office2026).toMatchObject({ freeM2: 800, demandM2: 300, balanceM2: 500 });
    expect(office2026?.weightedDemandM2).toBeCloseTo(30, 6);
    expect(aimed.park?.id).toBe(parkA);
  });

  it('exports projects to Excel and imports the file back unchanged; a bad row imports nothing', async () => {
    const exported = await investor.request('GET', '/api/projects/export?format=xlsx');
    expect(exported.headers.get('content-type')).toMatch(/spreadsheetml/);
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const total = (await viewer.json<ProjectBoard>('GET', '/api/projects?status=all')).body.total;
    const form = new FormData();
    form.set('file', new File([bytes], 'projects.xlsx'));
    const back = await investor.request('POST', '/api/projects/import', form);
    expect(back.status).toBe(200);
    expect((await back.json()) as ImportProjectsResult).toEqual({
      rowsRead: total,
      created: 0,
      updated: 0,
      unchanged: total,
    });
    // A CSV export names the chain, region, node, enterprise and park beside their codes, and
    // imports back unchanged too (an import reads past the names).
    const csvExport = await (
      await investor.request('GET', '/api/projects/export?format=csv')
    ).text();
    const [headerLine = '', ...lines] = csvExport.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(headerLine.split(',').slice(0, 8)).toEqual([
      '编号',
      '项目名称',
      '产业链',
      '产业链名称',
      '落地区域',
      '地区',
      '环节',
      '环节名称',
    ]);
    expect(headerLine).toMatch(/企业编号,企业名称,.*,园区,园区名称,/);
    expect(lines.some((line) => /,biomed,生物医药,3202,江苏省·无锡市,/.test(line))).toBe(true);
    const csvForm = new FormData();
    csvForm.set('file', new File([csvExport], 'projects.csv'));
    const csvBack = await investor.request('POST', '/api/projects/import', csvForm);
    expect((await csvBack.json()) as ImportProjectsResult).toMatchObject({ unchanged: total });

    // Status and capital in place change on the project, where each change is recorded: a file
    // that edits them (or gives a new project capital) is refused, naming the cells.
    const headers = headerLine.split(',');
    const statusAt = headers.indexOf('状态');
    const capitalAt = headers.indexOf('到资（万元）');
    const edited = lines.find(
      (line) => line.split(',').length === headers.length && line.split(',')[statusAt] === '推进中',
    );
    expect(edited, 'an active project exported as one plain line').toBeDefined();
    const cells = (edited ?? '').split(',');
    cells[statusAt] = '已放弃';
    cells[capitalAt] = '999';
    const fresh = headers.map((h) =>
      h === '项目名称'
        ? '带到资的新项目'
        : h === '落地区域'
          ? '3202'
          : h === '到资（万元）'
            ? '5'
            : '',
    );
    const readOnlyForm = new FormData();
    readOnlyForm.set(
      'file',
      new File([[headerLine, cells.join(','), fresh.join(',')].join('\n')], 'edited.csv'),
    );
    const readOnly = await investor.request('POST', '/api/projects/import', readOnlyForm);
    expect(readOnly.status).toBe(400);
    const readOnlyDetails = ((await readOnly.json()) as ErrorResponse).error.details as {
      row: number;
      column: string;
      code: string;
      params?: Record<string, string>;
    }[];
    expect(readOnlyDetails.map((d) => `${d.row}:${d.column}:${d.code}`)).toEqual([
      '2:状态:PROJECT_STATUS_READ_ONLY',
      '2:到资（万元）:PROJECT_CAPITAL_READ_ONLY',
      '3:到资（万元）:PROJECT_CAPITAL_READ_ONLY',
    ]);
    expect(readOnlyDetails[0]?.params).toEqual({ current: '推进中' });
    expect(readOnlyDetails[2]?.params).toEqual({ current: '0' });

    const dir = mkdtempSync(join(tmpdir(), 'chainlead-projects-test-'));
    const csv = join(dir, 'new.csv');
    writeFileSync(
      csv,
      [
        '项目名称,落地区域,环节,阶段,投资额（亿元）,空间需求,园区',
        '新建抗体项目,3202,biomed.mid.bio,在谈,3,湿实验室 1000,park-a',
        '坏项目,3202,biomed.mid.nope,谈判中,x,车间 5,no-park',
        '坏字符\u0000项目,3202,biomed.mid.bio,在谈,3,,',
        // Longer than a request may send, and a name of invisible characters only.
        `${'长'.repeat(201)},3202,biomed.mid.bio,在谈,3,,`,
        '\u200b\u200b,3202,biomed.mid.bio,在谈,3,,',
      ].join('\n'),
    );
    const badForm = new FormData();
    badForm.set('file', new File([readFileSync(csv)], 'new.csv'));
    const before = await count(project);
    const refused = await investor.request('POST', '/api/projects/import', badForm);
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as ErrorResponse).error;
    expect(error.message).toMatch(/nothing was imported/);
    const details = error.details as { row: number; column: string; reason: string }[];
    expect(details.map((d) => `${d.row}:${d.column}`)).toEqual([
      '3:阶段',
      '3:投资额（亿元）',
      '3:空间需求',
      '3:园区',
      '4:项目名称',
      '5:项目名称',
      '6:项目名称',
    ]);
    expect(details.slice(-2).map((d) => (d as { code?: string }).code)).toEqual([
      'TEXT_TOO_LONG',
      'TEXT_INVISIBLE',
    ]);
    expect(await count(project)).toBe(before);

    // Past 20 MB (a chunked body, no length): refused when reached, and nothing imported.
    const good = readFileSync(csv, 'utf8').split('\n').slice(0, 2).join('\n');
    const tooLarge = await investor.postStream(
      '/api/projects/import',
      chunkedMultipart([{ name: 'file', fileName: 'new.csv', content: good }], {
        paddingBytes: 20 * 1024 * 1024 + 64 * 1024,
      }),
    );
    expect(tooLarge.status).toBe(400);
    expect(((await tooLarge.json()) as ErrorResponse).error).toMatchObject({
      message: expect.stringMatching(/^The upload is larger than 20 MB/) as string,
      // The web app says it from the reason, with the limit.
      details: { field: 'file', reason: 'FILE_TOO_LARGE', maxMb: 20 },
    });
    expect(await count(project)).toBe(before);

    writeFileSync(csv, readFileSync(csv, 'utf8').split('\n').slice(0, 2).join('\n'));
    const goodForm = new FormData();
    goodForm.set('file', new File([readFileSync(csv)], 'new.csv'));
    const ok = await investor.request('POST', '/api/projects/import', goodForm);
    expect((await ok.json()) as ImportProjectsResult).toMatchObject({ created: 1 });
    const imported = await viewer.json<ProjectBoard>('GET', '/api/projects?q=新建抗体项目');
    expect(imported.body.items[0]).toMatchObject({
      stage: 'negotiating',
      investmentYuan: 3e8,
      spaceNeed: [{ kind: 'wet_lab', areaM2: 1000 }],
      park: { id: parkA },
    });
  });
  it('imports a large file in batches that let other requests through, records the job, and matches a re-run by name', async () => {
    const rows = 210;
    const lines = ['项目名称,落地区域,阶段,投资方'];
    for (let i = 0; i < rows; i++) lines.push(`批量导入项目${i},3202,线索,投资方${i}`);
    const upload = (text: string) => {
      const form = new FormData();
      form.set('file', new File([text], 'batch.csv'));
      return form;
    };
    const before = await count(project);
    let importDone = false;
    const importing = investor
      .request('POST', '/api/projects/import', upload(lines.join('\n')))
      .finally(() => (importDone = true));
    // Batches of 200 rows, each its own transaction: the health check is served between them.
    let healthDuringImport = false;
    while (!importDone) {
      const health = await viewer.request('GET', '/api/health');
      expect(health.status).toBe(200);
      if (!importDone) healthDuringImport = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(healthDuringImport).toBe(true);
    const first = await importing;
    expect(await first.json()).toEqual({ rowsRead: rows, created: rows, updated: 0, unchanged: 0 });
    expect(await count(project)).toBe(before + rows);
    const [job] = await database.db
      .select()
      .from(importBatch)
      .where(eq(importBatch.kind, 'projects'))
      .orderBy(desc(importBatch.id))
      .limit(1);
    expect(job).toMatchObject({
      status: 'done',
      fileName: 'batch.csv',
      rowsRead: rows,
      counts: { created: rows, rowsWritten: rows, total: rows },
    });
    // The enterprise imports page lists only enterprise imports.
    const listed = await admin.json<{ items: { id: number }[] }>('GET', '/api/imports');
    expect(listed.body.items.map((i) => i.id)).not.toContain(job?.id);

    // The same file again (after a kill, say): rows without an id match their project by name.
    lines[1] = '批量导入项目0,3202,线索,改过的投资方';
    const again = await investor.request('POST', '/api/projects/import', upload(lines.join('\n')));
    expect(await again.json()).toEqual({
      rowsRead: rows,
      created: 0,
      updated: 1,
      unchanged: rows - 1,
    });
    expect(await count(project)).toBe(before + rows);
    const changed = await viewer.json<ProjectBoard>('GET', '/api/projects?q=改过的投资方');
    expect(changed.body.items.map((p) => p.name)).toEqual(['批量导入项目0']);

    // Checked before anything is written: a row naming a project that does not exist, or
    // changing a stage, refuses the whole file, the first 200 rows included.
    const bad = [...lines, '99999999,不存在的项目,3202,线索,'];
    bad[0] = 'ID,项目名称,落地区域,阶段,投资方';
    for (let i = 1; i < rows + 1; i++) bad[i] = `,${bad[i]}`;
    bad[2] = ',批量导入项目1,3202,在谈,投资方1';
    const refused = await investor.request('POST', '/api/projects/import', upload(bad.join('\n')));
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as ErrorResponse).error;
    expect(error.message).toMatch(/nothing was imported/);
    expect(
      (error.details as { row: number; code: string }[]).map((d) => `${d.row}:${d.code}`),
    ).toEqual(['3:PROJECT_STAGE_CHANGED', `${rows + 2}:PROJECT_ID_UNKNOWN`]);
    expect(await count(project)).toBe(before + rows);
    const [failed] = await database.db
      .select()
      .from(importBatch)
      .where(eq(importBatch.kind, 'projects'))
      .orderBy(desc(importBatch.id))
      .limit(1);
    expect(failed).toMatchObject({ status: 'failed', rowsRead: 0 });
  });

  it('marks an import a stopped server left running as failed at the next start, saying how far it got', async () => {
    const [projects, enterprises, finished] = await database.db
      .insert(importBatch)
      .values([
        {
          kind: 'projects',
          fileName: 'big.xlsx',
          source: 'big.xlsx',
          status: 'running',
          rowsRead: 1200,
          counts: { created: 1200, rowsWritten: 1200, total: 5000 },
          actorName: 'inv',
        },
        {
          kind: 'enterprises',
          fileName: 'registry.csv',
          source: 'registry.csv',
          status: 'running',
          rowsRead: 40000,
          actorName: 'inv',
        },
        {
          kind: 'enterprises',
          fileName: 'done.csv',
          source: 'done.csv',
          status: 'done',
          rowsRead: 3,
          actorName: 'inv',
        },
      ])
      .returning({ id: importBatch.id });
    const setup = await prepareInstallation(database, { adminPassword: ADMIN });
    expect(setup.interruptedImports).toEqual([projects?.id, enterprises?.id]);
    const view = async (id: number | undefined) =>
      (await admin.json<ImportView>('GET', `/api/imports/${id}`)).body;
    expect(await view(projects?.id)).toMatchObject({
      status: 'failed',
      message:
        'stopped after 1,200 of 5,000 rows (the server stopped); run the same file again: ' +
        'rows already written are matched, not duplicated',
    });
    expect(await view(enterprises?.id)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(
        /^stopped after 40,000 rows \(the server stopped\); run the same file again/,
      ) as string,
    });
    expect((await view(finished?.id)).status).toBe('done');
  });
});
