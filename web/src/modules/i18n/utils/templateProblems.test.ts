import { TEMPLATE_PROBLEM_CODES } from '@shared/template-problems.ts';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_PROBLEM_MESSAGES, templateProblemLine } from './templateProblems.ts';

const CJK = /[\u3400-\u9fff]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('template problems', () => {
  it.each(TEMPLATE_PROBLEM_CODES)(
    '%s has Chinese and English text with the same parameters',
    (code) => {
      const text = TEMPLATE_PROBLEM_MESSAGES[code];
      if (code !== 'INVALID') expect(text.zh).toMatch(CJK);
      expect(text.en).not.toMatch(CJK);
      expect(placeholders(text.zh)).toEqual(placeholders(text.en));
    },
  );

  it('says a problem in the reader language, located by node and field', () => {
    const required = {
      node: 'demo.up.parts',
      field: 'name',
      code: 'REQUIRED' as const,
      params: { what: 'object' },
      message: 'required (an object)',
    };
    expect(templateProblemLine(required, 'zh-CN')).toBe(
      '环节 demo.up.parts，字段 name：必填（对象）',
    );
    expect(templateProblemLine(required, 'en')).toBe(
      'node demo.up.parts, field name: required (an object)',
    );
    const prefix = {
      node: 'demo.mid.x',
      field: 'code',
      code: 'CODE_PREFIX' as const,
      params: { prefix: 'demo.up.' },
      message: 'must start with "demo.up."',
    };
    expect(templateProblemLine(prefix, 'zh-CN')).toBe(
      '环节 demo.mid.x，字段 code：应以“demo.up.”开头',
    );
  });

  it('falls back to the server English for a code it does not know', () => {
    const unknown = {
      node: null,
      field: 'x',
      code: 'NEW' as never,
      params: {},
      message: 'new rule',
    };
    expect(templateProblemLine(unknown, 'zh-CN')).toBe('字段 x：new rule');
  });
});
