/**
 * Prints, as markdown, how the classifier does on every labelled set of real enterprises, one table
 * group per chain a set measures (eval/classification/<set>/set.json; biomed when absent):
 *   npm run eval:classification
 * biomed: the rules alone and the rules with the learned model side by side, on the sets under
 * eval/classification/ and, when ../shared/data is present, the Tushare set. The learned model is
 * measured on each repository set's `test` split only (it trained and tuned on the others); the
 * rules, which never saw these sets, on all of it and on the same split.
 * Other chains: the classifier the product builds for the chain (its template's rules, and its
 * learned model when it ships one) on every record of each set, as none was trained on; a chain
 * whose template is not in templates/ is named and skipped.
 */
import { evaluateSet, renderMarkdown } from '../src/services/classification/real-evaluation.ts';
import {
  DEFAULT_SET_CHAIN,
  biomedClassifierPredict,
  biomedNodeCodes,
  chainClassifierPredict,
  chainNodeCodes,
  chainTemplatePath,
  measuredChains,
  readRepoSets,
  reportedPart,
  readTushareSet,
  splitPart,
  type LabelledSet,
} from '../src/services/classification/real-evaluation-sets.ts';

const nodeCodes = biomedNodeCodes();
const rules = biomedClassifierPredict('rules');
const learned = biomedClassifierPredict('learned');
const runs: { set: LabelledSet; variant: string; predict: typeof rules }[] = [];
const repoSets = readRepoSets();
const pooled: LabelledSet = {
  name: 'all repository sets pooled',
  records: repoSets.flatMap((set) => set.records),
  sources: repoSets.flatMap((set) => set.sources),
};
const pooledTest = splitPart(pooled, 'test');
runs.push({ set: pooledTest, variant: 'rules', predict: rules });
runs.push({ set: pooledTest, variant: 'rules + learned model', predict: learned });
for (const set of repoSets) {
  const test = splitPart(set, 'test');
  runs.push({ set: test, variant: 'rules', predict: rules });
  runs.push({ set: test, variant: 'rules + learned model', predict: learned });
  runs.push({ set, variant: 'rules (whole set)', predict: rules });
}
const tushare = readTushareSet();
if (tushare) {
  runs.push({ set: tushare, variant: 'rules', predict: rules });
  runs.push({ set: tushare, variant: 'rules + learned model', predict: learned });
} else console.error('../shared/data/ashare-listed is absent: the Tushare set is skipped.');

const out = ['## Classification on real enterprises (templates/biomed.yaml)', ''];
for (const { set, variant, predict } of runs) {
  const report = evaluateSet(`${set.name} — ${variant}`, set.records, predict, nodeCodes);
  out.push(renderMarkdown(report, { codePrefix: 'biomed.', sources: set.sources }));
}

for (const chain of measuredChains().filter((c) => c !== DEFAULT_SET_CHAIN)) {
  out.push(`## Classification on real enterprises (templates/${chain}.yaml)`, '');
  if (!chainTemplatePath(chain)) {
    out.push(`templates/${chain}.yaml is not there: the ${chain} sets are not measured.`, '');
    continue;
  }
  const predict = chainClassifierPredict(chain);
  const codes = chainNodeCodes(chain);
  for (const set of readRepoSets(undefined, chain).map(reportedPart)) {
    const report = evaluateSet(`${set.name} — ${chain}`, set.records, predict, codes);
    out.push(renderMarkdown(report, { codePrefix: `${chain}.`, sources: set.sources }));
  }
}
console.log(out.join('\n'));
