import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { isAppError } from '../../domain/app-error.ts';
import type { ChainTemplate } from '../../domain/chain-template.ts';
import type { Database } from '../../db/connection.ts';
import { listChainFlows, listChainNodes, findChainByCode } from '../../db/chain.repository.ts';
import { createTestDatabase } from '../../test-support/test-database.ts';
import { sharedDataFile } from '../../test-support/shared-data.ts';
import {
  DEFAULT_TEMPLATES_DIR,
  readChainTemplate,
  saveChainTemplates,
} from './chain-templates.service.ts';

const BIOMED_FILE = join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml');

// The node codes of templates/biomed.yaml: a public contract that must not change.
const DESIGN_NODE_CODES = [
  'biomed.up.api',
  'biomed.up.excipient',
  'biomed.up.reagent',
  'biomed.up.equipment',
  'biomed.up.cro',
  'biomed.mid.chem',
  'biomed.mid.tcm',
  'biomed.mid.bio',
  'biomed.mid.vaccine',
  'biomed.mid.blood',
  'biomed.mid.cdmo',
  'biomed.mid.device',
  'biomed.mid.consumable',
  'biomed.mid.ivd',
  'biomed.mid.healthfood',
  'biomed.mid.vet',
  'biomed.down.distribution',
  'biomed.down.retail',
  'biomed.down.medical',
  'biomed.down.diagnostics',
  'biomed.down.precision',
  'biomed.down.digital',
];

function expectTemplateError(file: string, pattern: RegExp): void {
  try {
    readChainTemplate(file);
  } catch (error) {
    expect(isAppError(error, 'TEMPLATE_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(pattern);
    return;
  }
  throw new Error(`expected ${file} to be refused`);
}

describe('the biomedical template', () => {
  const { template } = readChainTemplate(BIOMED_FILE);
  const nodes = template.stages.flatMap((stage) => stage.nodes);

  it('has the three stages and the 22 node codes of the biomedical template', () => {
    expect(template.stages.map((s) => s.code)).toEqual(['biomed.up', 'biomed.mid', 'biomed.down']);
    expect(nodes.map((n) => n.code).sort()).toEqual([...DESIGN_NODE_CODES].sort());
  });

  it('gives every node bilingual names and keywords in both languages', () => {
    for (const node of nodes) {
      expect(node.name.zh, node.code).toMatch(/\p{Script=Han}/u);
      expect(node.name.en, node.code).toMatch(/[A-Za-z]/);
      expect(node.rules.scope.zh.length, node.code).toBeGreaterThan(3);
      expect(node.rules.scope.en.length, node.code).toBeGreaterThan(1);
      expect(node.rules.products.zh.length, node.code).toBeGreaterThan(3);
    }
  });

  it('marks the three focus industries', () => {
    expect(
      nodes
        .filter((n) => n.focus)
        .map((n) => n.code)
        .sort(),
    ).toEqual(['biomed.down.digital', 'biomed.down.precision', 'biomed.mid.device']);
  });

  it('has the supply flows the chain office expects', () => {
    const flows = new Set(template.flows.map((f) => `${f.from}>${f.to}`));
    for (const expected of [
      'biomed.up.api>biomed.mid.chem',
      'biomed.up.reagent>biomed.mid.bio',
      'biomed.up.cro>biomed.mid.chem',
      'biomed.up.cro>biomed.mid.bio',
      'biomed.mid.device>biomed.down.medical',
      'biomed.down.distribution>biomed.down.retail',
      'biomed.down.distribution>biomed.down.medical',
    ]) {
      expect(flows.has(expected), expected).toBe(true);
    }
  });

  const gbt = sharedDataFile('gbt4754/gbt4754_2017.csv');
  it.skipIf(!gbt)('uses only GB/T 4754-2017 class codes that exist in the standard', () => {
    const classes = new Set(
      readFileSync(gbt ?? '', 'utf8')
        .split('\n')
        .map((line) => line.split(','))
        .filter((cells) => cells[1] === 'class')
        .map((cells) => cells[0]),
    );
    expect(classes.size).toBeGreaterThan(1300);
    for (const node of nodes) {
      for (const rule of node.rules.industryCodes) {
        expect(classes.has(rule.code), `${node.code}: ${rule.code}`).toBe(true);
      }
    }
  });
});

describe('template errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chainlead-template-'));
  const original = YAML.parse(readFileSync(BIOMED_FILE, 'utf8')) as ChainTemplate;

  function writeVariant(name: string, change: (doc: ChainTemplate) => void): string {
    const doc = structuredClone(original);
    change(doc);
    const file = join(dir, name);
    writeFileSync(file, YAML.stringify(doc));
    return file;
  }

  it('names the file, the node and the field of a missing field', () => {
    const file = writeVariant('missing-field.yaml', (doc) => {
      const node = doc.stages[0]?.nodes[2] as unknown as Record<string, unknown>;
      delete node.name;
    });
    expectTemplateError(file, /missing-field\.yaml.*\n.*node biomed\.up\.reagent, field name: /);
  });

  it('refuses a flow to a node that does not exist', () => {
    const file = writeVariant('bad-flow.yaml', (doc) => {
      doc.flows.push({ from: 'biomed.up.api', to: 'biomed.mid.nothing' });
    });
    expectTemplateError(file, /unknown node "biomed\.mid\.nothing"/);
  });

  it('refuses a node code outside its stage and a non-class industry code', () => {
    const stray = writeVariant('stray-node.yaml', (doc) => {
      const node = doc.stages[1]?.nodes[0];
      if (!node) throw new Error('template changed shape');
      node.code = 'biomed.up.stray';
    });
    expectTemplateError(
      stray,
      /node biomed\.up\.stray, field code: must start with "biomed\.mid\."/,
    );
    const badCode = writeVariant('bad-code.yaml', (doc) => {
      const node = doc.stages[1]?.nodes[0];
      if (!node) throw new Error('template changed shape');
      node.rules.industryCodes = ['27' as never];
    });
    expectTemplateError(
      badCode,
      /node biomed\.mid\.chem, field rules\.industryCodes\.0\.code: must be a 4-digit GB\/T 4754 class/,
    );
  });

  it('refuses text that is not YAML', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'code: [unclosed');
    expectTemplateError(file, /broken\.yaml: not valid YAML/);
  });
});

