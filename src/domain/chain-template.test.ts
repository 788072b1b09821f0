import { describe, expect, it } from 'vitest';
import { validateChainTemplate } from './chain-template.ts';

const template = (rules: Record<string, unknown>, node: Record<string, unknown> = {}) => ({
  code: 'demo',
  version: 1,
  name: { zh: '示例', en: 'Demo' },
  industryScheme: 'GB/T 4754-2017',
  stages: [
    {
      code: 'demo.up',
      name: { zh: '上游', en: 'Upstream' },
      nodes: [{ code: 'demo.up.parts', name: { zh: '零件', en: 'Parts' }, rules, ...node }],
    },
  ],
});

describe('validateChainTemplate', () => {
  it('takes a node whose keyword lists are left out as having none', () => {
    const checked = validateChainTemplate(template({ industryCodes: ['3670'] }));
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.template.stages[0]?.nodes[0]?.rules).toMatchObject({
        scope: { zh: [], en: [] },
        products: { zh: [], en: [] },
        names: { zh: [], en: [] },
      });
    }
  });

  it('says a missing field is required, naming the node and the field', () => {
    const checked = validateChainTemplate(template({}, { name: undefined }));
    expect(checked).toEqual({
      ok: false,
      problems: [{ node: 'demo.up.parts', field: 'name', message: 'required (an object)' }],
    });
  });
});
