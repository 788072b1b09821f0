/**
 * Why two records may be one enterprise: the matcher's reasons. They are stored and printed as short
 * English phrases (the duplicate queue's `reasons`, the CLI, the API). Every phrase is written by
 * `matchReasonPhrase` and read back by `parseMatchReason` into its code and parameters, so the web app
 * can say it in the reader's language, also for pairs queued before a phrase was added.
 */
export const MATCH_REASON_CODES = [
  'SAME_USCC',
  'DIFFERENT_USCC',
  'SAME_NAME_IN_REGION',
  'SAME_NAME_OTHER_CITIES',
  'SAME_NAME',
  'PLACE_VARIANT_OTHER_CITIES',
  'PLACE_VARIANT_IN_REGION',
  'PLACE_VARIANT',
  'ABBREVIATION',
  'DIFFERENT_CITIES',
  'NAME_SIMILARITY',
  'ADDRESS_SIMILARITY',
  'BRANCH_OF_HEAD_OFFICE',
  'TWO_BRANCHES',
  'DIFFERENT_NUMBERS',
  'ROW_WITHOUT_USCC',
] as const;

export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/**
 * A reason's parameters: `english` ('1' when the English names were compared), `region` (a region
 * code), `places` (the leading places that differ, 无锡/苏州), `value` (a similarity, 0.00–1.00).
 */
export type MatchReasonParams = Readonly<
  Partial<Record<'english' | 'region' | 'places' | 'value', string>>
>;

export interface MatchReason {
  code: MatchReasonCode;
  params: MatchReasonParams;
}

const ENGLISH = ' (English)';

/** Each code's English phrase, with `{param}` placeholders; `{of}` is ENGLISH or nothing. */
const PHRASES: Readonly<Record<MatchReasonCode, string>> = {
  SAME_USCC: 'same USCC',
  DIFFERENT_USCC: 'different USCC',
  SAME_NAME_IN_REGION: 'same normalised name{of} in region {region}',
  SAME_NAME_OTHER_CITIES: 'same normalised name{of} in different cities',
  SAME_NAME: 'same normalised name{of}',
  PLACE_VARIANT_OTHER_CITIES: 'same name apart from leading place {places}, different cities',
  PLACE_VARIANT_IN_REGION: 'same name apart from leading place {places} in region {region}',
  PLACE_VARIANT: 'same name apart from leading place {places}',
  ABBREVIATION: 'one name abbreviates the other{of}',
  DIFFERENT_CITIES: 'different cities',
  NAME_SIMILARITY: 'name similarity{of} {value}',
  ADDRESS_SIMILARITY: 'address similarity {value}',
  BRANCH_OF_HEAD_OFFICE: 'a branch and its head office',
  TWO_BRANCHES: 'two different branches',
  DIFFERENT_NUMBERS: 'different numbers in the names',
  ROW_WITHOUT_USCC: 'a row without USCC matches a registered enterprise: review before merging',
};

/** The English phrase of a reason (what is stored). */
export function matchReasonPhrase(code: MatchReasonCode, params: MatchReasonParams = {}): string {
  return PHRASES[code].replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'of'
      ? params.english
        ? ENGLISH
        : ''
      : (params[name as keyof MatchReasonParams] ?? ''),
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each phrase as a pattern, in the order above (a longer phrase before its own prefix). */
const PATTERNS: readonly [MatchReasonCode, RegExp][] = MATCH_REASON_CODES.map((code) => {
  const pattern = escapeRegExp(PHRASES[code])
    .replace('\\{of\\}', `(?<english>${escapeRegExp(ENGLISH)})?`)
    .replace('\\{places\\}', '(?<places>.+?)')
    .replace('\\{region\\}', '(?<region>\\S+)')
    .replace('\\{value\\}', '(?<value>[0-9.]+)');
  return [code, new RegExp(`^${pattern}$`)];
});

/** A stored phrase's code and parameters; null for a phrase this version does not write. */
export function parseMatchReason(text: string): MatchReason | null {
  for (const [code, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value === undefined) continue;
      params[name] = name === 'english' ? '1' : value;
    }
    return { code, params };
  }
  return null;
}
