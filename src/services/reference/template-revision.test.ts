import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { isAppError } from '../../domain/app-error.ts';
import type { ChainTemplate } from '../../domain/chain-template.ts';
import type { Database } from '../../db/connection.ts';
import { findChainByCode, listChainNodes } from '../../db/chain.repository.ts';
import { insertEnterprises } from '../../db/enterprise.repository.ts';
import { classification, park, target } from '../../db/schema.ts';
import { makeEnterprise } from '../../test-support/factories.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { biomedTemplate } from '../../test-support/template-revision.ts';
import { loadChainTemplate, parseChainTemplate } from './chain-templates.service.ts';

const ACTOR = { id: null, name: 'test' };
const CRO = 'biomed.up.cro';
const RESEARCH = 'biomed.up.research-services';

/** biomed.yaml with one node's code changed (and its flows), as a template of `version`. */
function renamed(version: number, revisions: ChainTemplate['revisions']): ChainTemplate {
  const text = YAML.stringify(biomedTemplate()).replaceAll(`${CRO}\n`, `${RESEARCH}\n`);
  return { ...(YAML.parse(text) as ChainTemplate), version, revisions };
}

const parse = (doc: ChainTemplate) => parseChainTemplate(YAML.stringify(doc), 'biomed.yaml');

describe('template revision: rename, and what a template may not declare', () => {
  let database: Database;
  let croId = 0;
  let enterpriseId = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await loadChainTemplate(db, parse(biomedTemplate()), ACTOR);
    const chain = await findChainByCode(db, 'biomed');
    croId = (await listChainNodes(db, chain?.id ?? 0)).find((n) => n.code === CRO)?.id ?? 0;
    [enterpriseId = 0] = await insertEnterprises(db, [
      makeEnterprise({ regionCode: '320214', name: '无锡测试研发服务有限公司' }),
    ]);
    await db.insert(classification).values({
      enterpriseId,
      nodeId: croId,
      regionCode: '320214',
      score: 0.9,
      decision: 'confirmed',
      isPrimary: true,
      method: 'manual',
    });
    await db.insert(target).values({
      chainId: chain?.id ?? 0,
      nodeId: croId,
      regionCode: '3202',
      metric: 'output',
      year: 2027,
      value: 5e9,
    });
    await db.insert(park).values({
      code: 'rev-park',
      name: '修订测试园区',
      regionCode: '320214',
      focusNodeCodes: [CRO, 'biomed.mid.chem'],
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('renames a node in place: its id, placements and targets stay; park focus codes follow', async () => {
    const doc = renamed(2, [{ from: 1, changes: [{ kind: 'rename', node: CRO, to: RESEARCH }] }]);
    const dry = await loadChainTemplate(database.db, parse(doc), ACTOR, { dryRun: true });
    expect(dry.problems).toEqual([]);
    expect(dry.changes[0]).toMatchObject({
      kind: 'rename',
      node: CRO,
      to: [RESEARCH],
      counts: { placement: 1, target: 1, park_focus: 1 },
    });
    const done = await loadChainTemplate(database.db, parse(doc), ACTOR);
    expect(done.applied).toBe(true);
    const chain = await findChainByCode(database.db, 'biomed');
    const nodes = await listChainNodes(database.db, chain?.id ?? 0);
    expect(nodes.find((n) => n.code === RESEARCH)?.id).toBe(croId);
    expect(nodes.some((n) => n.code === CRO)).toBe(false);
    const placements = await database.db
      .select()
      .from(classification)
      .where(eq(classification.enterpriseId, enterpriseId));
    expect(placements.map((p) => p.nodeId)).toEqual([croId]);
    expect((await database.db.select().from(target).where(eq(target.nodeId, croId))).length).toBe(
      1,
    );
    const [parkRow] = await database.db.select().from(park).where(eq(park.code, 'rev-park'));
    expect(parkRow?.focusNodeCodes.sort()).toEqual(['biomed.mid.chem', RESEARCH]);
  });

  it('refuses, naming node and field, a revision that keeps the node, points nowhere, or has a bad from or kind', () => {
    const refused = (doc: unknown): string => {
      try {
        parseChainTemplate(YAML.stringify(doc), 'bad.yaml');
      } catch (error) {
        expect(isAppError(error, 'TEMPLATE_INVALID')).toBe(true);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(
      refused({
        ...biomedTemplate(),
        version: 2,
        revisions: [{ from: 1, changes: [{ kind: 'retire', node: 'biomed.mid.chem' }] }],
      }),
    ).toContain('node biomed.mid.chem, field revisions.0.changes.0.node: is still in the template');
    expect(
      refused(
        renamed(3, [
          {
            from: 2,
            changes: [{ kind: 'merge', nodes: ['biomed.up.x'], into: 'biomed.up.nowhere' }],
          },
        ]),
      ),
    ).toContain('field revisions.0.changes.0.into: unknown node "biomed.up.nowhere"');
    expect(
      refused(renamed(2, [{ from: 2, changes: [{ kind: 'rename', node: CRO, to: RESEARCH }] }])),
    ).toContain("field revisions.0.from: must be below the template's version 2");
    expect(
      refused(
        renamed(2, [{ from: 1, changes: [{ kind: 'move', node: CRO, to: RESEARCH }] }] as never),
      ),
    ).toMatch(/field revisions\.0\.changes\.0\.kind: /);
  });
});
