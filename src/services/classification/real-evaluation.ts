/**
 * Classification quality on labelled sets of real enterprises (eval/classification/<set>/): pure
 * metrics and a markdown renderer. Nothing here reads files or knows the classifier: the caller
 * hands in the records and a predict function.
 */

/** One labelled enterprise, as stored one per line in a set's `records.jsonl`. */
export interface RealRecord {
  id: string;
  name: string;
  nameEn?: string | null;
  businessScope?: string | null;
  products: string[];
  industryCode?: string | null;
  /** Node codes the firm belongs on, primary first; [] = off the chain. */
  expected: string[];
  /**
   * Set when the source says only that the firm is on the chain, not on which node (e.g. a
   * Tushare industry such as 医疗保健): membership is scored, nodes are not.
   */
  onChain?: boolean;
  /**
   * Chains the source puts the firm on without saying on which node (e.g. a factory registered
   * for 半導體 is on `ic`): membership on each of them is scored, nodes are not. Used by sets that
   * measure other chains than biomed; `recordForChain` turns it into `onChain` for one chain.
   */
  onChains?: string[];
  /** Primary nodes that count as right when the source names a segment, not a node. */
  acceptablePrimary?: string[];
  /** Where the record comes from: data set or document, path, commit or date, licence. */
  source: string;
  /** The rows or passages of the source it was read from (licence numbers, page). */
  sourceRef?: string;
  /** How `expected` was derived, e.g. "industry column", "main business text". */
  labelledFrom: string;
}

/** What the classifier decided for one record. */
export interface RealPrediction {
  /** Confirmed nodes. */
  members: readonly string[];
  primary: string | null;
  /** Nodes left for review (uncertain), when the classifier says. */
  review?: readonly string[];
  /**
   * Nodes the rules found any positive evidence for, decided or not (a name keyword alone is too
   * weak to place a firm): a diagnostic of the template's vocabulary, not a placement.
   */
  ruleEvidence?: readonly string[];
}

export type Predict = (record: RealRecord) => RealPrediction;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface NodeScores extends Scores {
  code: string;
  /** Records whose label holds this node. */
  support: number;
}

export interface ConfusionRow {
  /** The labelled primary node, or "none" for off-chain records. */
  truth: string;
  total: number;
  /** Predicted primary (or "none") → count, most frequent first. */
  predicted: { code: string; count: number }[];
}

export interface EvaluationReport {
  set: string;
  records: number;
  onChain: number;
  offChain: number;
  /** On chain vs off chain: a record is predicted on the chain when any node is confirmed. */
  membership: Scores & { tn: number };
  /** Share of off-chain records left with no node. */
  offChainKeptOff: number;
  /** Records whose primary can be scored (a labelled node or acceptable segment). */
  primaryScored: number;
  /** Predicted primary equals the labelled primary (or is one of the acceptable ones). */
  primaryAccuracy: number;
  /** The labelled primary is among the confirmed nodes. */
  primaryAmongMembers: number;
  /** On-chain records that got no node at all. */
  onChainWithoutNode: number;
  /** On-chain records with no confirmed node but one left for review (uncertain). */
  onChainForReview: number;
  /** Off-chain records left for review (no node confirmed, one uncertain). */
  offChainForReview: number;
  /** On-chain records the rules found any positive evidence for (diagnostic, see RealPrediction). */
  onChainWithRuleEvidence: number;
  /** Off-chain records the rules found any positive evidence for. */
  offChainWithRuleEvidence: number;
  /** Micro-averaged node assignments over records labelled to nodes. */
  nodes: Scores;
  perNode: NodeScores[];
  confusion: ConfusionRow[];
}

const NONE = 'none';

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

