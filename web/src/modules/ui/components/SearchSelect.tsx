import { Select } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import type { ApiGetRequest } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';

/**
 * Picks one record by typing part of its name (a form control): each text typed is searched on
 * the server by `search`, and the records found are offered by name.
 */
export function SearchSelect<T extends { id: number; name: string }>({
  value,
  onChange,
  search,
  placeholder,
  testId,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** The GET that finds records for the text typed (trimmed, not empty). */
  search: (text: string) => ApiGetRequest<{ items: T[] }>;
  placeholder: string;
  testId: string;
}) {
  const [text, setText] = useState('');
  const q = text.trim();
  const found = useApiQuery(q.length > 0 ? search(q) : null);
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={(id?: number) => onChange?.(id)}
      filterOption={false}
      onSearch={setText}
      loading={found.loading}
      placeholder={placeholder}
      notFoundContent={null}
      data-testid={testId}
      options={(found.data?.items ?? []).slice(0, 20).map((item) => ({
        value: item.id,
        label: <DataText>{item.name}</DataText>,
      }))}
    />
  );
}
