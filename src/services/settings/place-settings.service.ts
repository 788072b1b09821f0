import type { Db, DbOrTx } from '../../db/connection.ts';
import { recordAudit, type Actor } from '../../db/audit.repository.ts';
import { findSetting, saveSetting } from '../../db/setting.repository.ts';
import type { PlaceSettings, PutPlaceSettings } from '../../shared/api/settings.ts';
import { resolveDefaultChain } from '../chains/chain-query.service.ts';
import { WUXI } from '../demo/demo-plan.ts';
import { requireChain, requireRegion } from '../lookup/lookup.service.ts';

const KEY = 'place';

interface Stored {
  homeRegion: string | null;
  defaultChain: string | null;
}

/** What serve was started with (--home-region, --default-chain or their environment variables). */
export interface PlaceFlags {
  homeRegion?: string | undefined;
  defaultChain?: string | undefined;
}

async function stored(db: DbOrTx): Promise<Stored> {
  const value = (await findSetting(db, KEY)) as Partial<Stored> | null;
  return { homeRegion: value?.homeRegion ?? null, defaultChain: value?.defaultChain ?? null };
}

/**
 * The stored home region and default chain, and those in force: a flag or environment variable
 * given to serve wins over the stored setting, which wins over the default (3202; the first
 * loaded chain).
 */
export async function getPlaceSettings(db: Db, flags: PlaceFlags): Promise<PlaceSettings> {
  const saved = await stored(db);
  const chainWanted = flags.defaultChain ?? saved.defaultChain ?? undefined;
  const defaultChain = await resolveDefaultChain(db, chainWanted);
  return {
    ...saved,
    effective: {
      homeRegion: flags.homeRegion ?? saved.homeRegion ?? WUXI,
      homeRegionFrom: flags.homeRegion ? 'flag' : saved.homeRegion ? 'setting' : 'default',
      defaultChain,
      defaultChainFrom:
        flags.defaultChain && defaultChain === flags.defaultChain
          ? 'flag'
          : saved.defaultChain && defaultChain === saved.defaultChain
            ? 'setting'
            : 'default',
    },
  };
}

/**
 * Stores the home region and default chain (omitted: unchanged; null: removed), audited.
 * Throws REGION_NOT_FOUND or CHAIN_NOT_FOUND for codes the installation does not have.
 */
export async function savePlaceSettings(
  db: Db,
  actor: Actor,
  flags: PlaceFlags,
  changes: PutPlaceSettings,
): Promise<PlaceSettings> {
  await db.transaction(async (tx) => {
    const before = await stored(tx);
    if (changes.homeRegion) await requireRegion(tx, changes.homeRegion);
    if (changes.defaultChain) await requireChain(tx, changes.defaultChain);
    const after: Stored = {
      homeRegion: changes.homeRegion === undefined ? before.homeRegion : changes.homeRegion,
      defaultChain: changes.defaultChain === undefined ? before.defaultChain : changes.defaultChain,
    };
    await saveSetting(tx, KEY, after);
    await recordAudit(tx, actor, {
      action: 'settings.place.update',
      entityType: 'setting',
      entityId: KEY,
      before,
      after,
    });
  });
  return getPlaceSettings(db, flags);
}
