import type { RegionMatch } from '@shared/api/regions.ts';
import { Select } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { regionMatchLabel, useRegionMatch } from '../hooks/useRegionMatch.ts';

/**
 * A region chosen by name: type 无锡, wuxi, wx or 3202 and pick from the matches, each shown as
 * its path from the province. The server searches (pinyin stays out of the web bundle).
 */
export function RegionSearchSelect({
  value,
  onChange,
  within,
  style,
  testId = 'region-search',
}: {
  /** Optional inside a Form.Item, which passes them itself. */
  value?: string | undefined;
  onChange?: (code: string) => void;
  within?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<RegionMatch[]>([]);
  // The chosen region's own name, found by its code.
  const chosen = useRegionMatch(value);
  useEffect(() => {
    const q = text.trim();
    if (q === '') return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .GET('/regions/search', { params: { query: { q, within, limit: 20 } } })
        .then((list) => {
          if (!cancelled) setMatches(list.items);
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, within]);

  const options = [
    ...(chosen && !matches.some((m) => m.code === chosen.code) ? [chosen] : []),
    ...matches,
  ].map((m) => ({
    value: m.code,
    label: regionMatchLabel(m, locale),
  }));
  return (
    <Select
      showSearch
      value={value}
      filterOption={false}
      onSearch={setText}
      onChange={onChange}
      options={options}
      placeholder={t('region.search')}
      notFoundContent={null}
      style={{ minWidth: 220, ...style }}
      labelRender={(p) => <DataText>{p.label}</DataText>}
      optionRender={(option) => <DataText>{option.label}</DataText>}
      data-testid={testId}
    />
  );
}
