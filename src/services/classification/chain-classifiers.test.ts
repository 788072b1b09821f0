import { describe, expect, it } from 'vitest';
import { ChainClassifier, ChainClassifiers } from '../../domain/classification.ts';
import { readChainTemplates } from '../reference/chain-templates.service.ts';
import { learnedModelFor } from './learned-models.ts';
import { measuredChains, readRepoSets } from './real-evaluation-sets.ts';

// An import classifies each row on every loaded chain in one pass over its text
// (ChainClassifiers). It must place every firm exactly as each chain's own classifier does.
const chains = readChainTemplates().map(
  ({ template }) =>
    new ChainClassifier(
      template.stages.flatMap((stage) => stage.nodes),
      learnedModelFor(template.code),
    ),
);
const together = new ChainClassifiers(chains);

describe('classifying on every chain in one pass', () => {
  it('gives each chain the results of its own classifier, on every labelled real record', () => {
    const records = measuredChains().flatMap((chain) =>
      readRepoSets(undefined, chain).flatMap((set) => set.records),
    );
    expect(records.length).toBeGreaterThan(1000);
    let placements = 0;
    for (const record of records) {
      const expected = chains.map((classifier) => classifier.classify(record));
      placements += expected.flat().length;
      expect(together.classify(record)).toEqual(expected);
    }
    expect(placements).toBeGreaterThan(100);
  });

  it('hands a keyword two chains share to each, with that chain’s own rule', () => {
    // 锂电池 is a keyword of nev's battery node; 传感器 of iot and equipment alike (whichever
    // chains name them, each result must equal that chain's own).
    const firm = {
      name: '无锡某某科技有限公司',
      businessScope: '锂电池、传感器、工业机器人、集成电路设计、医疗器械的研发、生产和销售',
      products: ['动力锂电池', 'MEMS传感器', '六轴工业机器人', '血糖仪'],
    };
    const results = together.classify(firm);
    expect(results).toEqual(chains.map((classifier) => classifier.classify(firm)));
    expect(results.filter((onChain) => onChain.length > 0).length).toBeGreaterThanOrEqual(3);
  });
});
