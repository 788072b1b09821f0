import { asc, eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { insertDuplicateCandidate } from '../../db/duplicate.repository.ts';
import { insertEnterpriseYears, insertEnterprises } from '../../db/enterprise.repository.ts';
import {
  appUser,
  classification,
  duplicateCandidate,
  enterprise,
  enterpriseYear,
  leaderActivity,
  enterpriseLink,
  leaderActivityEnterprise,
  ecologyEvent,
  eventParticipant,
  expert,
  expertAdvice,
  innovationPlatform,
  needMatch,
  needOffer,
  platformUser,
  problem,
} from '../../db/schema.ts';
import { makeEnterprise } from '../../test-support/factories.ts';
import { biomedIds, seedDepartments, seedProblem } from '../../test-support/leadership-fixture.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { addUser } from '../auth/users.service.ts';
import { getEnterprise } from '../registry/enterprise-query.service.ts';
import {
  listDuplicates,
  mergeDuplicate,
  undoDuplicateMerge,
} from '../registry/duplicates.service.ts';
import { prepareInstallation } from '../setup.service.ts';

const actor = { id: null, name: 'merge-test' };

describe(`a merge keeps every link of both records, and its undo gives them back (${testDatabaseKind()})`, () => {
  let database: Database;
  let keptId = 0;
  let droppedId = 0;
  let thirdId = 0;
  let pairId = 0;
  let problemId = 0;
  let activityId = 0;
  let before = '';

  /** Everything that names the three records, as rows. */
  async function state() {
    const db = database.db;
    const ids = [keptId, droppedId, thirdId];
    return JSON.stringify({
      enterprises: await db
        .select()
        .from(enterprise)
        .where(inArray(enterprise.id, ids))
        .orderBy(asc(enterprise.id)),
      years: await db
        .select()
        .from(enterpriseYear)
        .where(inArray(enterpriseYear.enterpriseId, ids))
        .orderBy(asc(enterpriseYear.enterpriseId), asc(enterpriseYear.year)),
      placements: await db
        .select()
        .from(classification)
        .where(inArray(classification.enterpriseId, ids))
        .orderBy(asc(classification.enterpriseId), asc(classification.nodeId)),
      needs: await db
        .select({ id: needOffer.id, enterpriseId: needOffer.enterpriseId })
        .from(needOffer)
        .orderBy(asc(needOffer.id)),
      matches: await db
        .select({ id: needMatch.id, supplierId: needMatch.supplierId })
        .from(needMatch)
        .orderBy(asc(needMatch.id)),
      problems: await db
        .select({ id: problem.id, enterpriseId: problem.enterpriseId })
        .from(problem)
        .orderBy(asc(problem.id)),
      users: await db
        .select({ id: appUser.id, enterpriseId: appUser.enterpriseId })
        .from(appUser)
        .orderBy(asc(appUser.id)),
      activities: await db
        .select()
        .from(leaderActivityEnterprise)
        .orderBy(
          asc(leaderActivityEnterprise.activityId),
          asc(leaderActivityEnterprise.enterpriseId),
        ),
      advice: await db
        .select({ id: expertAdvice.id, enterpriseId: expertAdvice.enterpriseId })
        .from(expertAdvice)
        .orderBy(asc(expertAdvice.id)),
      participants: await db
        .select({ id: eventParticipant.id, enterpriseId: eventParticipant.enterpriseId })
        .from(eventParticipant)
        .orderBy(asc(eventParticipant.id)),
      platformUses: await db
        .select({ id: platformUser.id, enterpriseId: platformUser.enterpriseId })
        .from(platformUser)
        .orderBy(asc(platformUser.id)),
      enterpriseLinks: await db
        .select({
          id: enterpriseLink.id,
          fromId: enterpriseLink.fromId,
          toId: enterpriseLink.toId,
        })
        .from(enterpriseLink)
        .orderBy(asc(enterpriseLink.id)),
      pairs: await db
        .select()
        .from(duplicateCandidate)
        .where(
          or(
            inArray(duplicateCandidate.enterpriseId, ids),
            inArray(duplicateCandidate.otherId, ids),
          ),
        )
        .orderBy(asc(duplicateCandidate.id)),
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'merge-test-admin' });
    const db = database.db;
    const { chainId, node } = await biomedIds(db);
    // The unregistered record is the older one: the pair names it first, yet it is the one dropped.
    [droppedId = 0, keptId = 0, thirdId = 0] = await insertEnterprises(db, [
      makeEnterprise({ name: '无锡链合测试生物科技有限公司', uscc: null, tags: ['high_tech'] }),
      makeEnterprise({ name: '无锡链合测试生物有限公司', address: null }),
      makeEnterprise({ name: '无锡链合测试第三方有限公司', uscc: null }),
    ]);
    await db
      .update(enterprise)
      .set({ address: '锡山区测试路1号' })
      .where(eq(enterprise.id, droppedId));
    await insertEnterpriseYears(db, [
      { enterpriseId: keptId, regionCode: '320214', year: 2024, outputYuan: 6.2e8 },
      { enterpriseId: droppedId, regionCode: '320214', year: 2024, outputYuan: 1e7, employees: 40 },
      { enterpriseId: droppedId, regionCode: '320214', year: 2023, revenueYuan: 5e6 },
    ]);
    const placement = {
      regionCode: '320214',
      score: 0.8,
      evidence: [],
    };
    await db.insert(classification).values([
      {
        ...placement,
        enterpriseId: keptId,
        nodeId: node('biomed.mid.blood'),
        decision: 'confirmed',
        isPrimary: true,
        method: 'rule',
      },
      // An analyst's decisions on the dropped record: they must survive the merge.
      {
        ...placement,
        enterpriseId: droppedId,
        nodeId: node('biomed.mid.blood'),
        decision: 'rejected',
        method: 'manual',
      },
      {
        ...placement,
        enterpriseId: droppedId,
        nodeId: node('biomed.mid.ivd'),
        decision: 'confirmed',
        isPrimary: true,
        method: 'manual',
      },
    ]);
    await seedDepartments(db);
    problemId = await seedProblem(db, { enterpriseId: droppedId, chainId });
    // 供需对接: an offer of the dropped record, and a need of another it was matched with.
    const need = { chainId, product: '培养基', createdBy: 'test' };
    const [, thirdNeed] = await db
      .insert(needOffer)
      .values([
        { ...need, kind: 'offer', enterpriseId: droppedId },
        { ...need, kind: 'need', enterpriseId: thirdId },
      ])
      .returning({ id: needOffer.id });
    await db.insert(needMatch).values({
      needId: thirdNeed?.id ?? 0,
      supplierId: droppedId,
      outcome: 'contacted',
      outcomeOn: '2025-06-01',
      recordedBy: 'test',
    });
    // 专家库 and 活动: an expert advised the dropped record, which took part in an event.
    const [anExpert] = await db
      .insert(expert)
      .values({ chainId, name: '测试专家', createdBy: 'test' })
      .returning({ id: expert.id });
    await db.insert(expertAdvice).values({
      expertId: anExpert?.id ?? 0,
      enterpriseId: droppedId,
      advisedOn: '2025-05-01',
      createdBy: 'test',
    });
    const [anEvent] = await db
      .insert(ecologyEvent)
      .values({
        chainId,
        kind: 'roadshow',
        title: '测试路演',
        heldOn: '2025-05-02',
        createdBy: 'test',
      })
      .returning({ id: ecologyEvent.id });
    await db
      .insert(eventParticipant)
      .values({ eventId: anEvent?.id ?? 0, enterpriseId: droppedId });
    // 平台: the dropped record uses an innovation platform.
    const [aPlatform] = await db
      .insert(innovationPlatform)
      .values({
        chainId,
        name: '测试公共服务平台',
        kind: 'public_service',
        level: 'municipal',
        regionCode: '320214',
        createdBy: 'test',
      })
      .returning({ id: innovationPlatform.id });
    await db.insert(platformUser).values({
      platformId: aPlatform?.id ?? 0,
      enterpriseId: droppedId,
      service: '检测认证',
      recordedBy: 'test',
    });
    await addUser(db, actor, {
      username: 'merge-firm',
      password: 'merge-firm-password-1',
      role: 'firm',
      enterpriseId: droppedId,
    });
    const [activity] = await db
      .insert(leaderActivity)
      .values({
        chainId,
        regionCode: '3202',
        kind: 'visit',
        heldOn: '2025-05-06',
        title: '走访',
        createdBy: 'test',
      })
      .returning({ id: leaderActivity.id });
    activityId = activity?.id ?? 0;
    await db.insert(leaderActivityEnterprise).values([
      { activityId, enterpriseId: droppedId },
      { activityId, enterpriseId: thirdId },
    ]);
    const link = { regionCode: '320214', source: 'office', createdBy: 'test' };
    await db.insert(enterpriseLink).values([
      { ...link, kind: 'supplies', fromId: droppedId, toId: thirdId },
      { ...link, kind: 'serves', fromId: thirdId, toId: droppedId },
    ]);
    for (const [a, b] of [
      [droppedId, keptId],
      [droppedId, thirdId],
    ] as const) {
      await insertDuplicateCandidate(db, {
        enterpriseId: a,
        otherId: b,
        score: 0.8,
        reasons: ['test'],
        importId: null,
      });
    }
    const open = await listDuplicates(db, { page: 1, pageSize: 10 });
    pairId = open.items.find((d) => d.other.id === keptId)?.id ?? 0;
    before = await state();
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps the registered record with both names, figures by rule, and every link', async () => {
    await mergeDuplicate(database.db, actor, pairId);
    const kept = await getEnterprise(database.db, keptId);
    expect(kept.name).toBe('无锡链合测试生物有限公司');
    expect(kept.aliases).toEqual(['无锡链合测试生物科技有限公司']);
    expect(kept.address).toBe('锡山区测试路1号');
    expect(kept.tags).toContain('high_tech');
    expect(kept.years).toEqual([
      expect.objectContaining({ year: 2023, revenueYuan: 5e6, outputYuan: null }),
      expect.objectContaining({ year: 2024, outputYuan: 6.2e8, employees: 40 }),
    ]);
    expect(kept.figureHistory).toEqual([
      expect.objectContaining({
        year: 2024,
        measure: 'outputYuan',
        value: 1e7,
        keptValue: 6.2e8,
        reason: 'merge',
        mergedEnterprise: { id: droppedId, name: '无锡链合测试生物科技有限公司' },
      }),
    ]);
    // The analyst's decisions win over a rule's: rejected on blood, primary on IVD.
    expect(
      kept.classifications.map((c) => [c.nodeCode, c.decision, c.primary, c.method]).sort(),
    ).toEqual([
      ['biomed.mid.blood', 'rejected', false, 'manual'],
      ['biomed.mid.ivd', 'confirmed', true, 'manual'],
    ]);
    const db = database.db;
    const [movedProblem] = await db.select().from(problem).where(eq(problem.id, problemId));
    expect(movedProblem?.enterpriseId).toBe(keptId);
    const offers = await db.select().from(needOffer).where(eq(needOffer.kind, 'offer'));
    expect(offers.map((o) => o.enterpriseId)).toEqual([keptId]);
    expect((await db.select().from(needMatch)).map((m) => m.supplierId)).toEqual([keptId]);
    expect((await db.select().from(expertAdvice)).map((a) => a.enterpriseId)).toEqual([keptId]);
    expect((await db.select().from(eventParticipant)).map((p) => p.enterpriseId)).toEqual([keptId]);
    expect((await db.select().from(platformUser)).map((u) => u.enterpriseId)).toEqual([keptId]);
    const [firm] = await db.select().from(appUser).where(eq(appUser.username, 'merge-firm'));
    expect(firm?.enterpriseId).toBe(keptId);
    const linked = await db
      .select()
      .from(leaderActivityEnterprise)
      .where(eq(leaderActivityEnterprise.activityId, activityId));
    expect(linked.map((l) => l.enterpriseId).sort((a, b) => a - b)).toEqual(
      [keptId, thirdId].sort((a, b) => a - b),
    );
    const links = await db
      .select({ fromId: enterpriseLink.fromId, toId: enterpriseLink.toId })
      .from(enterpriseLink)
      .orderBy(asc(enterpriseLink.id));
    expect(links).toEqual([
      { fromId: keptId, toId: thirdId },
      { fromId: thirdId, toId: keptId },
    ]);
    const history = await listDuplicates(db, { status: 'merged', page: 1, pageSize: 10 });
    expect(history.items).toEqual([
      expect.objectContaining({
        id: pairId,
        enterprise: { id: keptId, name: '无锡链合测试生物有限公司' },
        other: { id: null, name: '无锡链合测试生物科技有限公司' },
      }),
    ]);
  });

  it('undoes it to the row: both records, figures, placements, links and pairs as before', async () => {
    await undoDuplicateMerge(database.db, actor, pairId);
    expect(await state()).toBe(before);
    await expect(undoDuplicateMerge(database.db, actor, pairId)).rejects.toThrow(
      /is open, not merged/,
    );
  });

  it('refuses to merge two records registered under different USCCs', async () => {
    await insertDuplicateCandidate(database.db, {
      enterpriseId: keptId,
      otherId: thirdId,
      score: 0.9,
      reasons: ['test'],
      importId: null,
    });
    await database.db
      .update(enterprise)
      .set({ uscc: makeEnterprise().uscc })
      .where(eq(enterprise.id, thirdId));
    const pair = (await listDuplicates(database.db, { page: 1, pageSize: 10 })).items.find(
      (d) => d.enterprise.id === keptId && d.other.id === thirdId,
    );
    await expect(mergeDuplicate(database.db, actor, pair?.id ?? 0)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /hold different USCCs: two registered legal entities/,
      ) as unknown,
    });
  });
});
