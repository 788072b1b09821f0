import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ChainTemplate } from '../domain/chain-template.ts';
import type { Database } from '../db/connection.ts';
import { auditLog, chain, chainNode, classification, problem, target } from '../db/schema.ts';
import { classifyEnterprises } from '../services/classification/classification.service.ts';
import { loadDemo } from '../services/demo/demo.service.ts';
import type { ErrorResponse } from '../shared/api/common.ts';
import type { TemplateLoadPlan } from '../shared/api/templates.ts';
import { signInNewUser, startTestApp } from '../test-support/api-app.ts';
import type { ApiClient } from '../test-support/api-client.ts';
import {
  IMAGING,
  SPLIT_NODE,
  THERAPY,
  biomedTemplate,
  splitDeviceTemplate,
} from '../test-support/template-revision.ts';
import type { App } from './app.ts';

function form(doc: unknown, name = 'biomed-v2.yaml'): FormData {
  const body = new FormData();
  body.set('file', new File([YAML.stringify(doc)], name));
  return body;
}

describe('template revision through the API (demo database)', () => {
  let database: Database;
  let app: App;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ database, app, admin } = await startTestApp(async (db) => {
      await loadDemo(db.db, { id: null, name: 'test' });
      // As `chainlead demo` does: the demo's firms are placed by the classifier.
      await classifyEnterprises(db.db, { chainCode: 'biomed' });
    }));
  }, 300_000);
  afterAll(async () => {
    await database.close();
  });

  async function nodeId(code: string): Promise<number | undefined> {
    const [row] = await database.db
      .select({ id: chainNode.id })
      .from(chainNode)
      .innerJoin(chain, eq(chain.id, chainNode.chainId))
      .where(and(eq(chain.code, 'biomed'), eq(chainNode.code, code)));
    return row?.id;
  }

  async function placementsOn(id: number) {
    return database.db
      .select({ enterpriseId: classification.enterpriseId })
      .from(classification)
      .where(eq(classification.nodeId, id));
  }

  it('is for admins: an analyst (who may write chains) is refused with 403', async () => {
    const analyst = await signInNewUser(app, admin, 'tpl-analyst', 'analyst');
    const response = await analyst.request(
      'POST',
      '/api/chains/templates?dryRun=true',
      form(splitDeviceTemplate()),
    );
    expect(response.status).toBe(403);
  });

  it('answers the CLI messages for an invalid file: file, node and field', async () => {
    const doc = splitDeviceTemplate() as unknown as { stages: { nodes: object[] }[] };
    delete (doc.stages[1]?.nodes[0] as Record<string, unknown>).name;
    const refused = await admin.json<ErrorResponse>('POST', '/api/chains/templates', form(doc));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('TEMPLATE_INVALID');
    expect(refused.body.error.message).toMatch(
      /^biomed-v2\.yaml: the chain template is invalid:\n {2}node biomed\.mid\.chem, field name: /,
    );
    const bad = splitDeviceTemplate();
    const split = bad.revisions?.[0]?.changes[0];
    if (split?.kind !== 'split') throw new Error('fixture changed');
    split.default = 'biomed.mid.chem';
    const badDefault = await admin.json<ErrorResponse>('POST', '/api/chains/templates', form(bad));
    expect(badDefault.body.error.message).toContain(
      `node ${SPLIT_NODE}, field revisions.0.changes.0.default: must be one of the split's nodes`,
    );
  });

  it('refuses a load that removes a node without a mapping, or retires one that is referenced', async () => {
    const unmapped = splitDeviceTemplate();
    delete unmapped.revisions;
    const refused = await admin.json<ErrorResponse>(
      'POST',
      '/api/chains/templates',
      form(unmapped),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(
      `node ${SPLIT_NODE}, field revisions: is removed from the template; declare a revision from version 1`,
    );
    const retired: ChainTemplate = {
      ...splitDeviceTemplate(),
      revisions: [{ from: 1, changes: [{ kind: 'retire', node: SPLIT_NODE }] }],
    };
    const dry = await admin.json<TemplateLoadPlan>(
      'POST',
      '/api/chains/templates?dryRun=true',
      form(retired),
    );
    expect(dry.status).toBe(200);
    const [problem] = dry.body.problems;
    expect(problem).toMatchObject({ node: SPLIT_NODE, field: 'revisions.0.changes.0.moveTo' });
    expect(problem?.message).toMatch(/^retiring it would orphan \d+ placements, 1 target, /);
    const orphaning = await admin.json<ErrorResponse>(
      'POST',
      '/api/chains/templates',
      form(retired),
    );
    expect(orphaning.status).toBe(400);
    expect(orphaning.body.error.message).toContain(
      `node ${SPLIT_NODE}, field revisions.0.changes.0.moveTo: retiring it would orphan`,
    );
    expect(await nodeId(SPLIT_NODE)).toBeDefined();
  });

  it('splits a demo node: the dry run lists its placements and targets, the load moves them so', async () => {
    const deviceId = (await nodeId(SPLIT_NODE)) ?? 0;
    const before = await placementsOn(deviceId);
    expect(before.length).toBeGreaterThan(50);
    const [deviceTarget] = await database.db
      .select()
      .from(target)
      .where(eq(target.nodeId, deviceId));
    if (!deviceTarget) throw new Error('the demo has no medical-equipment target');
    const audits = (await database.db.select().from(auditLog)).length;

    const dry = await admin.json<TemplateLoadPlan>(
      'POST',
      '/api/chains/templates?dryRun=true',
      form(splitDeviceTemplate()),
    );
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({
      chain: 'biomed',
      action: 'update',
      fromVersion: 1,
      toVersion: 2,
      addedNodes: [IMAGING, THERAPY],
      removedNodes: [SPLIT_NODE],
      problems: [],
      applied: false,
    });
    const [change] = dry.body.changes;
    expect(change).toMatchObject({ kind: 'split', node: SPLIT_NODE, to: [IMAGING, THERAPY] });
    const listed = change?.references.filter((r) => r.kind === 'placement') ?? [];
    expect(listed.map((r) => r.id).sort()).toEqual(before.map((p) => p.enterpriseId).sort());
    const toImaging = listed.filter((r) => r.to[0] === IMAGING).map((r) => r.id);
    const toTherapy = listed.filter((r) => r.to[0] === THERAPY).map((r) => r.id);
    expect(toImaging.length).toBeGreaterThan(0);
    expect(toTherapy.length).toBeGreaterThan(0);
    expect(change?.references.filter((r) => r.kind === 'target')).toEqual([
      expect.objectContaining({ id: deviceTarget.id, to: [IMAGING, THERAPY] }),
    ]);
    expect(change?.counts.placement).toBe(before.length);
    // A dry run changes nothing.
    expect(await nodeId(SPLIT_NODE)).toBe(deviceId);
    expect((await database.db.select().from(auditLog)).length).toBe(audits);

    const loaded = await admin.json<TemplateLoadPlan>(
      'POST',
      '/api/chains/templates',
      form(splitDeviceTemplate()),
    );
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body.applied).toBe(true);
    expect(await nodeId(SPLIT_NODE)).toBeUndefined();
    const imagingId = (await nodeId(IMAGING)) ?? 0;
    const therapyId = (await nodeId(THERAPY)) ?? 0;
    expect((await placementsOn(imagingId)).map((p) => p.enterpriseId).sort()).toEqual(
      toImaging.sort(),
    );
    expect((await placementsOn(therapyId)).map((p) => p.enterpriseId).sort()).toEqual(
      toTherapy.sort(),
    );
    // Problems and projects of a firm on the node follow the firm's new placement.
    const followers = (change?.references ?? []).filter(
      (r) => r.kind === 'problem' && r.detail === "follows its enterprise's placement",
    );
    expect(followers.length).toBeGreaterThan(0);
    const codeOf = new Map([
      [imagingId, IMAGING],
      [therapyId, THERAPY],
    ]);
    const problemRows = await database.db
      .select({ id: problem.id, nodeId: problem.nodeId })
      .from(problem)
      .where(
        inArray(
          problem.id,
          followers.map((r) => r.id),
        ),
      );
    for (const row of problemRows) {
      expect(codeOf.get(row.nodeId ?? 0)).toBe(followers.find((r) => r.id === row.id)?.to[0]);
    }
    const targets = await database.db
      .select()
      .from(target)
      .where(inArray(target.nodeId, [imagingId, therapyId]));
    const valueOn = (id: number) => targets.find((t) => t.nodeId === id)?.value;
    expect(valueOn(imagingId)).toBeCloseTo(deviceTarget.value * 0.4, 0);
    expect(valueOn(therapyId)).toBeCloseTo(deviceTarget.value * 0.6, 0);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'chain.template.update'));
    expect(audit?.after).toMatchObject({
      version: 2,
      revision: { from: 1, changes: [{ kind: 'split', node: SPLIT_NODE }] },
    });

    // Merging the parts back (version 3) brings every placement and the whole target home.
    const back: ChainTemplate = {
      ...biomedTemplate(),
      version: 3,
      revisions: [
        { from: 2, changes: [{ kind: 'merge', nodes: [IMAGING, THERAPY], into: SPLIT_NODE }] },
      ],
    };
    const home = await admin.json<TemplateLoadPlan>('POST', '/api/chains/templates', form(back));
    expect(home.status, JSON.stringify(home.body)).toBe(200);
    const newDeviceId = (await nodeId(SPLIT_NODE)) ?? 0;
    expect((await placementsOn(newDeviceId)).length).toBe(before.length);
    const [homeTarget] = await database.db
      .select()
      .from(target)
      .where(eq(target.nodeId, newDeviceId));
    expect(homeTarget?.value).toBeCloseTo(deviceTarget.value, 0);
  }, 120_000);
});
