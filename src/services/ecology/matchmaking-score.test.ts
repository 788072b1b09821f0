import { describe, expect, it } from 'vitest';
import {
  compareProposals,
  distanceOf,
  endsAName,
  matchTerms,
  namesLike,
  needTerms,
  offerAnswers,
  scoreSupplier,
  type NeedFacts,
} from './matchmaking-score.ts';

const need: NeedFacts = {
  product: '培养基',
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
    expect(viaFlow.fit).toBe('offer');
    // An offer found only by its node says so: it is on the need's link, not the product asked;
    // it adds 10 points (not 30) and lifts the firm no higher than its products do.
    const sameNode = scoreSupplier(need, supplier, { product: '乳糖一水合物', by: 'node' }, names);
    expect(sameNode.reasons[0]?.zh).toBe('在需求所属环节有公开供给：乳糖一水合物');
    expect(sameNode.score).toBe(scoreSupplier(need, supplier, null, names).score + 10);
    expect(sameNode.fit).toBe('product');
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
    const local = { local: true, fit: 'none' as const, score: 10, id: 2 };
    const offerElsewhere = { local: false, fit: 'offer' as const, score: 90, id: 1 };
    expect([offerElsewhere, local].sort(compareProposals)).toEqual([local, offerElsewhere]);
  });

  it('ranks, among firms equally near, an offer for the product, then products naming it, then the score', () => {
    const offer = { local: true, fit: 'offer' as const, score: 60, id: 3 };
    const names = { local: true, fit: 'product' as const, score: 70, id: 2 };
    const nodeOffer = { local: true, fit: 'none' as const, score: 90, id: 1 };
    expect([nodeOffer, names, offer].sort(compareProposals)).toEqual([offer, names, nodeOffer]);
  });

  it('reads a word that ends a product name as naming it, one inside a longer name as a mention', () => {
    expect(endsAName('西林瓶', '中硼硅玻璃管制西林瓶')).toBe(true);
    expect(endsAName('西林瓶', '西林瓶 2ml')).toBe(true);
    expect(endsAName('锭', '普息痛锭500毫克')).toBe(true);
    expect(endsAName('西林瓶', '西林瓶灌装加塞机')).toBe(false);
    expect(namesLike('西林瓶', '西林瓶', '西林瓶灌装加塞机 中硼硅玻璃管制西林瓶')).toBe('names');
    expect(namesLike('西林瓶', '西林瓶', '西林瓶灌装加塞机')).toBe('mentions');
    // The need uses the word inside its own name: holding it is enough.
    expect(namesLike('冷链', '医用冷链物流配送', '特殊管理药品冷链运输')).toBe('names');
    expect(namesLike('冷链', '医用冷链物流配送', '药物警戒服务')).toBeNull();
  });

  it('takes an offer for the product asked by its text, an offer for another product by its node only', () => {
    const vials: NeedFacts = {
      ...need,
      product: '西林瓶',
      keywords: [{ keyword: '西林瓶', nodeName: { zh: '药用辅料与包装材料', en: 'Packaging' } }],
      terms: needTerms('西林瓶'),
    };
    expect(offerAnswers(vials, { product: '中硼硅玻璃管制西林瓶', nodeId: 7 })).toBe('text');
    expect(offerAnswers(vials, { product: '中硼硅玻璃安瓿', nodeId: 7 })).toBe('node');
    expect(offerAnswers(vials, { product: '西林瓶灌装加塞机', nodeId: 7 })).toBe('node');
    expect(offerAnswers(vials, { product: '西林瓶灌装加塞机', nodeId: 3 })).toBeNull();
    // The need's own words, or the need's text holding the offer's product, count as its text.
    const plain = { ...need, nodeId: null, keywords: [] };
    expect(
      offerAnswers(
        { ...plain, product: '胶囊', terms: needTerms('胶囊') },
        { product: '鱼油软胶囊', nodeId: null },
      ),
    ).toBe('text');
    expect(
      offerAnswers(
        { ...plain, product: '采购西林瓶', terms: needTerms('采购西林瓶') },
        { product: '西林瓶', nodeId: null },
      ),
    ).toBe('text');
  });

  it('ranks a firm that makes what is asked above one that only mentions it in a longer name', () => {
    const vials: NeedFacts = {
      ...need,
      product: '西林瓶',
      nodeId: 5,
      keywords: [{ keyword: '西林瓶', nodeName: { zh: '药用辅料与包装材料', en: 'Packaging' } }],
      terms: needTerms('西林瓶'),
    };
    const maker = scoreSupplier(
      vials,
      { ...supplier, products: ['中硼硅玻璃管制西林瓶'] },
      null,
      names,
    );
    const filler = scoreSupplier(
      vials,
      { ...supplier, products: ['西林瓶灌装加塞机'] },
      null,
      names,
    );
    expect(maker.fit).toBe('product');
    expect(filler.fit).toBe('none');
    expect(filler.score).toBe(maker.score);
    expect(maker.reasons[0]?.zh).toBe('产品含「西林瓶」（「药用辅料与包装材料」环节词表）');
    expect(filler.reasons[0]?.zh).toBe(
      '产品名中提到「西林瓶」（西林瓶灌装加塞机；「药用辅料与包装材料」环节词表）',
    );
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
      { ...plain, product: '胶囊', terms: needTerms('胶囊') },
      { ...bare, products: ['鱼油软胶囊'] },
      null,
      names,
    );
    expect(whole.relevant).toBe(true);
    expect(whole.score).toBe(20 + 20);
    expect(whole.reasons[0]).toMatchObject({ code: 'text' });
    expect(whole.reasons[0]?.zh).toContain('产品名含需求词「胶囊」');
    expect(whole.fit).toBe('product');
    const inside = scoreSupplier(
      { ...plain, product: '胶囊', terms: needTerms('胶囊') },
      { ...bare, products: ['胶囊填充机'] },
      null,
      names,
    );
    expect(inside.score).toBe(20 + 20);
    expect(inside.fit).toBe('none');
    expect(inside.reasons[0]?.zh).toBe('产品名中提到需求词「胶囊」（胶囊填充机）');
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
