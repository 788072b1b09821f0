/**
 * Measures the matcher on the labelled pairs of Open Supply Hub's production deduplicator
 * (../shared/data/opensupplyhub-er, see SOURCE.md there): real facility names and addresses.
 * Their labels are about facilities, not enterprises: two sites of one firm are 'distinct' there,
 * while this matcher, which removes branch markers, means to put them together. So precision here
 * is a floor for enterprise matching, and the floors below guard against regressions, not targets.
 */
import { describe, expect, it } from 'vitest';
import { readJsonLines } from '../test-support/repo-data.ts';
import { sharedDataFile } from '../test-support/shared-data.ts';
import {
  MATCH_THRESHOLDS,
  MATCH_WEIGHTS,
  blockingKeys,
  scoreMatch,
  type MatchRecord,
} from './entity-matching.ts';

interface OshRecord {
  id: string;
  name: string;
  address: string;
  country: string;
}
interface OshPairs {
  match: { __value__: [OshRecord, OshRecord] }[];
  distinct: { __value__: [OshRecord, OshRecord] }[];
}

// src/domain may not import node:* (lint), so the JSON comes through the module loader.
const path = sharedDataFile('opensupplyhub-er/dedupe_training_pairs.json');

// A country is not a region code: leaving regionCode out makes every region 'unknown'.
const toRecord = (r: OshRecord): MatchRecord => ({ name: r.name, address: r.address });

interface Row {
  predictedSame: string;
  pairs: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

function measure(scored: { same: boolean; score: number }[], label: string, cut: number): Row {
  const tp = scored.filter((p) => p.same && p.score >= cut).length;
  const fp = scored.filter((p) => !p.same && p.score >= cut).length;
  const fn = scored.filter((p) => p.same && p.score < cut).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    predictedSame: `${label} (score >= ${cut})`,
    pairs: scored.length,
    tp,
    fp,
    fn,
    precision: round(tp / (tp + fp)),
    recall: round(tp / (tp + fn)),
  };
}