export function scores({ tp, fp, fn }: Counts): Scores {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function isOnChain(record: RealRecord): boolean {
  return record.onChain ?? record.expected.length > 0;
}

/** Records labelled down to nodes (off-chain ones included: every node they get is wrong). */
function hasNodeLabels(record: RealRecord): boolean {
  return !(record.onChain === true && record.expected.length === 0);
}

/**
 * Scores one set. `nodeCodes` lists the chain's nodes so that nodes nobody was labelled to still
 * appear (with their false positives); codes met only in labels or predictions are added.
 */
export function evaluateSet(
  set: string,
  records: readonly RealRecord[],
  predict: Predict,
  nodeCodes: readonly string[] = [],
): EvaluationReport {
  const membership = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const perNode = new Map<string, Counts & { support: number }>();
  const node = (code: string) => {
    let entry = perNode.get(code);
    if (!entry) {
      entry = { tp: 0, fp: 0, fn: 0, support: 0 };
      perNode.set(code, entry);
    }
    return entry;
  };
  for (const code of nodeCodes) node(code);
  const confusion = new Map<string, Map<string, number>>();
  let offChain = 0;
  let offChainKeptOff = 0;
  let primaryScored = 0;
  let primaryRight = 0;
  let primaryAmongMembers = 0;
  let onChainWithoutNode = 0;
  let onChainForReview = 0;
  let offChainForReview = 0;
  let onChainWithRuleEvidence = 0;
  let offChainWithRuleEvidence = 0;

  for (const record of records) {
    const prediction = predict(record);
    const members = new Set(prediction.members);
    const truthOn = isOnChain(record);
    const predictedOn = members.size > 0;
    if (truthOn && predictedOn) membership.tp++;
    else if (truthOn) membership.fn++;
    else if (predictedOn) membership.fp++;
    else membership.tn++;
    const forReview = !predictedOn && (prediction.review?.length ?? 0) > 0;
    const withEvidence = (prediction.ruleEvidence?.length ?? 0) > 0;
    if (!truthOn) {
      offChain++;
      if (!predictedOn) offChainKeptOff++;
      if (forReview) offChainForReview++;
      if (withEvidence) offChainWithRuleEvidence++;
    } else {
      if (withEvidence) onChainWithRuleEvidence++;
      if (!predictedOn) {
        onChainWithoutNode++;
        if (forReview) onChainForReview++;
      }
    }

    if (hasNodeLabels(record)) {
      const expected = new Set(record.expected);
      for (const code of expected) {
        const entry = node(code);
        entry.support++;
        if (members.has(code)) entry.tp++;
        else entry.fn++;
      }
      for (const code of members) if (!expected.has(code)) node(code).fp++;
    }

    const truthPrimary = record.expected[0];
    const acceptable = record.acceptablePrimary ?? [];
    if (truthOn && (truthPrimary !== undefined || acceptable.length > 0)) {
      primaryScored++;
      const right =
        prediction.primary !== null &&
        (prediction.primary === truthPrimary || acceptable.includes(prediction.primary));
      if (right) primaryRight++;
      const wanted = truthPrimary !== undefined ? [truthPrimary, ...acceptable] : acceptable;
      if (wanted.some((code) => members.has(code))) primaryAmongMembers++;
    }

    const truthKey = truthOn
      ? (truthPrimary ?? (acceptable.length > 0 ? acceptable.join('|') : 'on chain'))
      : NONE;
    const row = confusion.get(truthKey) ?? new Map<string, number>();
    const predictedKey = prediction.primary ?? NONE;
    row.set(predictedKey, (row.get(predictedKey) ?? 0) + 1);
    confusion.set(truthKey, row);
  }

  const perNodeScores = [...perNode.entries()]
    .map(([code, counts]) => ({ code, support: counts.support, ...scores(counts) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const total = perNodeScores.reduce(
    (sum, n) => ({ tp: sum.tp + n.tp, fp: sum.fp + n.fp, fn: sum.fn + n.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const onChain = records.length - offChain;
  return {
    set,
    records: records.length,
    onChain,
    offChain,
    membership: { ...scores(membership), tn: membership.tn },
    offChainKeptOff: ratio(offChainKeptOff, offChain),
    primaryScored,
    primaryAccuracy: ratio(primaryRight, primaryScored),
    primaryAmongMembers: ratio(primaryAmongMembers, primaryScored),
    onChainWithoutNode: ratio(onChainWithoutNode, onChain),
    onChainForReview: ratio(onChainForReview, onChain),
    offChainForReview: ratio(offChainForReview, offChain),
    onChainWithRuleEvidence: ratio(onChainWithRuleEvidence, onChain),
    offChainWithRuleEvidence: ratio(offChainWithRuleEvidence, offChain),
    nodes: scores(total),
    perNode: perNodeScores,
    confusion: [...confusion.entries()]
      .map(([truth, row]) => ({
        truth,
        total: [...row.values()].reduce((a, b) => a + b, 0),
        predicted: [...row.entries()]
          .map(([code, count]) => ({ code, count }))
          .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      }))
      .sort((a, b) => b.total - a.total || a.truth.localeCompare(b.truth)),
  };
}

/** Nodes with labelled support, weakest F1 first. */
export function worstNodes(report: EvaluationReport, count = 3): NodeScores[] {
  return report.perNode
    .filter((n) => n.support > 0)
    .sort((a, b) => a.f1 - b.f1 || b.support - a.support)
    .slice(0, count);
}

const fixed = (value: number) => value.toFixed(3);

/** Drops a shared prefix such as "biomed." from node codes to keep tables narrow. */
function shorten(code: string, prefix: string): string {
  if (!prefix) return code;
  return code
    .split('|')
    .map((part) => (part.startsWith(prefix) ? part.slice(prefix.length) : part))
    .join('|');
}

export interface RenderOptions {
  /** Prefix to drop from node codes in the tables, e.g. "biomed.". */
  codePrefix?: string;
  /** Lines describing the set's sources, printed under its heading. */
  sources?: string[];
}

export function renderMarkdown(report: EvaluationReport, options: RenderOptions = {}): string {
  const prefix = options.codePrefix ?? '';
  const m = report.membership;
  const lines = [
    `### ${report.set}`,
    '',
    ...(options.sources?.length ? [...options.sources.map((s) => `- Source: ${s}`), ''] : []),
    `${report.records} enterprises: ${report.onChain} on the chain, ${report.offChain} off it.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| membership precision | ${fixed(m.precision)} (tp ${m.tp}, fp ${m.fp}) |`,
    `| membership recall | ${fixed(m.recall)} (fn ${m.fn}) |`,
    `| membership F1 | ${fixed(m.f1)} |`,
    `| off-chain kept off | ${fixed(report.offChainKeptOff)} (${m.tn} of ${report.offChain}) |`,
    `| on-chain with no node | ${fixed(report.onChainWithoutNode)} |`,
    `| left for review (uncertain), on-chain / off-chain | ${fixed(report.onChainForReview)} / ${fixed(report.offChainForReview)} |`,
    `| any rule evidence (diagnostic), on-chain / off-chain | ${fixed(report.onChainWithRuleEvidence)} / ${fixed(report.offChainWithRuleEvidence)} |`,
    `| primary node right | ${fixed(report.primaryAccuracy)} (of ${report.primaryScored} scored) |`,
    `| labelled primary among confirmed | ${fixed(report.primaryAmongMembers)} |`,
    `| node assignments (micro) P / R / F1 | ${fixed(report.nodes.precision)} / ${fixed(report.nodes.recall)} / ${fixed(report.nodes.f1)} |`,
    '',
  ];
  const scoredNodes = report.perNode.filter((n) => n.support > 0 || n.fp > 0);
  if (scoredNodes.length > 0) {
    lines.push('| node | support | precision | recall | F1 | tp | fp | fn |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const n of scoredNodes) {
      lines.push(
        `| ${shorten(n.code, prefix)} | ${n.support} | ${fixed(n.precision)} | ${fixed(n.recall)} | ${fixed(n.f1)} | ${n.tp} | ${n.fp} | ${n.fn} |`,
      );
    }
    lines.push('');
  }
  lines.push('Confusion (labelled primary → predicted primary):', '');
  lines.push('| labelled | n | predicted |');
  lines.push('| --- | ---: | --- |');
  for (const row of report.confusion) {
    const predicted = row.predicted
      .map(({ code, count }) => `${shorten(code, prefix)} ${count}`)
      .join(', ');
    lines.push(`| ${shorten(row.truth, prefix)} | ${row.total} | ${predicted} |`);
  }
  lines.push('');
  return lines.join('\n');
}
