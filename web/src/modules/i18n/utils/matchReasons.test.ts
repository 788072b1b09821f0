import { MATCH_REASON_CODES, matchReasonPhrase as storedPhrase } from '@shared/match-reasons.ts';
import { describe, expect, it } from 'vitest';
import { MATCH_REASON_MESSAGES, matchReasonText } from './matchReasons.ts';

const CJK = /[\u3400-\u9fff]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('match reasons in the reader language', () => {
  it.each(MATCH_REASON_CODES)(
    '%s has Chinese and English text with the same parameters',
    (code) => {
      const text = MATCH_REASON_MESSAGES[code];
      expect(text.zh).toMatch(CJK);
      expect(text.en).not.toMatch(CJK);
      expect(placeholders(text.zh)).toEqual(placeholders(text.en));
    },
  );

  it('says a stored phrase in Chinese or English, and an unknown one as stored', () => {
    const similarity = storedPhrase('NAME_SIMILARITY', { english: '1', value: '0.92' });
    expect(matchReasonText(similarity, 'zh-CN')).toBe('名称（英文名）相似度 0.92');
    expect(matchReasonText(similarity, 'en')).toBe('name (English) similarity 0.92');
    expect(matchReasonText('same normalised name in region 320214', 'zh-CN')).toBe(
      '同一城市内规范化名称相同',
    );
    expect(matchReasonText('different numbers in the names', 'zh-CN')).toBe('名称中的数字不同');
    expect(matchReasonText('something new', 'zh-CN')).toBe('something new');
  });
});
