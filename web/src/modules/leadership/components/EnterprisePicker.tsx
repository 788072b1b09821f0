import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

interface Option {
  value: number;
  label: string;
}

/** Pick enterprises by typing part of a name (searched in the registry of the region). */
export function EnterprisePicker({
  regionCode,
  value,
  onChange,
}: {
  regionCode: string;
  value?: number[];
  onChange?: (ids: number[]) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [picked, setPicked] = useState<Option[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (text.trim().length < 2) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      api
        .GET('/enterprises', {
          params: { query: { q: text.trim(), region: regionCode, pageSize: 20 } },
          signal: controller.signal,
        })
        .then(
          (found) => setOptions(found.items.map((e) => ({ value: e.id, label: e.name }))),
          () => setOptions([]),
        )
        .finally(() => setSearching(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, regionCode]);

  // Chosen enterprises stay listed (by name) when the search text changes.
  const shown = [...picked, ...options.filter((o) => !picked.some((p) => p.value === o.value))];
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setText}
      value={value ?? []}
      onChange={(ids: number[]) => {
        setPicked(shown.filter((o) => ids.includes(o.value)));
        onChange?.(ids);
      }}
      notFoundContent={searching ? <Spin size="small" /> : t('leader.enterpriseSearch')}
      placeholder={t('leader.enterpriseSearch')}
      data-testid="activity-enterprises"
      options={shown.map((o) => ({ value: o.value, label: <DataText>{o.label}</DataText> }))}
    />
  );
}
