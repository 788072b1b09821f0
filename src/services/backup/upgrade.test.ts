import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getPark } from '../parks/park-query.service.ts';
import { getProject } from '../projects/project-query.service.ts';
import { getEnterprise, searchEnterprises } from '../registry/enterprise-query.service.ts';
import { listUserViews } from '../auth/users.service.ts';
import { createEmptyTestDatabase, testDatabaseKind } from '../../test-support/test-database.ts';
import {
  appliedMigrations,
  bundledMigrationLevel,
  fingerprintTables,
} from '../../db/backup.repository.ts';

const FIXTURES = fileURLToPath(new URL('../../db/upgrade-fixtures', import.meta.url));
const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.sql'));

describe(`upgrade from an earlier release's database (${testDatabaseKind()})`, () => {
  it('has a fixture of the previous release to upgrade from', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)(
    '%s: today’s migrations apply and every row survives, readable',
    async (file) => {
      const database = await createEmptyTestDatabase();
      try {
        await database.exec(readFileSync(`${FIXTURES}/${file}`, 'utf8'));
        const before = await fingerprintTables(database.db);
        const applied = await appliedMigrations(database.db);
        const bundled = bundledMigrationLevel();
        expect(applied.length).toBeLessThan(bundled.migrations);
        expect(
          before.filter((t) => t.name.startsWith('public.') && t.rows > 0).length,
        ).toBeGreaterThan(15);

        await database.migrate();

        expect((await appliedMigrations(database.db)).length).toBe(bundled.migrations);
        const after = await fingerprintTables(database.db);
        for (const table of before) {
          if (table.name === 'drizzle.__drizzle_migrations') continue;
          expect(after.find((t) => t.name === table.name)?.rows, table.name).toBe(table.rows);
        }

        const db = database.db;
        const enterprise = await getEnterprise(db, 1);
        expect(enterprise.name).toBe('无锡样例药业有限公司');
        expect(enterprise.park?.name).toBe('无锡生命科技产业园');
        const found = await searchEnterprises(db, { q: '样例', page: 1, pageSize: 20 });
        expect(found.total).toBeGreaterThanOrEqual(2);
        const project = await getProject(db, 1);
        expect(project.name).toBe('样例原料药扩产项目');
        expect(project.events.length).toBeGreaterThan(0);
        expect(project.attachments.map((a) => a.fileName)).toEqual(['洽谈纪要.txt']);
        expect(project.reservations.length).toBe(1);
        const park = await getPark(db, 1);
        expect(park.spaces.map((s) => s.code).sort()).toEqual(['A-101', 'B-201']);
        const users = await listUserViews(db);
        expect(users.map((u) => u.username).sort()).toEqual(['fx-admin', 'fx-analyst', 'fx-park']);
      } finally {
        await database.close();
      }
    },
  );
});
