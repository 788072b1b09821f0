import { parseMatchReason, type MatchReasonCode } from '@shared/match-reasons.ts';
import { interpolate } from '@shared/row-reason-messages.ts';
import type { Locale } from './Locale.ts';
import { localName } from './localName.ts';

type Text = { zh: string; en: string };

/**
 * Why a pair may be one enterprise, by code, in both languages: `{of}` says the English names were
 * compared, `{places}` the leading places that differ, `{value}` a similarity. The region a stored
 * phrase names is the pair's own (shown beside the pair), so the sentence leaves its code out.
 */
export const MATCH_REASON_MESSAGES: Readonly<Record<MatchReasonCode, Text>> = {
  SAME_USCC: { zh: '统一社会信用代码相同', en: 'same USCC' },
  DIFFERENT_USCC: { zh: '统一社会信用代码不同', en: 'different USCC' },
  SAME_NAME_IN_REGION: {
    zh: '同一城市内规范化名称{of}相同',
    en: 'same normalised name{of} in the same city',
  },
  SAME_NAME_OTHER_CITIES: {
    zh: '规范化名称{of}相同，但在不同城市',
    en: 'same normalised name{of} in different cities',
  },
  SAME_NAME: { zh: '规范化名称{of}相同', en: 'same normalised name{of}' },
  PLACE_VARIANT_OTHER_CITIES: {
    zh: '除开头地名（{places}）外名称相同，但在不同城市',
    en: 'same name apart from the leading place ({places}), different cities',
  },
  PLACE_VARIANT_IN_REGION: {
    zh: '除开头地名（{places}）外名称相同，同一城市',
    en: 'same name apart from the leading place ({places}), same city',
  },
  PLACE_VARIANT: {
    zh: '除开头地名（{places}）外名称相同',
    en: 'same name apart from the leading place ({places})',
  },
  ABBREVIATION: { zh: '一个名称{of}是另一个的简称', en: 'one name{of} abbreviates the other' },
  DIFFERENT_CITIES: { zh: '不在同一城市', en: 'different cities' },
  NAME_SIMILARITY: { zh: '名称{of}相似度 {value}', en: 'name{of} similarity {value}' },
  ADDRESS_SIMILARITY: { zh: '地址相似度 {value}', en: 'address similarity {value}' },
  BRANCH_OF_HEAD_OFFICE: { zh: '分支机构与其总部', en: 'a branch and its head office' },
  TWO_BRANCHES: { zh: '两个不同的分支机构', en: 'two different branches' },
  DIFFERENT_NUMBERS: { zh: '名称中的数字不同', en: 'different numbers in the names' },
  ROW_WITHOUT_USCC: {
    zh: '导入行没有统一社会信用代码却与已登记企业相符：请核对后再合并',
    en: 'a row without USCC matches a registered enterprise: review before merging',
  },
};

const ENGLISH_NAMES: Text = { zh: '（英文名）', en: ' (English)' };

/** A stored reason in the reader's language; the stored phrase when this version does not know it. */
export function matchReasonText(reason: string, locale: Locale): string {
  const parsed = parseMatchReason(reason);
  if (!parsed) return reason;
  const of = parsed.params.english ? localName(ENGLISH_NAMES, locale) : '';
  return interpolate(localName(MATCH_REASON_MESSAGES[parsed.code], locale), {
    ...parsed.params,
    of,
  });
}
