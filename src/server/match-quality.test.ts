import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { breakdown, readMatchSet, type MatchQuality } from '../services/ecology/match-quality.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import { createTestDatabase, testDatabaseKind } from '../test-support/test-database.ts';
import { measureMatchQuality } from './match-quality.runner.ts';

// The labelled set eval/matchmaking/tw-fda-products (TFDA licences, Taiwan OGDL 1.0): 19 needs
// (product categories as the source states them) over 370 real firms imported into one district.
// The needs are split tune / held-out by a fixed rule (splitOf: SHA-256 of the id); the held-out
// figures are the headline. The floors sit just under the figures measured on 2026-12-03 after the
// need's own words were matched (docs/matchmaking.md); raise them when the matching improves, never
// lower them to pass.
describe(`match quality on labelled real needs (${testDatabaseKind()})`, () => {
  let database: Database;
  let quality: MatchQuality;
  const set = readMatchSet('tw-fda-products');

  beforeAll(async () => {
    database = await createTestDatabase();
    await prepareInstallation(database, { adminPassword: 'match-quality-admin' });
    quality = await measureMatchQuality(database, set, 'match-quality-admin');
  }, 300_000);
  afterAll(async () => {
    await database.close();
  });

  it('cites a source for every need and firm, and labels every need with firms of the pool', () => {
    expect(set.needs.length).toBe(19);
    expect(set.firms.length).toBe(370);
    for (const record of [...set.needs, ...set.firms]) {
      expect(record.source).toMatch(/TFDA/);
      expect(record.sourceRef).toMatch(/字第/);
    }
  });

  it('holds the top-5 precision and recall of the proposals at their measured floors', () => {
    expect(quality.needs).toHaveLength(19);
    // Measured, all 19: 70 hits of 72 proposals (0.972); strict 0.737; recall 0.916; 18 with a hit.
    expect(quality.precisionAt5).toBeGreaterThanOrEqual(0.95);
    expect(quality.strictPrecisionAt5).toBeGreaterThanOrEqual(0.72);
    expect(quality.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(quality.needsWithHit).toBeGreaterThanOrEqual(18);
  });

  it('holds the held-out needs (the headline) and each label kind at their floors', () => {
    const of = (group: string) => breakdown(quality).find((g) => g.group === group)!.quality;
    const heldOut = of('held-out');
    expect(heldOut.needs).toHaveLength(9);
    // Measured, held-out 9: P@5 0.935, strict 0.644, recall 0.844, 8 with a hit (原料药 none).
    expect(heldOut.precisionAt5).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.strictPrecisionAt5).toBeGreaterThanOrEqual(0.6);
    expect(heldOut.recallAt5).toBeGreaterThanOrEqual(0.8);
    expect(heldOut.needsWithHit).toBeGreaterThanOrEqual(8);
    // Labelled from other columns (tune 3: 健康食品, 矫正镜片, 软式隐形眼镜): strict 0.800, recall 0.933.
    const otherTune = of('tune, other columns');
    expect(otherTune.strictPrecisionAt5).toBeGreaterThanOrEqual(0.75);
    expect(otherTune.recallAt5).toBeGreaterThanOrEqual(0.9);
  });
});
