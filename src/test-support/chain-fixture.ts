import type { Db } from '../db/connection.ts';
import { findChainByCode, listChainNodes } from '../db/chain.repository.ts';
import { settlePrimaryPlacements } from '../db/classification.repository.ts';
import { insertEnterpriseYears, insertEnterprises } from '../db/enterprise.repository.ts';
import { classification } from '../db/schema.ts';
import { makeEnterprise } from './factories.ts';

type Placement = [nodeCode: string, decision: string, primary: boolean, score: number];

interface FixtureFirm {
  key: string;
  regionCode: string;
  tags?: string[];
  /** year → [output, revenue] in yuan (null where not reported). */
  years: Record<number, [number | null, number | null]>;
  placements: Placement[];
}

/**
 * A small biomedical registry whose every chain figure can be worked out by hand: Wuxi (3202)
 * and Suzhou (3205) firms on device, IVD, API and blood products, with the awkward cases — a
 * revenue-only firm, a secondary placement, a firm whose primary placement is only uncertain, a
 * rejected and an uncertain firm that must not count.
 */
export const CHAIN_FIXTURE: readonly FixtureFirm[] = [
  {
    key: 'deviceA',
    regionCode: '320214',
    years: { 2023: [500, 520], 2024: [600, 610] },
    placements: [['biomed.mid.device', 'confirmed', true, 0.9]],
  },
  {
    key: 'deviceB',
    regionCode: '320214',
    years: { 2023: [250, 260], 2024: [300, 310] },
    placements: [
      ['biomed.mid.device', 'confirmed', true, 0.85],
      ['biomed.mid.ivd', 'confirmed', false, 0.7],
    ],
  },
  {
    key: 'deviceRevenueOnly',
    regionCode: '320206',
    years: { 2024: [null, 100] },
    placements: [['biomed.mid.device', 'confirmed', true, 0.8]],
  },
  {
    key: 'ivdMaster',
    regionCode: '320214',
    tags: ['chain_master', 'listed'],
    years: { 2023: [150, 150], 2024: [200, 200] },
    placements: [['biomed.mid.ivd', 'confirmed', true, 0.95]],
  },
  {
    key: 'apiFallback',
    regionCode: '320214',
    years: { 2024: [50, 50] },
    placements: [
      ['biomed.up.cro', 'uncertain', true, 0.5],
      ['biomed.up.reagent', 'confirmed', false, 0.7],
      ['biomed.up.api', 'confirmed', false, 0.8],
    ],
  },
  {
    key: 'rejected',
    regionCode: '320214',
    years: { 2024: [999, 999] },
    placements: [['biomed.mid.device', 'rejected', false, 0]],
  },
  {
    key: 'uncertain',
    regionCode: '320211',
    years: { 2024: [777, 777] },
    placements: [['biomed.mid.vaccine', 'uncertain', true, 0.5]],
  },
  {
    key: 'suzhouDevice',
    regionCode: '320505',
    years: { 2023: [900, 900], 2024: [1000, 1000] },
    placements: [['biomed.mid.device', 'confirmed', true, 0.9]],
  },
  {
    key: 'suzhouBlood',
    regionCode: '320505',
    years: { 2024: [500, 500] },
    placements: [['biomed.mid.blood', 'confirmed', true, 0.9]],
  },
];

/** Writes CHAIN_FIXTURE into a prepared database; returns the enterprise ids by key. */
export async function seedChainFixture(db: Db): Promise<Record<string, number>> {
  const chainRow = await findChainByCode(db, 'biomed');
  if (!chainRow) throw new Error('seedChainFixture: load the biomed template first');
  const nodeId = new Map((await listChainNodes(db, chainRow.id)).map((n) => [n.code, n.id]));
  const ids = await insertEnterprises(
    db,
    CHAIN_FIXTURE.map((firm) =>
      makeEnterprise({
        regionCode: firm.regionCode,
        tags: firm.tags ?? [],
        name: `链测${firm.key}有限公司`,
      }),
    ),
  );
  const byKey: Record<string, number> = {};
  CHAIN_FIXTURE.forEach((firm, index) => (byKey[firm.key] = ids[index] ?? 0));
  await insertEnterpriseYears(
    db,
    CHAIN_FIXTURE.flatMap((firm) =>
      Object.entries(firm.years).map(([year, [output, revenue]]) => ({
        enterpriseId: byKey[firm.key] ?? 0,
        regionCode: firm.regionCode,
        year: Number(year),
        outputYuan: output,
        revenueYuan: revenue,
      })),
    ),
  );
  await db.insert(classification).values(
    CHAIN_FIXTURE.flatMap((firm) =>
      firm.placements.map(([code, decision, isPrimary, score]) => ({
        enterpriseId: byKey[firm.key] ?? 0,
        nodeId: nodeId.get(code) ?? 0,
        regionCode: firm.regionCode,
        score,
        decision,
        isPrimary,
        method: 'rule',
      })),
    ),
  );
  // Rows written straight to the table: settle them as every write path does.
  await settlePrimaryPlacements(db, Object.values(byKey), chainRow.id);
  return byKey;
}
