import { describe, expect, it } from 'vitest';
import { isPhoneText } from './phone-text.ts';

describe('isPhoneText', () => {
  it('takes phone numbers as people write them', () => {
    for (const phone of [
      '13800000000',
      '138 0000 0000',
      '+86 138-0000-0000',
      '0510-85123456',
      '0510-85123456转8001',
      '（0510）８５１２３４５６',
      '0510-85123456 ext. 12',
      '13800000000、0510-85123456',
      '138****0000',
    ])
      expect(isPhoneText(phone), phone).toBe(true);
  });

  it('refuses words, too few digits and anything else', () => {
    for (const text of ['abc-not-a-phone', '1234', '张三 13800000000', 'tel:13800000000', '无'])
      expect(isPhoneText(text), text).toBe(false);
  });
});
