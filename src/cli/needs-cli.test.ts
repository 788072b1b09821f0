import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../services/database.service.ts';
import { prepareInstallation } from '../services/setup.service.ts';
import type { MatchRecord, Need, NeedList, NeedMatches } from '../shared/api/needs.ts';
import { seedChainFixture } from '../test-support/chain-fixture.ts';
import { run } from '../test-support/cli-runner.ts';

// Each test runs the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = 240_000;

const work = mkdtempSync(join(tmpdir(), 'chainlead-needs-cli-'));
const db = join(work, 'db');
let ids: Record<string, number> = {};

describe('need, offer and match commands, as a user runs them', () => {
  beforeAll(async () => {
    const database = await openMigratedDatabase({ db });
    try {
      await prepareInstallation(database, { adminPassword: 'cli-admin-pw' });
      ids = await seedChainFixture(database.db);
    } finally {
      await database.close();
    }
  }, 120_000);

  it(
    'adds a need and an offer, lists them, proposes local suppliers first and records an outcome',
    async () => {
      const added = await run([
        'need',
        'add',
        '--db',
        db,
        '--enterprise',
        String(ids.ivdMaster),
        '--product',
        '监护仪整机',
        '--node',
        'biomed.mid.device',
        '--quantity',
        '20',
        '--unit',
        '台',
        '--json',
      ]);
      expect(added.code, added.stderr).toBe(0);
      const need = JSON.parse(added.stdout) as Need;
      expect(need).toMatchObject({
        kind: 'need',
        quantity: 20,
        node: { code: 'biomed.mid.device' },
      });

      const offer = await run([
        'offer',
        'add',
        '--db',
        db,
        '--enterprise',
        String(ids.suzhouDevice),
        '--product',
        '监护仪',
        '--node',
        'biomed.mid.device',
        '--json',
      ]);
      expect(offer.code, offer.stderr).toBe(0);
      const offers = JSON.parse(
        (await run(['offer', 'list', '--db', db, '--json'])).stdout,
      ) as NeedList;
      expect(offers.total).toBe(1);
      const needs = await run(['need', 'list', '--db', db]);
      expect(needs.stdout).toContain('监护仪整机');
      // A person reads the node's name, not its code.
      expect(needs.stdout).toMatch(/医疗设备\s+监护仪整机/);
      expect(needs.stdout).not.toContain('biomed.mid.device');

      const matched = await run(['need', 'matches', String(need.id), '--db', db, '--json']);
      expect(matched.code, matched.stderr).toBe(0);
      const matches = JSON.parse(matched.stdout) as NeedMatches;
      const order = matches.items.map((m) => m.supplier.id);
      // Same district first, then the same city, the Suzhou firm with its open offer after them.
      expect(order.slice(0, 2).sort()).toEqual([ids.deviceA, ids.deviceB].sort());
      expect(order[2]).toBe(ids.deviceRevenueOnly);
      expect(order[3]).toBe(ids.suzhouDevice);
      expect(matches.items[3]?.reasons.map((r) => r.code)).toContain('offer');

      const outcome = await run([
        'match',
        'outcome',
        '--db',
        db,
        '--need',
        String(need.id),
        '--supplier',
        String(ids.deviceA),
        '--outcome',
        'sampled',
        '--on',
        '2026-11-20',
        '--json',
      ]);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(JSON.parse(outcome.stdout) as MatchRecord).toMatchObject({ outcome: 'sampled' });

      const bad = await run([
        'match',
        'outcome',
        '--db',
        db,
        '--need',
        String(need.id),
        '--supplier',
        String(ids.deviceA),
        '--outcome',
        'married',
        '--on',
        '2026-02-30',
      ]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('--outcome');
      expect(bad.stderr).toContain('--on: is not a real calendar date');
    },
    SPAWNING,
  );
});
