import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Database } from '../../db/connection.ts';
import { insertDuplicateCandidate } from '../../db/duplicate.repository.ts';
import { deleteEnterprise, insertEnterprises } from '../../db/enterprise.repository.ts';
import { buildUscc } from '../../domain/uscc.ts';
import { makeEnterprise } from '../../test-support/factories.ts';
import { createTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import { importEnterprises } from '../import/import-enterprises.service.ts';
import { listDuplicates, mergeDuplicate, undoDuplicateMerge } from './duplicates.service.ts';
import { prepareInstallation } from '../setup.service.ts';

const actor = { id: null, name: 'uscc-lookup-test' };

// The lookup table exists only on a distributed database (scripts/citus/distribute.sql creates
// it); made here by hand on one server (if absent), every writer of the registry must keep it equal to the
// USCCs the enterprises hold.
describe(`the USCC lookup of a distributed registry follows every writer (${testDatabaseKind()})`, () => {
  let database: Database;
  const read = async (query: ReturnType<typeof sql>) =>
    rowsOf<Record<string, unknown>>(await database.db.execute(query));
  const lookup = () =>
    read(
      sql`select uscc, region_code, enterprise_id::int as id from enterprise_uscc order by uscc`,
    );
  const registry = () =>
    read(sql`select uscc, region_code, id::int as id from enterprise
      where uscc is not null order by uscc`);

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'test-admin-password' });
    await database.db.execute(sql`create table if not exists enterprise_uscc (
      uscc text primary key, region_code text not null, enterprise_id bigint not null)`);
  });
  afterAll(async () => {
    await database.close();
  });

  it('is written by bulk inserts and by imports (new and changed records)', async () => {
    await insertEnterprises(database.db, [
      makeEnterprise({ name: '无锡查找甲生物有限公司' }),
      makeEnterprise({ name: '无锡查找乙生物有限公司', uscc: null }),
    ]);
    expect(await lookup()).toEqual(await registry());
    expect(await lookup()).toHaveLength(1);

    const dir = mkdtempSync(join(tmpdir(), 'chainlead-uscc-lookup-'));
    const header = '统一社会信用代码,企业名称,行政区划代码,经营范围';
    const importRows = async (name: string, lines: string[]) => {
      const file = join(dir, name);
      writeFileSync(file, [header, ...lines].join('\n'));
      return (await importEnterprises(database.db, actor, { file })).counts;
    };
    expect(
      await importRows('first.csv', [
        `${buildUscc('320214', 'MA1LK001')},无锡查找丙制药有限公司,320214,化学药制剂的生产`,
        `,无锡查找戊生物有限公司,320214,体外诊断试剂的生产`,
      ]),
    ).toMatchObject({ inserted: 2, rejected: 0 });
    expect(await lookup()).toEqual(await registry());
    expect(await lookup()).toHaveLength(2);
    // The record without a USCC gains one: found by its name in the same city.
    expect(
      await importRows('second.csv', [
        `${buildUscc('320214', 'MA1LK002')},无锡查找戊生物有限公司,320214,体外诊断试剂的生产`,
      ]),
    ).toMatchObject({ inserted: 0, merged: 1, rejected: 0 });
    expect(await lookup()).toEqual(await registry());
    expect(await lookup()).toHaveLength(3);
  });

  it('follows a merge and its undo, and a deletion', async () => {
    const [keptId, droppedId] = await insertEnterprises(database.db, [
      makeEnterprise({ name: '无锡合并丁医疗器械有限公司', uscc: null }),
      makeEnterprise({ name: '无锡合并丁医疗器械股份有限公司' }),
    ]);
    await insertDuplicateCandidate(database.db, {
      enterpriseId: droppedId ?? 0,
      otherId: keptId ?? 0,
      score: 0.9,
      reasons: ['test'],
      importId: null,
    });
    const pair = (await listDuplicates(database.db, { page: 1, pageSize: 10 })).items[0];
    const before = await lookup();
    await mergeDuplicate(database.db, actor, pair?.id ?? 0);
    expect(await lookup()).toEqual(await registry());
    expect(await lookup()).toHaveLength(before.length);
    await undoDuplicateMerge(database.db, actor, pair?.id ?? 0);
    expect(await lookup()).toEqual(before);

    await deleteEnterprise(database.db, droppedId ?? 0);
    expect(await lookup()).toEqual(await registry());
    expect(await lookup()).toHaveLength(before.length - 1);
  });
});
