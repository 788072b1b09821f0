import { describe, expect, it } from 'vitest';
import { ChainClassifier } from './classification.ts';
import {
  LinearClassifier,
  OFF_CLASS,
  ruleFeatures,
  textFeatureNames,
  trainLinearModel,
  type LearnedModel,
  type TrainingExample,
} from './classification-model.ts';
import { SeededRandom } from './random.ts';

const empty = { zh: [], en: [] };
const nodes = ['t.chem', 't.tcm'].map((code) => ({
  code,
  rules: { industryCodes: [], scope: empty, products: empty, names: empty, exclusions: empty },
}));
const classes = ['t.chem', 't.tcm', OFF_CLASS];

function example(products: string[], label: string): TrainingExample {
  return { binary: textFeatureNames({ name: '', products }), valued: new Map(), label, weight: 1 };
}

function train(): LearnedModel {
  const random = new SeededRandom(1);
  const examples = [
    example(['盐酸二甲双胍片', '阿莫西林胶囊'], 't.chem'),
    example(['头孢克肟片'], 't.chem'),
    example(['氯化钠注射液'], 't.chem'),
    example(['六味地黄丸', '板蓝根颗粒'], 't.tcm'),
    example(['安宫牛黄丸'], 't.tcm'),
    example(['复方丹参滴丸'], 't.tcm'),
    example(['草甘膦水剂'], OFF_CLASS),
    example(['保湿面霜'], OFF_CLASS),
  ];
  const { bias, weights } = trainLinearModel(examples, classes, {
    epochs: 30,
    rate: 0.3,
    l2: 1e-4,
    keep: 0.01,
    shuffle: (n) => [...Array(n).keys()].sort(() => random.next() - 0.5),
  });
  return {
    format: 'chainlead-linear-1',
    chain: 't',
    classes,
    bias,
    weights,
    thresholds: { member: 0.5, uncertain: 0.3, secondary: 0.5 },
    trainedOn: [],
  };
}

describe('learned classification model', () => {
  it('names features by what they read: product pairs, product endings, scope, code', () => {
    const names = textFeatureNames({
      name: '某某制药有限公司',
      products: ['氯化钠注射液'],
      businessScope: '药品生产',
      industryCode: '2720',
    });
    expect([...names]).toEqual(
      expect.arrayContaining([
        'p:注射',
        'pe:射液',
        'pe1:液',
        's:药品',
        'c4:2720',
        'c3:272',
        'c2:27',
      ]),
    );
    // The name is read by the rules only.
    expect([...names].some((n) => n.startsWith('n:'))).toBe(false);
  });

  it('trains deterministically: the same examples give the same weights', () => {
    expect(train()).toEqual(train());
  });

  it('generalises by characters to products it never saw, and keeps look-alikes off', () => {
    const model = train();
    const classifier = new ChainClassifier(nodes, model);
    const chem = classifier.classify({ name: '甲公司', products: ['硝苯地平片'] });
    expect(chem[0]).toMatchObject({ nodeCode: 't.chem', primary: true });
    const tcm = classifier.classify({ name: '乙公司', products: ['牛黄解毒丸'] });
    expect(tcm[0]).toMatchObject({ nodeCode: 't.tcm', primary: true });
    // Every placement says why: the learned features it rested on, with the text they came from.
    expect(tcm[0]?.evidence.some((e) => e.kind === 'learned' && e.matched.includes('丸'))).toBe(
      true,
    );
  });

  it('never confirms on a name alone and places nothing without evidence', () => {
    const classifier = new ChainClassifier(nodes, train());
    expect(classifier.classify({ name: '=HYPERLINK("http://x")' })).toEqual([]);
  });

  it('scores each product line as it would score that line alone, in the same pass', () => {
    const model = new LinearClassifier(train());
    const lines = ['硝苯地平片', '牛黄解毒丸', '硝苯地平片'];
    const output = model.score({ name: '', products: lines }, new Map(), [true, true, true]);
    const byLine = output.lineProbabilities([
      undefined,
      new Map([['r:t.tcm:products', 1]]),
      undefined,
    ]);
    const alone = (line: string, rules: Map<string, number>) =>
      model.score({ name: '', products: [line] }, rules).probabilities;
    expect(byLine?.[0]).toEqual(alone('硝苯地平片', new Map()));
    expect(byLine?.[1]).toEqual(alone('牛黄解毒丸', new Map([['r:t.tcm:products', 1]])));
    // A line repeating another's features still has them all to itself.
    expect(byLine?.[2]).toEqual(byLine?.[0]);
    // The firm as a whole is scored as before, each feature once.
    expect(output.probabilities).toEqual(
      model.score({ name: '', products: lines }, new Map()).probabilities,
    );
    expect(model.score({ name: '', products: lines }, new Map()).lineProbabilities([])).toBeNull();
  });

  it('reads rule evidence as valued features and refuses a model without an off class', () => {
    expect(ruleFeatures([{ nodeCode: 't.chem', kind: 'products', weight: 3 }])).toEqual(
      new Map([['r:t.chem:products', 1]]),
    );
    expect(() => new LinearClassifier({ ...train(), classes: ['t.chem', 't.tcm'] })).toThrow(
      /no "off" class/,
    );
  });
});
