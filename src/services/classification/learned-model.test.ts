import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChainClassifier } from '../../domain/classification.ts';
import { DEFAULT_TEMPLATES_DIR, readChainTemplate } from '../reference/chain-templates.service.ts';
import { learnedModelFor } from './learned-models.ts';

// A smoke test of the shipped model on segment names as annual reports list them, not a measure
// of accuracy (that is real-evaluation.test.ts, on held-out real records).
const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml'));
const classifier = new ChainClassifier(
  template.stages.flatMap((stage) => stage.nodes),
  learnedModelFor('biomed'),
);
const primaryOf = (products: string[]) => {
  const found = classifier.classify({ name: '某某股份有限公司', products }).find((r) => r.primary);
  return found ? `${found.nodeCode} ${found.decision}` : 'none';
};

describe('the shipped biomedical model on product lines', () => {
  it('places segment names on the node they name', () => {
    expect(primaryOf(['片剂', '胶囊剂', '注射剂', '原料药'])).toBe('biomed.mid.chem confirmed');
    expect(primaryOf(['中成药', '中药饮片'])).toBe('biomed.mid.tcm confirmed');
    expect(primaryOf(['血液制品'])).toBe('biomed.mid.blood confirmed');
    expect(primaryOf(['医药批发', '医药零售'])).toBe('biomed.down.distribution confirmed');
    expect(primaryOf(['体外诊断试剂', '诊断仪器'])).toBe('biomed.mid.ivd confirmed');
    expect(primaryOf(['医疗器械'])).toBe('biomed.mid.device confirmed');
  });

  it('never confirms look-alikes: pesticides, cosmetics, food additives', () => {
    for (const products of [['农药原药', '农药制剂'], ['化妆品'], ['食品添加剂', '香精香料']]) {
      expect(primaryOf(products), products.join('；')).not.toMatch(/confirmed/);
    }
  });

  // A behaviour check, not an accuracy measure: segment lists written the way annual reports list
  // a listed company's main product lines. Each line that argues for a node on its own (the rules
  // and the model agreeing) makes the node a member; the firm is placed at its most downstream
  // product (formulations over the APIs they are made from).
  it('reads each of several product lines, and places a firm at its most downstream product', () => {
    const nodesOf = (products: string[]) =>
      classifier
        .classify({ name: '某某股份有限公司', products })
        .filter((r) => r.decision === 'confirmed')
        .map((r) => `${r.nodeCode.replace('biomed.', '')}${r.primary ? '*' : ''}`)
        .join(' ');
    expect(nodesOf(['化学制剂', '原料药'])).toBe('mid.chem* up.api');
    expect(nodesOf(['抗生素原料药', '头孢类制剂'])).toBe('mid.chem* up.api');
    expect(nodesOf(['片剂', '胶囊剂', '注射剂', '原料药'])).toBe('mid.chem* up.api');
    expect(nodesOf(['CRO', 'CDMO'])).toBe('mid.cdmo* up.cro');
    expect(nodesOf(['医药批发', '医药零售'])).toBe('down.distribution* down.retail');
    // A firm listing TCM and chemical drugs makes both: 中成药 (an exclusion on chemical drugs
    // because it is TCM's keyword) does not count against the 化学制剂 line.
    expect(nodesOf(['化学制剂', '中成药', '原料药'])).toMatch(/mid\.chem/);
    // Only the lines that argue for a node add it: one segment's several lines give one node.
    expect(nodesOf(['中成药', '中药饮片'])).toBe('mid.tcm*');
    // Human and veterinary vaccines are two nodes; the vet line does not make a human vaccine.
    expect(nodesOf(['人用疫苗', '兽用疫苗'])).toBe('mid.vaccine* mid.vet');
    // Pesticide makers' lines (原药；制剂) are not drugs: nothing is confirmed.
    for (const products of [
      ['原药', '制剂'],
      ['农药原药', '农药制剂'],
      ['除草剂', '杀虫剂', '杀菌剂'],
    ]) {
      expect(nodesOf(products), products.join('；')).toBe('');
    }
    // Evidence says which line carried a node that the firm as a whole did not.
    const api = classifier
      .classify({ name: '某某股份有限公司', products: ['片剂', '原料药'] })
      .find((r) => r.nodeCode === 'biomed.up.api');
    expect(
      api?.evidence.some((e) => e.rule === 'model.product_line' && e.keyword === '原料药'),
    ).toBe(true);
  });

  it('is the model the repository ships, trained without the held-out splits', () => {
    const model = learnedModelFor('biomed');
    expect(model?.trainedOn.some((s) => /train split/.test(s.set))).toBe(true);
    expect(model?.thresholds.member).toBeGreaterThan(model?.thresholds.uncertain ?? 1);
  });
});
