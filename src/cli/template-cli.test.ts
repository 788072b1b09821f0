import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { chain, chainNode, classification, target } from '../db/schema.ts';
import { openMigratedDatabase } from '../services/database.service.ts';
import type { TemplateLoadPlan } from '../shared/api/templates.ts';
import { run } from '../test-support/cli-runner.ts';
import {
  IMAGING,
  SPLIT_NODE,
  THERAPY,
  splitDeviceTemplate,
} from '../test-support/template-revision.ts';

// Each run spawns the real command; on a loaded two-core machine a run takes seconds.
const SPAWNING = { timeout: 300_000 };
const work = mkdtempSync(join(tmpdir(), 'chainlead-template-cli-'));
const db = join(work, 'db');
const revised = join(work, 'biomed-v2.yaml');

/** Placements and targets by node code, read from the database the CLI wrote. */
async function byNode(codes: string[]) {
  const database = await openMigratedDatabase({ db });
  try {
    const nodes = await database.db
      .select({ id: chainNode.id, code: chainNode.code })
      .from(chainNode)
      .innerJoin(chain, eq(chain.id, chainNode.chainId))
      .where(and(eq(chain.code, 'biomed'), inArray(chainNode.code, codes)));
    const ids = nodes.map((n) => n.id);
    const codeOf = (id: number) => nodes.find((n) => n.id === id)?.code;
    const placements = await database.db
      .select({ enterpriseId: classification.enterpriseId, nodeId: classification.nodeId })
      .from(classification)
      .where(inArray(classification.nodeId, ids.length > 0 ? ids : [-1]));
    const targets = await database.db
      .select({ nodeId: target.nodeId, value: target.value })
      .from(target)
      .where(inArray(target.nodeId, ids.length > 0 ? ids : [-1]));
    return {
      nodes: nodes.map((n) => n.code),
      placements: placements.map((p) => ({ enterpriseId: p.enterpriseId, node: codeOf(p.nodeId) })),
      targets: targets.map((t) => ({ node: codeOf(t.nodeId ?? 0), value: t.value })),
    };
  } finally {
    await database.close();
  }
}

describe('chainlead template load with a revision, as a user runs it', () => {
  beforeAll(async () => {
    const init = await run(['--db', db, 'init'], {
      env: { CHAINLEAD_ADMIN_PASSWORD: 'cli-admin-pw' },
    });
    expect(init.code, init.stderr).toBe(0);
    const demo = await run(['--db', db, 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
    writeFileSync(revised, YAML.stringify(splitDeviceTemplate()));
  }, 400_000);

  it(
    'splits a demo node after a dry run that listed its placements and targets',
    SPAWNING,
    async () => {
      const before = await byNode([SPLIT_NODE]);
      expect(before.placements.length).toBeGreaterThan(50);
      expect(before.targets).toHaveLength(1);

      const dry = await run(['--db', db, 'template', 'load', '--dry-run', revised]);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('version 1 → 2');
      expect(dry.stdout).toContain(
        `split ${SPLIT_NODE} → ${IMAGING}, ${THERAPY}: ${before.placements.length} placement, 1 target`,
      );
      expect(dry.stdout).toMatch(
        new RegExp(`    target \\d+ 3202 output \\d+: .* → ${IMAGING}, ${THERAPY}`),
      );
      expect(dry.stdout).toContain('Dry run: nothing was changed.');
      const json = await run(['--db', db, 'template', 'load', '--dry-run', '--json', revised]);
      const plan = JSON.parse(json.stdout) as TemplateLoadPlan;
      const listed = new Map(
        (plan.changes[0]?.references ?? [])
          .filter((r) => r.kind === 'placement')
          .map((r) => [r.id, r.to[0]]),
      );
      expect(listed.size).toBe(before.placements.length);
      expect(await byNode([SPLIT_NODE])).toEqual(before);

      const load = await run(['--db', db, 'template', 'load', revised]);
      expect(load.code, load.stderr).toBe(0);
      expect(load.stdout).toContain('Chain "biomed" saved from');
      const after = await byNode([SPLIT_NODE, IMAGING, THERAPY]);
      expect(after.nodes.sort()).toEqual([IMAGING, THERAPY]);
      expect(new Map(after.placements.map((p) => [p.enterpriseId, p.node]))).toEqual(listed);
      const value = before.targets[0]?.value ?? 0;
      expect(after.targets.find((t) => t.node === IMAGING)?.value).toBeCloseTo(value * 0.4, 0);
      expect(after.targets.find((t) => t.node === THERAPY)?.value).toBeCloseTo(value * 0.6, 0);

      const again = await run(['--db', db, 'template', 'load', revised]);
      expect(again.stdout).toContain('is already up to date');
    },
  );

  it(
    'refuses, naming node and field, a template that drops a node without a mapping',
    SPAWNING,
    async () => {
      const doc = splitDeviceTemplate();
      doc.version = 3;
      delete doc.revisions;
      const stage = doc.stages.find((s) => s.nodes.some((n) => n.code === IMAGING));
      if (!stage) throw new Error('fixture changed');
      stage.nodes = stage.nodes.filter((n) => n.code !== IMAGING);
      doc.flows = doc.flows.filter((f) => f.from !== IMAGING && f.to !== IMAGING);
      const file = join(work, 'biomed-v3.yaml');
      writeFileSync(file, YAML.stringify(doc));
      const refused = await run(['--db', db, 'template', 'load', file]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(
        `node ${IMAGING}, field revisions: is removed from the template; declare a revision from version 2`,
      );
      expect((await byNode([IMAGING])).nodes).toEqual([IMAGING]);
    },
  );
});
