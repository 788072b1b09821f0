import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChainMasterNetwork, ChainMasters, EnterpriseLinkView } from '../shared/api/links.ts';
import { run } from '../test-support/cli-runner.ts';

// Each run spawns the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 300_000 };
const work = mkdtempSync(join(tmpdir(), 'chainlead-link-cli-'));
const db = join(work, 'db');
const link = (...words: string[]) => run(['--db', db, 'link', ...words]);

describe('chainlead link, as a user runs it on the demo', () => {
  let masters: ChainMasters;

  beforeAll(async () => {
    const demo = await run(['--db', db, 'demo'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(demo.code, demo.stderr).toBe(0);
    const listed = await link('masters', '--region', '3202', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    masters = JSON.parse(listed.stdout) as ChainMasters;
  }, 600_000);

  it(
    'lists the chain masters with their local supporting rates, and one master’s network',
    SPAWNING,
    async () => {
      expect(masters.items.length).toBeGreaterThan(0);
      const master = masters.items.find((m) => m.rate.total > 0);
      if (!master) throw new Error('no chain master with links');
      const shown = await link('master', String(master.id), '--region', '3202', '--json');
      expect(shown.code, shown.stderr).toBe(0);
      const network = JSON.parse(shown.stdout) as ChainMasterNetwork;
      const suppliers = network.partners.filter((p) => p.role === 'supplier');
      expect(suppliers.filter((p) => p.local).length / suppliers.length).toBeCloseTo(
        master.rate.byCount ?? -1,
        10,
      );
      const table = await link('masters', '--region', '3202');
      expect(table.stdout).toContain('链主平均本地配套率');
    },
  );

  it('adds a link, refuses a bad one naming the field, and lists it', SPAWNING, async () => {
    const [a, b] = masters.items;
    const bad = await link(
      'add',
      '--kind',
      'supplies',
      '--from',
      `${b?.id}`,
      '--to',
      `${a?.id}`,
      '--share',
      '150',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--share must be at most 100');
    // Options are checked by the API's schema, and refused naming the option typed, in words.
    const tooMany = await link('list', '--limit', '5000');
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--limit must be at most 500 (given "5000")');
    const badKind = await link('add', '--kind', 'sells', '--from', `${b?.id}`, '--to', `${a?.id}`);
    expect(badKind.stderr).toContain(
      '--kind must be one of supplies, serves, owns, cooperates (given "sells")',
    );
    const self = await link('add', '--kind', 'supplies', '--from', `${a?.id}`, '--to', `${a?.id}`);
    expect(self.code).not.toBe(0);
    expect(self.stderr).toContain('--to: a link joins two different enterprises');
    const added = await link(
      'add',
      '--kind',
      'cooperates',
      '--from',
      `${b?.id}`,
      '--to',
      `${a?.id}`,
      '--product',
      '联合研发',
      '--amount-wan',
      '50',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    const created = JSON.parse(added.stdout) as EnterpriseLinkView;
    expect(created).toMatchObject({ kind: 'cooperates', amountYuan: 500_000, source: 'office' });
    const listed = await link('list', '--enterprise', `${a?.id}`, '--kind', 'cooperates', '--json');
    const page = JSON.parse(listed.stdout) as { items: EnterpriseLinkView[] };
    expect(page.items.map((l) => l.id)).toContain(created.id);
  });

  it(
    'refuses a bad file, writing every bad row to --errors and nothing to the database',
    SPAWNING,
    async () => {
      const [a, b] = masters.items;
      const file = join(work, 'links.csv');
      writeFileSync(
        file,
        [
          'kind,from,to,share_percent',
          `供货,${b?.id},${a?.id},10`,
          `供货,${a?.id},${a?.id},`,
          `卖,${b?.id},${a?.id},`,
          // Everything wrong with a row, in one run: an unknown kind and a share past 100.
          `买卖,${b?.id},${a?.id},150`,
        ].join('\n'),
      );
      const errors = join(work, 'errors.csv');
      const refused = await link('import', file, '--errors', errors, '--json');
      expect(refused.code).toBe(2);
      const report = readFileSync(errors, 'utf8');
      expect(report).toContain(`links.csv,3,to,${a?.id},a link joins two different enterprises`);
      expect(report).toContain('links.csv,4,kind');
      expect(report).toContain('links.csv,5,kind');
      expect(report).toContain(
        'links.csv,5,share_percent,150,"150 is outside 0–100 (a share of the buyer\'s purchases',
      );
      // Said in the file's words, not the API's.
      expect(report).not.toMatch(/toId|sharePercent|\/api\//);
      // --json: the refused rows on stdout for a script, each once; a one-line summary on stderr.
      const printed = JSON.parse(refused.stdout) as { file: string; errors: { row: number }[] };
      expect(printed.errors.map((e) => e.row)).toEqual([3, 4, 5, 5]);
      expect(refused.stderr).toMatch(
        /4 errors in links\.csv, so nothing was imported \(listed above and in /,
      );
      expect(refused.stderr.match(/row 3/g)).toBeNull();
      const before = JSON.parse(
        (await link('list', '--enterprise', `${a?.id}`, '--json')).stdout,
      ) as {
        total: number;
      };
      writeFileSync(file, ['kind,from,to,share_percent', `供货,${b?.id},${a?.id},10`].join('\n'));
      const imported = await link('import', file, '--json');
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toEqual({
        dryRun: false,
        rows: 1,
        imported: 1,
        unchanged: 0,
      });
      const after = JSON.parse(
        (await link('list', '--enterprise', `${a?.id}`, '--json')).stdout,
      ) as {
        total: number;
      };
      expect(after.total).toBe(before.total + 1);
    },
  );
});
