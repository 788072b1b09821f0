import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../test-support/cli-runner.ts';

// Each run spawns the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 240_000 };
const work = mkdtempSync(join(tmpdir(), 'chainlead-boundaries-cli-'));
const db = join(work, 'db');

const square = (properties: Record<string, string>, lng: number, lat: number) => ({
  type: 'Feature',
  properties,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + 0.1, lat],
        [lng + 0.1, lat + 0.1],
        [lng, lat + 0.1],
        [lng, lat],
      ],
    ],
  },
});

describe('chainlead boundaries, as a user runs it', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code, init.stderr).toBe(0);
  }, 300_000);

  it(
    'stores a good file, lists what a bad one gets wrong, and shows what is stored',
    SPAWNING,
    async () => {
      const good = join(work, 'wuxi.geojson');
      writeFileSync(
        good,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            square({ code: '320205' }, 120.4, 31.6),
            square({ name: '惠山' }, 120.2, 31.6),
          ],
        }),
      );
      const stored = await run(['--db', db, 'boundaries', 'upload', good, '--region', '3202']);
      expect(stored.code, stored.stderr).toBe(0);
      expect(stored.stdout).toContain('无锡市（3202）: wuxi.geojson, 2 districts');

      const bad = join(work, 'bad.geojson');
      writeFileSync(
        bad,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [square({ name: '玄武区' }, 118, 32)],
        }),
      );
      const refused = await run(['--db', db, 'boundaries', 'upload', bad, '--region', '3202']);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/Feature 0 \(玄武区\): no district of 无锡市 is named 玄武区/);

      const shown = await run(['--db', db, 'boundaries', 'show', '--region', '3202']);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/drawn: {3}320205 锡山区, 320206 惠山区/);
    },
  );
});
