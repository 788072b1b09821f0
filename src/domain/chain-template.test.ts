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
      problems: [
        {
          node: 'demo.up.parts',
          field: 'name',
          code: 'REQUIRED',
          params: { what: 'object' },
          message: 'required (an object)',
        },
      ],
    });
  });

  it('refuses what the database could not store, so a dry run says what the load would', () => {
    const checked = validateChainTemplate({
      ...template(
        { products: { zh: ['注射\u0000液'] } },
        { name: { zh: '零\ud800件', en: 'Parts' } },
      ),
      version: 2_147_483_648,
    });
    expect(checked.ok ? [] : checked.problems.map((p) => [p.node, p.field, p.code])).toEqual([
      [null, 'version', 'NUMBER_AT_MOST'],
      ['demo.up.parts', 'name.zh', 'INVALID'],
      ['demo.up.parts', 'rules.products.zh.0', 'INVALID'],
    ]);
    expect(checked.ok ? '' : checked.problems[1]?.message).toMatch(/must not contain NUL/);
  });

  it('gives every problem a code and parameters beside the English, for the web to word', () => {
    const shape = validateChainTemplate({
      ...template({ industryCodes: ['12'], scope: { zh: 'not a list' } }, { weight: -1 }),
      extra: true,
    });
    expect(shape.ok).toBe(false);
    const codes = shape.ok ? [] : shape.problems.map((p) => [p.field, p.code, p.params, p.message]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['(root)', 'UNKNOWN_FIELDS', { keys: 'extra' }, 'unknown field(s): extra'],
        ['weight', 'NUMBER_ABOVE', { minimum: 0 }, 'must be above 0'],
        [
          'rules.industryCodes.0.code',
          'CLASS_CODE_FORMAT',
          {},
          'must be a 4-digit GB/T 4754 class code',
        ],
        ['rules.scope.zh', 'WRONG_TYPE', { what: 'list' }, 'must be a list'],
      ]),
    );
    const consistency = validateChainTemplate({
      ...template({}, { code: 'demo.mid.parts' }),
      flows: [{ from: 'demo.mid.parts', to: 'demo.up.none' }],
    });
    expect(consistency.ok ? [] : consistency.problems).toEqual([
      {
        node: 'demo.mid.parts',
        field: 'code',
        code: 'CODE_PREFIX',
        params: { prefix: 'demo.up.' },
        message: 'must start with "demo.up."',
      },
      {
        node: null,
        field: 'flows.0',
        code: 'FLOW_UNKNOWN_NODE',
        params: { node: 'demo.up.none' },
        message: 'unknown node "demo.up.none"',
      },
    ]);
  });
});
