/**
 * Prints, as markdown, how today's classifier does on every labelled set of real enterprises:
 * the sets under eval/classification/ and, when ../shared/data is present, the Tushare set.
 *   npm run eval:classification
 */
import { evaluateSet, renderMarkdown } from '../src/services/classification/real-evaluation.ts';
import {
  biomedClassifierPredict,
  biomedNodeCodes,
  readRepoSets,
  readTushareSet,
} from '../src/services/classification/real-evaluation-sets.ts';

const predict = biomedClassifierPredict();
const nodeCodes = biomedNodeCodes();
const sets = readRepoSets();
const tushare = readTushareSet();
if (tushare) sets.push(tushare);
else console.error('../shared/data/ashare-listed is absent: the Tushare set is skipped.');

const out = [
  '## Classification on real enterprises (templates/biomed.yaml, today’s classifier)',
  '',
];
for (const set of sets) {
  const report = evaluateSet(set.name, set.records, predict, nodeCodes);
  out.push(renderMarkdown(report, { codePrefix: 'biomed.', sources: set.sources }));
}
console.log(out.join('\n'));