describe('entity matching on Open Supply Hub labelled pairs', () => {
  it.skipIf(!path)('keeps precision and recall above the measured floors', async () => {
    const module = (await import(path ?? '', { with: { type: 'json' } })) as { default: OshPairs };
    const data = module.default;
    const scored = [
      ...data.match.map((p) => ({ same: true, pair: p.__value__ })),
      ...data.distinct.map((p) => ({ same: false, pair: p.__value__ })),
    ].map(({ same, pair: [left, right] }) => {
      const a = toRecord(left);
      const b = toRecord(right);
      const keysB = new Set(blockingKeys(b));
      return {
        same,
        score: scoreMatch(a, b).score,
        blocked: blockingKeys(a).some((key) => keysB.has(key)),
      };
    });

    const merge = measure(scored, "'match'", MATCH_THRESHOLDS.merge);
    const review = measure(scored, "'match' or 'possible'", MATCH_THRESHOLDS.review);
    console.table([merge, review]);
    const matches = scored.filter((p) => p.same);
    const blockingRecall = matches.filter((p) => p.blocked).length / matches.length;
    console.log(`blocking keys shared by ${(blockingRecall * 100).toFixed(1)}% of match pairs`);

    // Measured with thresholds 0.9 / 0.6 on 112 pairs (47 match, 65 distinct): 'match' P 0.833
    // R 0.851 (P 0.745 R 0.872 before branches and numbered sites were kept apart); 'match' or
    // 'possible' P 0.62 R 0.936; blocking keys shared by 45 of 47 matches. The false merges left
    // are one name at two addresses, which the facility labels call two facilities.
    expect(data.match.length + data.distinct.length).toBe(112);
    expect(merge.precision).toBeGreaterThanOrEqual(0.7);
    expect(merge.recall).toBeGreaterThanOrEqual(0.8);
    expect(review.precision).toBeGreaterThanOrEqual(0.55);
    expect(review.recall).toBeGreaterThanOrEqual(0.9);
    expect(blockingRecall).toBeGreaterThanOrEqual(0.9);
  });

  it.skipIf(!path)('reports F1 by 5-fold cross-validation', async () => {
    const module = (await import(path ?? '', { with: { type: 'json' } })) as { default: OshPairs };
    const data = module.default;
    const labelled = [
      ...data.match.map((p) => ({ same: true, pair: p.__value__ })),
      ...data.distinct.map((p) => ({ same: false, pair: p.__value__ })),
    ].map(({ same, pair: [left, right] }, i) => ({
      same,
      a: toRecord(left),
      b: toRecord(right),
      // Stratified folds: matches and non-matches are dealt round the folds separately.
      fold: (same ? i : i - data.match.length) % 5,
    }));
    // The Chinese variant set is the main tuning data: a merge cut must keep its different firms
    // from merging (it has no addresses, so the address weight does not move its scores).
    const chinese = readJsonLines<{ a: MatchRecord; b: MatchRecord; same: boolean }>(
      'eval/matching/akshare-docs/pairs.jsonl',
    );
    const lowestSafeCut = Math.max(
      ...chinese.filter((p) => !p.same).map((p) => scoreMatch(p.a, p.b).score + 0.001),
    );
    const weights = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
    const cuts = Array.from({ length: 19 }, (_, i) => 0.8 + i * 0.01).filter(
      (cut) => cut >= lowestSafeCut,
    );
    const scored = new Map(
      weights.map((address) => [
        address,
        labelled.map((p) => ({ ...p, score: scoreMatch(p.a, p.b, { address }).score })),
      ]),
    );
    const counts = (rows: { same: boolean; score: number }[], cut: number) => ({
      tp: rows.filter((p) => p.same && p.score >= cut).length,
      fp: rows.filter((p) => !p.same && p.score >= cut).length,
      fn: rows.filter((p) => p.same && p.score < cut).length,
    });
    const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) =>
      (2 * tp) / (2 * tp + fp + fn);

    const folds = [];
    const total = { tp: 0, fp: 0, fn: 0 };
    for (let fold = 0; fold < 5; fold++) {
      let best = { address: MATCH_WEIGHTS.address, cut: MATCH_THRESHOLDS.merge as number, f1: -1 };
      for (const address of weights) {
        const train = (scored.get(address) ?? []).filter((p) => p.fold !== fold);
        for (const cut of cuts) {
          const value = f1(counts(train, cut));
          if (value > best.f1 + 1e-9) best = { address, cut, f1: value };
        }
      }
      const test = (scored.get(best.address) ?? []).filter((p) => p.fold === fold);
      const held = counts(test, best.cut);
      total.tp += held.tp;
      total.fp += held.fp;
      total.fn += held.fn;
      const round = (x: number) => Math.round(x * 1000) / 1000;
      folds.push({
        fold,
        address: best.address,
        cut: round(best.cut),
        trainF1: round(best.f1),
        heldOutF1: round(f1(held)),
        ...held,
      });
    }
    console.table(folds);
    const cvF1 = f1(total);
    const production = f1(
      counts(
        labelled.map((p) => ({ ...p, score: scoreMatch(p.a, p.b).score })),
        MATCH_THRESHOLDS.merge,
      ),
    );
    console.log(
      `5-fold cross-validated F1 (pooled over held-out folds): ${cvF1.toFixed(3)}; ` +
        `F1 with the shipped weights and merge cut: ${production.toFixed(3)}; ` +
        `merge cuts below ${lowestSafeCut.toFixed(3)} would merge different Chinese firms`,
    );
    // Measured: cross-validated F1 0.851 (folds chose address weight 0.3 and cut 0.93 four times
    // in five), shipped F1 0.842 (0.804 before issue 13). The labels are about facilities: one
    // name at two addresses is 'distinct' there, which an enterprise matcher may not split.
    expect(cvF1).toBeGreaterThanOrEqual(0.82);
    expect(production).toBeGreaterThanOrEqual(0.82);
  });
});
