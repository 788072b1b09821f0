import { join } from 'node:path';
import { ChainClassifier, type ClassifiableEnterprise } from '../src/domain/classification.ts';
import { learnedModelFor } from '../src/services/classification/learned-models.ts';
import {
  readProjectSet,
  readRepoSets,
} from '../src/services/classification/real-evaluation-sets.ts';
import {
  DEFAULT_TEMPLATES_DIR,
  readChainTemplate,
} from '../src/services/reference/chain-templates.service.ts';
import { wholeNumberFlag } from './bench-args.ts';

/**
 * Classification cost per enterprise on one core, the rules alone and with the learned model,
 * side by side in one run, on every labelled record the repository holds (real and project sets).
 * Each variant classifies the whole list `--passes` times after a warm-up; the figure is the
 * median pass, in CPU time of this process.
 */
export function benchClassify(): Promise<void> {
  const passes = wholeNumberFlag('passes', 15);
  const { template } = readChainTemplate(join(DEFAULT_TEMPLATES_DIR, 'biomed.yaml'));
  const nodes = template.stages.flatMap((stage) => stage.nodes);
  const variants: [string, ChainClassifier][] = [
    ['rules only', new ChainClassifier(nodes)],
    ['rules + learned model', new ChainClassifier(nodes, learnedModelFor('biomed'))],
  ];
  const groups: [string, ClassifiableEnterprise[]][] = [
    ['project evaluation set (scopes and products)', readProjectSet()],
    ['real sets (eval/classification)', readRepoSets().flatMap((set) => set.records)],
  ];
  for (const [group, records] of groups) {
    const chars = records.reduce(
      (n, r) => n + (r.businessScope ?? '').length + (r.products ?? []).join('').length,
      0,
    );
    console.log(
      `${group}: ${records.length} enterprises, ${Math.round(chars / records.length)} characters of scope and products on average, ${passes} passes each`,
    );
    for (const [label, classifier] of variants) {
      for (let i = 0; i < 3; i++) for (const record of records) classifier.classify(record);
      const perPass: number[] = [];
      for (let pass = 0; pass < passes; pass++) {
        const started = process.cpuUsage();
        for (const record of records) classifier.classify(record);
        const used = process.cpuUsage(started);
        perPass.push((used.user + used.system) / records.length);
      }
      perPass.sort((a, b) => a - b);
      const median = perPass[Math.floor(perPass.length / 2)] ?? 0;
      console.log(
        `  ${label.padEnd(24)} ${median.toFixed(1).padStart(6)} µs/enterprise (median pass; fastest ${perPass[0]?.toFixed(1)})`,
      );
    }
  }
  return Promise.resolve();
}
