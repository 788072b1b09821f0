import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { leaderActivity } from '../db/schema.ts';
import { openMigratedDatabase } from '../services/database.service.ts';
import type { Scorecard } from '../shared/api/leadership.ts';
import { run } from '../test-support/cli-runner.ts';
import { biomedIds } from '../test-support/leadership-fixture.ts';

// Each run spawns the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };
const work = mkdtempSync(join(tmpdir(), 'chainlead-scorecard-cli-'));
const db = join(work, 'db');
const scorecard = (...words: string[]) =>
  run(['--db', db, 'scorecard', '--chain', 'biomed', '--region', '3202', ...words]);

describe('chainlead scorecard, as a user runs it', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code, init.stderr).toBe(0);
    const database = await openMigratedDatabase({ db });
    try {
      const { chainId } = await biomedIds(database.db);
      await database.db.insert(leaderActivity).values([
        {
          chainId,
          regionCode: '3202',
          kind: 'visit',
          heldOn: '2025-02-03',
          title: '走访',
          createdBy: 't',
        },
        {
          chainId,
          regionCode: '3202',
          kind: 'visit',
          heldOn: '2025-08-03',
          title: '走访',
          createdBy: 't',
        },
        {
          chainId,
          regionCode: '3202',
          kind: 'chain_meeting',
          heldOn: '2025-05-03',
          title: '会',
          createdBy: 't',
        },
      ]);
    } finally {
      await database.close();
    }
  }, 300_000);

  it(
    'prints the figures with records and links, as a table or JSON, and writes --out',
    SPAWNING,
    async () => {
      const text = await scorecard('--year', '2025');
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/^生物医药产业链 · 无锡市（3202）· 2025 年考核看板/);
      expect(text.stdout).toMatch(
        /走访 visits\s+2\s+2\s+\/leader\?chain=biomed&region=3202&kind=visit&from=2025-01-01&to=2025-12-31/,
      );
      expect(text.stdout).toContain('The registry holds no output figures for 2025.');
      const out = join(work, 'card.csv');
      const json = await scorecard('--year', '2025', '--json', '--out', out);
      expect(json.code, json.stderr).toBe(0);
      const card = JSON.parse(json.stdout) as Scorecard;
      expect(card.visits).toMatchObject({ value: 2, records: 2 });
      expect(card.meetings.value).toBe(1);
      expect(card.quarters.map((q) => [q.visits, q.meetings])).toEqual([
        [1, 0],
        [0, 1],
        [1, 0],
        [0, 0],
      ]);
      expect(readFileSync(out, 'utf8')).toContain('走访 visits,2,2,/leader?chain=biomed');
      // A workbook's name for a file of JSON is refused, not written.
      const asXlsx = await scorecard('--year', '2025', '--out', join(work, 'card.xlsx'));
      expect(asXlsx.code).toBe(2);
      expect(asXlsx.stderr).toMatch(/card\.xlsx: this command writes \.csv or \.json files/);
    },
  );

  it('refuses an unknown chain (4) and a malformed year (2)', SPAWNING, async () => {
    const chain = await run([
      '--db',
      db,
      'scorecard',
      '--chain',
      'nope',
      '--region',
      '3202',
      '--year',
      '2025',
    ]);
    expect(chain.code).toBe(4);
    expect(chain.stderr).toContain('CHAIN_NOT_FOUND');
    const year = await scorecard('--year', 'next');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year');
  });
});
