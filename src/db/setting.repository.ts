import { eq } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { appSetting } from './schema.ts';

/** Reads one installation setting, or null when it was never written. */
export async function findSetting(db: DbOrTx, key: string): Promise<unknown> {
  const rows = await db.select().from(appSetting).where(eq(appSetting.key, key)).limit(1);
  return rows[0]?.value ?? null;
}

/** Writes one installation setting, replacing any earlier value. */
export async function saveSetting(db: DbOrTx, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSetting)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSetting.key, set: { value, updatedAt: new Date() } });
}
