import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChainClassifier } from '../../domain/classification.ts';
import { DEFAULT_TEMPLATES_DIR, readChainTemplate } from '../reference/chain-templates.service.ts';
import { learnedModelFor } from './learned-models.ts';
import { readProjectSet } from './real-evaluation-sets.ts';

// Written independently of the template's keyword lists, to measure the classifier honestly.
const records = readProjectSet();

const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml'));
const nodes = template.stages.flatMap((stage) => stage.nodes);
const classifier = new ChainClassifier(nodes);

describe('classification quality on the labelled evaluation set', () => {
  const predictions = records.map((record) => {
    const results = classifier.classify(record);
    return {
      record,
      confirmed: new Set(results.filter((r) => r.decision === 'confirmed').map((r) => r.nodeCode)),
      primary: results.find((r) => r.primary && r.decision === 'confirmed')?.nodeCode ?? null,
    };
  });

  const perNode = nodes.map(({ code }) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { record, confirmed } of predictions) {
      const truth = record.expected.includes(code);
      const predicted = confirmed.has(code);
      if (truth && predicted) tp++;
      else if (predicted) fp++;
      else if (truth) fn++;
    }
    return { code, tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
  });
  const sum = (key: 'tp' | 'fp' | 'fn') => perNode.reduce((total, n) => total + n[key], 0);
  const precision = sum('tp') / (sum('tp') + sum('fp'));
  const recall = sum('tp') / (sum('tp') + sum('fn'));
  const offChain = predictions.filter((p) => p.record.expected.length === 0);
  const offChainKept = offChain.filter((p) => p.confirmed.size === 0).length / offChain.length;
  const onChain = predictions.filter((p) => p.record.expected.length > 0);
  const primaryRight =
    onChain.filter((p) => p.primary === p.record.expected[0]).length / onChain.length;

  // Odd ids were read to find gaps in the keyword lists (the development half); even ids were
  // never looked at, so their figures are the honest ones.
  const heldOut = predictions.filter((p) => Number(p.record.id.slice(1)) % 2 === 0);
  const heldOutConfirmed = heldOut.flatMap((p) =>
    [...p.confirmed].map((code) => p.record.expected.includes(code)),
  );
  const heldOutPrecision = heldOutConfirmed.filter(Boolean).length / heldOutConfirmed.length;
  const heldOutRecall =
    heldOut.reduce(
      (n, p) => n + p.record.expected.filter((code) => p.confirmed.has(code)).length,
      0,
    ) / heldOut.reduce((n, p) => n + p.record.expected.length, 0);

  it('reports precision and recall per node and overall', () => {
    const lines = perNode.map(
      (n) =>
        `${n.code.padEnd(26)} P ${n.precision.toFixed(2)}  R ${n.recall.toFixed(2)}  (tp ${n.tp}, fp ${n.fp}, fn ${n.fn})`,
    );
    console.log(
      [
        `evaluation set: ${records.length} enterprises, ${offChain.length} off the chain`,
        ...lines,
        `overall (confirmed, micro): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
        `primary node right: ${primaryRight.toFixed(3)}; off-chain kept off: ${offChainKept.toFixed(3)}`,
        `held-out half (${heldOut.length}): precision ${heldOutPrecision.toFixed(3)}, recall ${heldOutRecall.toFixed(3)}`,
      ].join('\n'),
    );
    expect(records.length).toBeGreaterThanOrEqual(300);
  });

  it('stays above the floors set from the measured figures', () => {
    expect(precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(primaryRight).toBeGreaterThanOrEqual(FLOORS.primary);
    expect(offChainKept).toBeGreaterThanOrEqual(FLOORS.offChain);
    expect(heldOutPrecision).toBeGreaterThanOrEqual(FLOORS.heldOutPrecision);
    expect(heldOutRecall).toBeGreaterThanOrEqual(FLOORS.heldOutRecall);
    for (const node of perNode)
      expect(node.recall, node.code).toBeGreaterThanOrEqual(FLOORS.nodeRecall);
  });
});

/**
 * Floors a little under what the classifier measured when they were set (2026-11-25: precision
 * 0.866, recall 0.772, primary 0.764, off-chain 0.967; held-out 0.838 / 0.741; weakest node
 * recall 0.25, pharmaceutical distribution). Raise them as the template improves.
 */
const FLOORS = {
  precision: 0.84,
  recall: 0.75,
  primary: 0.74,
  offChain: 0.95,
  nodeRecall: 0.2,
  heldOutPrecision: 0.8,
  heldOutRecall: 0.7,
};

describe('the learned model on the held-out half of the evaluation set (even ids)', () => {
  const learned = new ChainClassifier(nodes, learnedModelFor('biomed'));
  const heldOut = records.filter((r) => r.split === 'test');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let primaryRight = 0;
  let onChain = 0;
  for (const record of heldOut) {
    const confirmed = learned.classify(record).filter((r) => r.decision === 'confirmed');
    const truth = record.expected.length > 0;
    if (truth && confirmed.length > 0) tp++;
    else if (confirmed.length > 0) fp++;
    else if (truth) fn++;
    if (truth) {
      onChain++;
      if (confirmed.find((r) => r.primary)?.nodeCode === record.expected[0]) primaryRight++;
    }
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);

  it('decides membership and the primary node at least as well as the rules alone', () => {
    console.log(
      `learned, held-out half (${heldOut.length}): membership precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, primary ${(primaryRight / onChain).toFixed(3)}`,
    );
    // Measured 2026-12-03: precision 0.931, recall 0.964, primary 0.791 (rules: 0.991 / 0.820 / 0.719).
    // Then 0.937 / 0.957 / 0.784 once a placement the rules' exclusions outweigh goes to review:
    // the record no longer confirmed was on a wrong node (vaccine logistics on vaccines), and one
    // CRO with a CDMO line is now placed at CDMO (see decideLearned).
    expect(precision).toBeGreaterThanOrEqual(0.88);
    expect(recall).toBeGreaterThanOrEqual(0.94);
    expect(primaryRight / onChain).toBeGreaterThanOrEqual(0.76);
  });
});
