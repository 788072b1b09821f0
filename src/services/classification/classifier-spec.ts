import type { ClassificationRules } from '../../domain/chain-template.ts';
import { ChainClassifier } from '../../domain/classification.ts';
import type { LearnedModel } from '../../domain/classification-model.ts';

/** A chain classifier's inputs, as plain data (a worker thread receives it by message). */
export interface ClassifierSpec {
  chainCode: string;
  nodes: { code: string; rules: ClassificationRules }[];
  model: LearnedModel | null;
}

/** Builds the classifier a spec describes (the same one `loadChainClassifier` builds). */
export function classifierFromSpec(spec: ClassifierSpec): ChainClassifier {
  return new ChainClassifier(spec.nodes, spec.model);
}
