import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChainClassifier, type ClassifiableEnterprise } from '../../domain/classification.ts';
import { run } from '../../test-support/cli-runner.ts';
import { sharedDataFile } from '../../test-support/shared-data.ts';
import { DEFAULT_TEMPLATES_DIR, readChainTemplate } from './chain-templates.service.ts';

// The node codes of templates/nev.yaml and templates/equipment.yaml: a public contract.
const NODE_CODES: Record<string, string[]> = {
  nev: [
    'nev.up.lithium',
    'nev.up.cathode',
    'nev.up.anode',
    'nev.up.electrolyte',
    'nev.up.separator',
    'nev.up.foil',
    'nev.mid.battery',
    'nev.mid.bms',
    'nev.mid.fuelcell',
    'nev.mid.motor',
    'nev.mid.control',
    'nev.mid.thermal',
    'nev.mid.chassis',
    'nev.mid.smart',
    'nev.down.vehicle',
    'nev.down.charging',
    'nev.down.service',
    'nev.down.recycling',
  ],
  equipment: [
    'equipment.up.bearing',
    'equipment.up.hydraulic',
    'equipment.up.transmission',
    'equipment.up.control',
    'equipment.up.functional',
    'equipment.mid.machinetool',
    'equipment.mid.robot',
    'equipment.mid.additive',
    'equipment.mid.construction',
    'equipment.mid.process',
    'equipment.mid.energy',
    'equipment.mid.aerospace',
    'equipment.mid.rail',
    'equipment.mid.marine',
    'equipment.down.integration',
    'equipment.down.service',
  ],
};

const gbt = sharedDataFile('gbt4754/gbt4754_2017.csv');
const classNames = new Map(
  gbt
    ? readFileSync(gbt, 'utf8')
        .split('\n')
        .map((line) => line.split(','))
        .filter((cells) => cells[1] === 'class')
        .map((cells) => [cells[0] ?? '', cells[2] ?? ''])
    : [],
);

describe.each(Object.keys(NODE_CODES))('the %s template', (code) => {
  const file = join(DEFAULT_TEMPLATES_DIR, `${code}.yaml`);
  const { template } = readChainTemplate(file);
  const nodes = template.stages.flatMap((stage) => stage.nodes);

  it('has three stages and its stable node codes', () => {
    expect(template.code).toBe(code);
    expect(template.stages.map((s) => s.code)).toEqual([
      `${code}.up`,
      `${code}.mid`,
      `${code}.down`,
    ]);
    expect(nodes.map((n) => n.code)).toEqual(NODE_CODES[code]);
  });

  it('gives every node bilingual names, keywords in both languages and exclusions', () => {
    for (const node of nodes) {
      expect(node.name.zh, node.code).toMatch(/\p{Script=Han}/u);
      expect(node.name.en, node.code).toMatch(/[A-Za-z]/);
      expect(node.rules.scope.zh.length, node.code).toBeGreaterThan(3);
      expect(node.rules.scope.en.length, node.code).toBeGreaterThan(3);
      expect(node.rules.products.zh.length, node.code).toBeGreaterThan(3);
      expect(node.rules.products.en.length, node.code).toBeGreaterThan(2);
      expect(node.rules.names.zh.length, node.code).toBeGreaterThan(0);
      expect(node.rules.exclusions.zh.length, node.code).toBeGreaterThan(2);
      expect(node.rules.industryCodes.length, node.code).toBeGreaterThan(0);
    }
    expect(nodes.filter((n) => n.focus).length).toBeGreaterThan(0);
  });

  it('never gives one positive keyword to two nodes', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const node of nodes) {
      const { scope, products, names } = node.rules;
      const own = new Set(
        [scope, products, names]
          .flatMap((k) => [...k.zh, ...k.en])
          .map((k) => k.normalize('NFKC').toLowerCase()),
      );
      for (const keyword of own) {
        const first = owner.get(keyword);
        if (first) clashes.push(`${keyword}: ${first} and ${node.code}`);
        else owner.set(keyword, node.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('connects every node by a flow', () => {
    const linked = new Set(template.flows.flatMap((f) => [f.from, f.to]));
    expect(nodes.map((n) => n.code).filter((c) => !linked.has(c))).toEqual([]);
  });

  it.skipIf(!gbt)('names each GB/T 4754-2017 class by its official name in a comment', () => {
    const text = readFileSync(file, 'utf8');
    const problems: string[] = [];
    for (const node of nodes) {
      for (const rule of node.rules.industryCodes) {
        const official = classNames.get(rule.code);
        if (!official) {
          problems.push(`${node.code}: ${rule.code} is not a class`);
          continue;
        }
        const commented = new RegExp(`'${rule.code}'.*# ${official}`).test(text);
        if (!commented) problems.push(`${node.code}: ${rule.code} lacks "# ${official}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('passes `chainlead template check`', { timeout: 30_000 }, async () => {
    const result = await run(['template', 'check', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`valid chain "${code}".*3 stages, ${NODE_CODES[code]?.length} nodes`),
    );
  });
});

/** Where the rules alone put a firm: its confirmed nodes, primary first. */
function placed(code: string, firm: ClassifiableEnterprise): string[] {
  const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, `${code}.yaml`));
  const classifier = new ChainClassifier(template.stages.flatMap((s) => s.nodes));
  return classifier
    .classify(firm)
    .filter((r) => r.decision === 'confirmed')
    .map((r) => r.nodeCode);
}

// Illustrations of the keyword rules (invented firms, not an evaluation: see docs/classification.md).
describe('look-alikes stay off the chains', () => {
  it('places NEV makers and keeps lead-acid, e-bike and fuel-car look-alikes off', () => {
    expect(
      placed('nev', {
        name: '某动力电池有限公司',
        products: ['磷酸铁锂电芯', '储能电芯'],
        industryCode: '3841',
      }),
    ).toEqual(['nev.mid.battery']);
    expect(
      placed('nev', {
        name: '某汽车销售服务有限公司',
        businessScope: '新能源汽车整车销售；汽车零配件零售',
        industryCode: '5261',
      }),
    ).toEqual(['nev.down.service']);
    expect(
      placed('nev', {
        name: '某蓄电池有限公司',
        businessScope: '铅酸蓄电池、电池制造',
        industryCode: '3843',
      }),
    ).toEqual([]);
    expect(
      placed('nev', {
        name: '某车业有限公司',
        businessScope: '电动自行车、电动三轮车制造',
        industryCode: '3770',
      }),
    ).toEqual([]);
    expect(
      placed('nev', {
        name: '某汽车销售有限公司',
        businessScope: '汽车销售；燃油车维修',
        industryCode: '5261',
      }),
    ).toEqual([]);
  });

  it('places equipment makers and keeps hardware, consumer robots and airlines off', () => {
    expect(
      placed('equipment', {
        name: '某机床有限公司',
        products: ['立式加工中心'],
        industryCode: '3421',
      }),
    ).toEqual(['equipment.mid.machinetool']);
    expect(
      placed('equipment', {
        name: '某五金有限公司',
        businessScope: '五金工具、手工具、厨房刀具制造',
        industryCode: '3321',
      }),
    ).toEqual([]);
    expect(
      placed('equipment', {
        name: '某智能科技有限公司',
        businessScope: '扫地机器人研发销售',
        industryCode: '3964',
      }),
    ).toEqual([]);
    expect(
      placed('equipment', { name: '某航空服务有限公司', businessScope: '航空货运代理；机票代理' }),
    ).toEqual([]);
  });
});
