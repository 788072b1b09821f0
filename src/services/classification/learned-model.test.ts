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

  it('is the model the repository ships, trained without the held-out splits', () => {
    const model = learnedModelFor('biomed');
    expect(model?.trainedOn.some((s) => /train split/.test(s.set))).toBe(true);
    expect(model?.thresholds.member).toBeGreaterThan(model?.thresholds.uncertain ?? 1);
  });
});
