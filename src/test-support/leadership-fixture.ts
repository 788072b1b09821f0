import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { findChainByCode, listChainNodes } from '../db/chain.repository.ts';
import { insertEnterprises } from '../db/enterprise.repository.ts';
import { appUser, department, problem, problemCategory } from '../db/schema.ts';
import { makeEnterprise } from './factories.ts';

/** The biomed chain's id and a node id by code, for seeding leader records. */
export async function biomedIds(
  db: Db,
): Promise<{ chainId: number; node: (code: string) => number }> {
  const chainRow = await findChainByCode(db, 'biomed');
  if (!chainRow) throw new Error('biomed chain not loaded');
  const nodes = await listChainNodes(db, chainRow.id);
  return {
    chainId: chainRow.id,
    node: (code) => {
      const found = nodes.find((n) => n.code === code);
      if (!found) throw new Error(`no node ${code}`);
      return found.id;
    },
  };
}

/** Two departments and a problem category; returns the department ids. */
export async function seedDepartments(db: Db): Promise<[number, number]> {
  await db
    .insert(problemCategory)
    .values({ code: 'land', nameZh: '用地', nameEn: 'Land', slaWorkingDays: 10 })
    .onConflictDoNothing();
  const rows = await db
    .insert(department)
    .values([
      { name: '工信局', nameEn: 'Industry bureau', regionCode: '3202' },
      { name: '发改委', nameEn: 'Development commission', regionCode: '3202' },
    ])
    .returning({ id: department.id });
  return [rows[0]?.id ?? 0, rows[1]?.id ?? 0];
}

export async function seedEnterprise(db: Db, name: string, regionCode = '320214'): Promise<number> {
  const [id] = await insertEnterprises(db, [makeEnterprise({ name, regionCode })]);
  return id ?? 0;
}

let sequence = 0;

/** A problem row with plausible defaults, overridden as needed. */
export async function seedProblem(
  db: Db,
  values: Partial<typeof problem.$inferInsert> &
    Pick<typeof problem.$inferInsert, 'enterpriseId' | 'chainId'>,
): Promise<number> {
  sequence++;
  const receivedAt = values.receivedAt ?? new Date('2025-03-03T02:00:00Z');
  const day = receivedAt.toISOString().slice(0, 10);
  const rows = await db
    .insert(problem)
    .values({
      reference: `T-${String(sequence).padStart(4, '0')}-${Math.random().toString(36).slice(2, 7)}`,
      regionCode: '320214',
      title: `问题${sequence}`,
      description: '描述',
      channel: 'visit',
      categoryCode: 'land',
      stage: 'accepted',
      clockStartsOn: day,
      slaWorkingDays: 10,
      dueOn: day,
      ...values,
      receivedAt,
    })
    .returning({ id: problem.id });
  return rows[0]?.id ?? 0;
}

/** Binds a user to a department and/or chains, as the user admin will. */
export async function bindUser(
  db: Db,
  username: string,
  binding: { departmentId?: number | null; chainCodes?: string[] | null },
): Promise<void> {
  await db.update(appUser).set(binding).where(eq(appUser.username, username));
}
