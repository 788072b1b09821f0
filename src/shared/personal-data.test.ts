import { describe, expect, it } from 'vitest';
import {
  maskName,
  maskPersonalData,
  maskPhone,
  mayIncludePersonalData,
  personalDataAccessFor,
} from './personal-data.ts';
import { ROLES } from './permissions.ts';

describe('personal data: the one masking rule', () => {
  it('masks a name to its first character and a phone to its first three and last four', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('*');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0510-85123456')).toBe('051****3456');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('shows contacts whole to admin, office, department and firm; masked to the leader and park', () => {
    const contact = { contactName: '张三丰', contactPhone: '13812345678', title: 't' };
    const seen = Object.fromEntries(
      ROLES.map((role) => [role, maskPersonalData(personalDataAccessFor(role), contact)]),
    );
    for (const role of ['admin', 'office', 'department', 'firm'] as const) {
      expect(seen[role], role).toEqual(contact);
      expect(mayIncludePersonalData(role)).toBe(true);
    }
    for (const role of ['chain_leader', 'park'] as const) {
      expect(seen[role], role).toEqual({
        ...contact,
        contactName: '张**',
        contactPhone: '138****5678',
      });
      expect(mayIncludePersonalData(role)).toBe(false);
    }
    for (const role of ['analyst', 'viewer', 'investment'] as const) {
      expect(seen[role], role).toEqual({ ...contact, contactName: null, contactPhone: null });
    }
  });

  it('masks exports by default, even for roles that see contacts whole', () => {
    expect(personalDataAccessFor('office', { export: true })).toBe('masked');
    expect(personalDataAccessFor('office', { export: true, includePersonalData: true })).toBe(
      'full',
    );
    expect(personalDataAccessFor('park', { export: true, includePersonalData: true })).toBe(
      'masked',
    );
    expect(personalDataAccessFor('viewer', { export: true })).toBe('hidden');
  });
});
