import { describe, expect, it } from 'vitest';
import { asFormData } from './apiClient.ts';

describe('asFormData', () => {
  it('appends the file after every other field, whatever the key order', () => {
    const file = new File(['name\n'], 'companies.csv');
    const form = asFormData({ file, source: 'registry', strict: true, region: undefined, n: 3 });
    expect([...form.keys()]).toEqual(['source', 'strict', 'n', 'file']);
    expect(form.get('strict')).toBe('true');
    expect(form.get('file')).toBeInstanceOf(File);
  });
});
