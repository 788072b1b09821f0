import { describe, expect, it } from 'vitest';
import { auditActionName, auditEntityLabel, auditEntityName } from './auditNames.ts';

describe('audit names', () => {
  it('names actions by their entity and what was done, in both languages', () => {
    expect(auditActionName('space.retire', 'zh-CN')).toBe('园区空间 · 停用');
    expect(auditActionName('session.login', 'en')).toBe('Session · sign-in');
    expect(auditActionName('enterprise.merge.undo', 'zh-CN')).toBe('企业 · 撤销合并');
    expect(auditActionName('problem.close', 'zh-CN')).toMatch(/^企业诉求 · \S+/);
    expect(auditEntityName('user', 'en')).toBe('User');
  });

  it('names every action the server writes to the log', () => {
    // The services' sources, read as text (Vite's glob): each `action: 'x.y'`, or either side of
    // a ternary there, is a code the log holds.
    const sources = import.meta.glob<string>(
      ['../../../../../src/services/**/*.ts', '!**/*.test.ts'],
      { query: '?raw', import: 'default', eager: true },
    );
    const codes = new Set<string>();
    for (const text of Object.values(sources))
      for (const [, expression] of text.matchAll(/\baction:\s*([^\n]*)/g))
        for (const [, code] of (expression ?? '').matchAll(/'([a-z_]+(?:\.[a-z_-]+)+)'/g))
          if (code) codes.add(code);
    expect(codes.size).toBeGreaterThan(50);
    const unnamed = [...codes].filter((code) => auditActionName(code, 'zh-CN') === code);
    expect(unnamed).toEqual([]);
  });

  it('shows a code it does not know as it is', () => {
    expect(auditActionName('rocket.launch', 'en')).toBe('rocket.launch');
    expect(auditActionName('problem.teleport', 'en')).toBe('problem.teleport');
    expect(auditEntityName('rocket', 'zh-CN')).toBe('rocket');
  });

  it("names the entity as its entry's snapshot called it", () => {
    expect(auditEntityLabel({ after: { username: 'wang.fang', role: 'park' } }, 'zh-CN')).toBe(
      'wang.fang',
    );
    // A deletion has only its before; a name beats a username, a title a code.
    expect(
      auditEntityLabel({ before: { code: 'E2E-102', name: '一号厂房' }, after: null }, 'en'),
    ).toBe('一号厂房');
    expect(auditEntityLabel({ after: { name: { zh: '生物医药', en: 'Biomedicine' } } }, 'en')).toBe(
      'Biomedicine',
    );
    expect(auditEntityLabel({ after: { stage: 'closed' } }, 'zh-CN')).toBeNull();
    expect(auditEntityLabel({ after: ['x'] }, 'zh-CN')).toBeNull();
  });
});
