/**
 * Match quality on a labelled set of real needs (eval/matchmaking/<set>/): the set's reader, the
 * metrics (precision and recall of the top 5 proposals) and a markdown renderer. Nothing here
 * proposes matches: the caller hands in, per need, the proposed firms in rank order.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../classification/real-evaluation-sets.ts';

export const MATCH_SETS_DIR = join(REPO_ROOT, 'eval', 'matchmaking');
/** Proposals a need is judged on. */
export const TOP_K = 5;

const firmSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  products: z.array(z.string()),
  source: z.string().min(1),
  sourceRef: z.string().min(1),
});
const needSchema = z.object({
  id: z.string().min(1),
  product: z.string().min(1),
  servedBy: z.array(z.string().min(1)).min(1),
  source: z.string().min(1),
  sourceRef: z.string().min(1),
  labelledFrom: z.string().min(1),
});

/** A candidate firm of the pool, with the product names of its licences in force. */
export type MatchFirm = z.infer<typeof firmSchema>;
/** A need (a product category as the source states it) and the firms of the pool that serve it. */
export type MatchNeed = z.infer<typeof needSchema>;

export interface MatchSet {
  name: string;
  firms: MatchFirm[];
  needs: MatchNeed[];
}

function parseJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      return [parsed.data];
    });
}

/** Reads a set (firms.jsonl + records.jsonl); a need naming an unknown firm fails. */
export function readMatchSet(name: string, dir = MATCH_SETS_DIR): MatchSet {
  const firms = parseJsonl(join(dir, name, 'firms.jsonl'), firmSchema);
  const needs = parseJsonl(join(dir, name, 'records.jsonl'), needSchema);
  const ids = new Set(firms.map((f) => f.id));
  for (const need of needs) {
    const unknown = need.servedBy.find((id) => !ids.has(id));
    if (unknown) throw new Error(`${name}: need ${need.id} names unknown firm ${unknown}`);
  }
  return { name, firms, needs };
}

/**
 * The fixed split, chosen before any result was looked at: a need is held out when the first byte
 * of the SHA-256 of its id is odd, else it is for tuning. Held-out figures are the headline.
 */
export function splitOf(needId: string): 'tune' | 'held-out' {
  const first = createHash('sha256').update(needId).digest()[0] ?? 0;
  return first % 2 === 1 ? 'held-out' : 'tune';
}

/**
 * Dosage-form needs are labelled from the product names themselves (so a text matcher finds them
 * almost by construction); the others (原料药, 健康食品, device categories) from other columns.
 */
export function labelKind(need: MatchNeed): 'dosage-form' | 'other-column' {
  return need.labelledFrom.startsWith('dosage form') ? 'dosage-form' : 'other-column';
}

export interface NeedResult {
  id: string;
  product: string;
  split: 'tune' | 'held-out';
  kind: 'dosage-form' | 'other-column';
  /** Firms of the pool that serve it. */
  relevant: number;
  /** Proposed in the top 5 (at most 5). */
  proposed: number;
  /** Of those, how many serve it. */
  hits: number;
  /** The node chainlead put the need on, if any. */
  node: string | null;
}

export interface MatchQuality {
  needs: NeedResult[];
  /** Hits over proposals in the top 5, all needs together (the headline figure). */
  precisionAt5: number;
  /** Mean over needs of hits / 5: a need with fewer than 5 proposals loses the missing places. */
  strictPrecisionAt5: number;
  /** Mean over needs of hits / min(5, firms that serve it). */
  recallAt5: number;
  needsWithProposals: number;
  needsWithHit: number;
}

/** Scores one need's ranked proposals (firm ids of the set) against its labels. */
export function scoreNeed(
  need: MatchNeed,
  ranked: readonly string[],
  node: string | null,
): NeedResult {
  const top = ranked.slice(0, TOP_K);
  const served = new Set(need.servedBy);
  return {
    id: need.id,
    product: need.product,
    split: splitOf(need.id),
    kind: labelKind(need),
    relevant: served.size,
    proposed: top.length,
    hits: top.filter((id) => served.has(id)).length,
    node,
  };
}

/** The set's figures from each need's result. */
export function summarise(results: NeedResult[]): MatchQuality {
  const proposed = results.reduce((s, r) => s + r.proposed, 0);
  const hits = results.reduce((s, r) => s + r.hits, 0);
  const mean = (f: (r: NeedResult) => number) =>
    results.length === 0 ? 0 : results.reduce((s, r) => s + f(r), 0) / results.length;
  return {
    needs: results,
    precisionAt5: proposed === 0 ? 0 : hits / proposed,
    strictPrecisionAt5: mean((r) => r.hits / TOP_K),
    recallAt5: mean((r) => r.hits / Math.min(TOP_K, r.relevant)),
    needsWithProposals: results.filter((r) => r.proposed > 0).length,
    needsWithHit: results.filter((r) => r.hits > 0).length,
  };
}

/** The figures of the held-out and tuning needs, each also by label kind. */
export function breakdown(quality: MatchQuality): { group: string; quality: MatchQuality }[] {
  const groups: [string, (r: NeedResult) => boolean][] = [
    ['held-out', (r) => r.split === 'held-out'],
    ['held-out, dosage form', (r) => r.split === 'held-out' && r.kind === 'dosage-form'],
    ['held-out, other columns', (r) => r.split === 'held-out' && r.kind === 'other-column'],
    ['tune', (r) => r.split === 'tune'],
    ['tune, dosage form', (r) => r.split === 'tune' && r.kind === 'dosage-form'],
    ['tune, other columns', (r) => r.split === 'tune' && r.kind === 'other-column'],
    ['all', () => true],
  ];
  return groups.map(([group, keep]) => ({ group, quality: summarise(quality.needs.filter(keep)) }));
}

const fixed = (n: number) => n.toFixed(3);

/** The report as markdown: one line per need, then the figures. */
export function renderMatchQuality(set: MatchSet, quality: MatchQuality): string {
  const lines = [
    `## ${set.name}: ${set.needs.length} needs, ${set.firms.length} candidate firms`,
    '',
    '| need | product | split | labelled from | firms serving | node | proposed | hits |',
    '| --- | --- | --- | --- | ---: | --- | ---: | ---: |',
    ...quality.needs.map(
      (r) =>
        `| ${r.id} | ${r.product} | ${r.split} | ${r.kind} | ${r.relevant} | ${r.node ?? '—'} | ${r.proposed} | ${r.hits} |`,
    ),
    '',
    '| needs | n | precision@5 | strict P@5 | recall@5 | with proposal | with hit |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...breakdown(quality).map(
      ({ group, quality: q }) =>
        `| ${group} | ${q.needs.length} | ${fixed(q.precisionAt5)} | ${fixed(q.strictPrecisionAt5)} | ${fixed(q.recallAt5)} | ${q.needsWithProposals} | ${q.needsWithHit} |`,
    ),
    '',
    `precision@5 (hits / proposals): ${fixed(quality.precisionAt5)}`,
    `strict precision@5 (hits / 5, mean over needs): ${fixed(quality.strictPrecisionAt5)}`,
    `recall@5 (hits / min(5, serving firms), mean): ${fixed(quality.recallAt5)}`,
    `needs with a proposal: ${quality.needsWithProposals} of ${quality.needs.length}; with ≥1 hit: ${quality.needsWithHit}`,
  ];
  return lines.join('\n');
}
