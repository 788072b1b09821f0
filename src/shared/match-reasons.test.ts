import { describe, expect, it } from 'vitest';
import { MATCH_REASON_CODES, matchReasonPhrase, parseMatchReason } from './match-reasons.ts';

describe('match reasons', () => {
  const params = { english: '1', region: '320214', places: '无锡/苏州', value: '0.92' };

  it.each(MATCH_REASON_CODES)('%s reads back as itself, with its parameters', (code) => {
    const text = matchReasonPhrase(code, params);
    const parsed = parseMatchReason(text);
    expect(parsed?.code).toBe(code);
    for (const [name, value] of Object.entries(parsed?.params ?? {})) {
      expect(params[name as keyof typeof params]).toBe(value);
    }
  });

  it('reads the phrases stored before codes existed, and nothing else', () => {
    expect(parseMatchReason('same normalised name (English) in region 320214')).toEqual({
      code: 'SAME_NAME_IN_REGION',
      params: { english: '1', region: '320214' },
    });
    expect(parseMatchReason('name similarity 0.74')).toEqual({
      code: 'NAME_SIMILARITY',
      params: { value: '0.74' },
    });
    expect(parseMatchReason('same name apart from leading place 无锡, different cities')).toEqual({
      code: 'PLACE_VARIANT_OTHER_CITIES',
      params: { places: '无锡' },
    });
    expect(parseMatchReason('same normalised name')).toEqual({ code: 'SAME_NAME', params: {} });
    expect(parseMatchReason('test')).toBeNull();
  });
});
