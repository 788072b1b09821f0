import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml.ts';

describe('escapeHtml', () => {
  it('makes markup in data plain text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;',
    );
    expect(escapeHtml("R&D 'labs'")).toBe('R&amp;D &#39;labs&#39;');
  });

  it('leaves ordinary names alone', () => {
    expect(escapeHtml('医药制造业 2710')).toBe('医药制造业 2710');
  });
});