describe('saving templates', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('writes the chain once, keeps node ids on update, and skips unchanged content', async () => {
    const loaded = readChainTemplate(BIOMED_FILE);
    const system = { id: null, name: 'test' };
    expect(await saveChainTemplates(database.db, [loaded], system)).toEqual(['biomed']);
    const chainRow = await findChainByCode(database.db, 'biomed');
    if (!chainRow) throw new Error('chain not saved');
    const nodesBefore = await listChainNodes(database.db, chainRow.id);
    expect(nodesBefore.filter((n) => n.level === 'segment')).toHaveLength(22);
    expect((await listChainFlows(database.db, chainRow.id)).length).toBe(
      loaded.template.flows.length,
    );

    expect(await saveChainTemplates(database.db, [loaded], system)).toEqual([]);

    const renamed = structuredClone(loaded);
    const firstNode = renamed.template.stages[0]?.nodes[0];
    if (!firstNode) throw new Error('template changed shape');
    firstNode.name.en = 'Active pharmaceutical ingredients';
    renamed.hash = 'changed';
    expect(await saveChainTemplates(database.db, [renamed], system)).toEqual(['biomed']);
    const nodesAfter = await listChainNodes(database.db, chainRow.id);
    const idOf = (rows: typeof nodesBefore, code: string) => rows.find((n) => n.code === code)?.id;
    expect(idOf(nodesAfter, 'biomed.up.api')).toBe(idOf(nodesBefore, 'biomed.up.api'));
    expect(nodesAfter.find((n) => n.code === 'biomed.up.api')?.nameEn).toBe(
      'Active pharmaceutical ingredients',
    );
  });
});
