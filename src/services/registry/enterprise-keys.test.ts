import { describe, expect, it } from 'vitest';
import { blockingKeys } from '../../domain/entity-matching.ts';
import { buildUscc } from '../../domain/uscc.ts';
import { enterpriseKeys } from './enterprise-keys.ts';

describe('enterpriseKeys', () => {
  const uscc = buildUscc('320214', 'MA1XYW12');
  const record = { name: '无锡药明康德新药开发股份有限公司', regionCode: '320214', uscc };

  it('scopes every name key to the city and stores no USCC key', () => {
    const { nameKey, matchKeys } = enterpriseKeys(record);
    expect(nameKey).not.toBe('');
    // The USCC is a blocking key when two files are matched, but not among the stored keys.
    expect(blockingKeys(record)).toContain(`u:${uscc}`);
    expect(matchKeys.some((key) => key.includes('u:'))).toBe(false);
    expect(matchKeys.length).toBeGreaterThan(0);
    for (const key of matchKeys) expect(key.startsWith('3202|')).toBe(true);
  });

  it('gives a registered and an unregistered record of the same name the same keys', () => {
    expect(enterpriseKeys(record)).toEqual(enterpriseKeys({ ...record, uscc: null }));
  });
});
