import { describe, expect, it } from 'vitest';
import {
  compareProposals,
  distanceOf,
  matchTerms,
  needTerms,
  scoreSupplier,
  type NeedFacts,
} from './matchmaking-score.ts';

const need: NeedFacts = {
  regionCode: '320214',
  nodeId: 7,
  flowNodeIds: new Set([9]),
  buyerNodeName: { zh: '生物药', en: 'Biologics' },
  keywords: [{ keyword: '培养基', nodeName: { zh: '生物试剂与培养基', en: 'Reagents' } }],
  terms: [],
};
const supplier = {
  id: 1,
  regionCode: '320214',
  regionName: '新吴区',
  tags: ['high_tech'],
  products: ['无血清培养基'],
  businessScope: null,
  nodeId: 7,
  revenueYuan: 2e8,
  outputYuan: null,
  figureYear: 2025,
};
const names = (id: number) =>
  id === 7 ? { zh: '生物试剂与培养基', en: 'Reagents' } : { zh: '设备', en: 'Equipment' };

describe('scoring a supplier for a need', () => {
  it('says why for every point: node, product text, distance, size, qualifications', () => {
    const scored = scoreSupplier(need, supplier, null, names);
    expect(scored.reasons.map((r) => r.code)).toEqual([
      'node',
      'product',
      'distance',
      'size',
      'qualification',
    ]);
    expect(scored.score).toBe(30 + 20 + 20 + 7 + 4);
    expect(scored).toMatchObject({ local: true, relevant: true, distance: 'district' });
    expect(scored.reasons[1]?.zh).toContain('培养基');
  });

  it('counts an open offer and a supplier node of the buyer, and nothing for distance alone', () => {
    const viaFlow = scoreSupplier(
      need,
      { ...supplier, nodeId: 9, products: [] },
      { product: '反应袋', by: 'text' },
      names,
    );
    expect(viaFlow.reasons.map((r) => r.code).slice(0, 2)).toEqual(['offer', 'flow']);
    expect(viaFlow.reasons[0]?.zh).toBe('有对应的公开供给：反应袋');
    // An offer found only by its node says so: it is on the need's link, not the product asked.
    const sameNode = scoreSupplier(need, supplier, { product: '乳糖一水合物', by: 'node' }, names);
    expect(sameNode.reasons[0]?.zh).toBe('在需求所属环节有公开供给：乳糖一水合物');
    const unrelated = scoreSupplier(
      need,
      { ...supplier, nodeId: 3, products: ['饮料'] },
      null,
      names,
    );
    expect(unrelated.relevant).toBe(false);
  });

  it('ranks by district, city, province, elsewhere and puts local firms before offers', () => {
    expect(['320214', '320206', '320505', '310115'].map((r) => distanceOf('320214', r))).toEqual([
      'district',
      'city',
      'province',
      'elsewhere',
    ]);
    const local = { local: true, hasOffer: false, score: 10, id: 2 };
    const offerElsewhere = { local: false, hasOffer: true, score: 90, id: 1 };
    expect([offerElsewhere, local].sort(compareProposals)).toEqual([local, offerElsewhere]);
  });

  it("splits the need's own words into words and character pairs, with no word list", () => {
    expect(needTerms('软式隐形眼镜')).toEqual([
      { text: '软式隐形眼镜', grams: ['软式', '式隐', '隐形', '形眼', '眼镜'] },
    ]);
    expect(needTerms('锭')).toEqual([{ text: '锭', grams: [] }]);
    expect(needTerms('采购 Ｘ光机，1 台').map((t) => t.text)).toEqual(['采购', 'x光机']);
    const terms = needTerms('软式隐形眼镜');
    expect(matchTerms(terms, '每日抛弃式隐形眼镜')).toMatchObject({
      whole: false,
      pairs: 4,
      of: 5,
    });
    expect(matchTerms(terms, '眼镜框')).toBeNull();
  });

  it("scores the need's own words in the product names 20, most of their pairs 10, the scope half", () => {
    const plain = { ...need, nodeId: null, flowNodeIds: new Set<number>(), keywords: [] };
    const bare = { ...supplier, nodeId: null, tags: [], revenueYuan: null };
    const whole = scoreSupplier(
      { ...plain, terms: needTerms('胶囊') },
      { ...bare, products: ['鱼油软胶囊'] },
      null,
      names,
    );
    expect(whole.relevant).toBe(true);
    expect(whole.score).toBe(20 + 20);
    expect(whole.reasons[0]).toMatchObject({ code: 'text' });
    expect(whole.reasons[0]?.zh).toContain('产品名含需求词「胶囊」');
    const once = scoreSupplier(
      {
        ...plain,
        terms: needTerms('培养基'),
        keywords: [{ keyword: '培养基', nodeName: { zh: '生物试剂与培养基', en: 'Reagents' } }],
      },
      bare,
      null,
      names,
    );
    expect(once.reasons.map((r) => r.code)).toEqual(['product', 'distance']);
    const near = scoreSupplier(
      { ...plain, terms: needTerms('软式隐形眼镜') },
      { ...bare, products: [], businessScope: '隐形眼镜零售' },
      null,
      names,
    );
    expect(near.score).toBe(5 + 20);
    expect(near.reasons[0]?.zh).toContain('经营范围与需求词「软式隐形眼镜」相近（3/5');
    const none = scoreSupplier(
      { ...plain, terms: needTerms('注射液') },
      { ...bare, products: ['维生素C锭'] },
      null,
      names,
    );
    expect(none.relevant).toBe(false);
  });
});
