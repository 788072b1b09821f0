import { describe, expect, it } from 'vitest';
import { auditActionName, auditEntityName } from './auditNames.ts';

describe('audit names', () => {
  it('names actions by their entity and what was done, in both languages', () => {
    expect(auditActionName('space.retire', 'zh-CN')).toBe('园区空间 · 停用');
    expect(auditActionName('session.login', 'en')).toBe('Session · sign-in');
    expect(auditActionName('enterprise.merge.undo', 'zh-CN')).toBe('企业 · 撤销合并');
    expect(auditActionName('problem.close', 'zh-CN')).toMatch(/^企业诉求 · \S+/);
    expect(auditEntityName('user', 'en')).toBe('User');
  });

  it('shows a code it does not know as it is', () => {
    expect(auditActionName('rocket.launch', 'en')).toBe('rocket.launch');
    expect(auditActionName('problem.teleport', 'en')).toBe('problem.teleport');
    expect(auditEntityName('rocket', 'zh-CN')).toBe('rocket');
  });
});
