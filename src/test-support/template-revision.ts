import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { ChainTemplate, TemplateNode } from '../domain/chain-template.ts';

export const BIOMED_TEMPLATE = fileURLToPath(
  new URL('../../templates/biomed.yaml', import.meta.url),
);
export const SPLIT_NODE = 'biomed.mid.device';
export const IMAGING = 'biomed.mid.device-imaging';
export const THERAPY = 'biomed.mid.device-therapy';

const IMAGING_WORDS = ['影像', '成像', '超声', '彩超', '内窥镜', 'X射线', 'CT', '磁共振', 'PET'];
const IMAGING_WORDS_EN = ['imaging', 'ultrasound', 'endoscope', 'CT', 'MRI', 'Doppler', 'X-ray'];

/** templates/biomed.yaml as it is (version 1). */
export function biomedTemplate(): ChainTemplate {
  return YAML.parse(readFileSync(BIOMED_TEMPLATE, 'utf8')) as ChainTemplate;
}

/**
 * biomed.yaml as version 2, with medical equipment split into imaging and diagnosis equipment and
 * therapy and life-support equipment: the keywords divide by subject, the industry codes go to
 * therapy (the default node), targets split 40/60.
 */
export function splitDeviceTemplate(): ChainTemplate {
  const doc = biomedTemplate();
  const stage = doc.stages.find((s) => s.nodes.some((n) => n.code === SPLIT_NODE));
  const device = stage?.nodes.find((n) => n.code === SPLIT_NODE);
  if (!stage || !device) throw new Error('biomed.yaml has no medical equipment node');
  const pick = (words: string[], wordsEn: boolean, imaging: boolean) =>
    words.filter(
      (w) =>
        (wordsEn ? IMAGING_WORDS_EN : IMAGING_WORDS).some((k) =>
          w.toLowerCase().includes(k.toLowerCase()),
        ) === imaging,
    );
  const divide = (imaging: boolean): TemplateNode['rules'] => {
    const r = device.rules;
    const half = (k: { zh: string[]; en: string[] }) => ({
      zh: pick(k.zh, false, imaging),
      en: pick(k.en, true, imaging),
    });
    return {
      industryCodes: imaging ? [] : r.industryCodes,
      scope: half(r.scope),
      products: half(r.products),
      names: imaging ? { zh: ['医学影像', '影像'], en: ['Imaging'] } : half(r.names),
      exclusions: r.exclusions,
    };
  };
  const imagingNode: TemplateNode = {
    ...device,
    code: IMAGING,
    name: { zh: '医学影像与诊断设备', en: 'Imaging and diagnostic equipment' },
    rules: divide(true),
  };
  const therapyNode: TemplateNode = {
    ...device,
    code: THERAPY,
    name: { zh: '治疗与生命支持设备', en: 'Therapy and life-support equipment' },
    rules: divide(false),
  };
  stage.nodes.splice(stage.nodes.indexOf(device), 1, imagingNode, therapyNode);
  doc.flows = doc.flows.flatMap((flow) =>
    flow.from === SPLIT_NODE
      ? [
          { ...flow, from: IMAGING },
          { ...flow, from: THERAPY },
        ]
      : flow.to === SPLIT_NODE
        ? [
            { ...flow, to: IMAGING },
            { ...flow, to: THERAPY },
          ]
        : [flow],
  );
  doc.version = 2;
  doc.revisions = [
    {
      from: 1,
      changes: [
        {
          kind: 'split',
          node: SPLIT_NODE,
          into: [IMAGING, THERAPY],
          default: THERAPY,
          targets: { shares: { [IMAGING]: 0.4, [THERAPY]: 0.6 } },
        },
      ],
    },
  ];
  return doc;
}
