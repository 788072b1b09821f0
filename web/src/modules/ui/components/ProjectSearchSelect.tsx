import { Select } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** Picks one project of a chain's pipeline by typing part of its name (a form control). */
export function ProjectSearchSelect({
  value,
  onChange,
  chainCode,
  testId,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  chainCode: string;
  testId: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = text.trim();
  const found = useApiQuery(
    q.length > 0
      ? apiGet('/projects', { params: { query: { chain: chainCode, q, status: 'all' } } })
      : null,
  );
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={(id?: number) => onChange?.(id)}
      filterOption={false}
      onSearch={setText}
      loading={found.loading}
      placeholder={t('ecoForms.search')}
      notFoundContent={null}
      data-testid={testId}
      options={(found.data?.items ?? []).slice(0, 20).map((p) => ({
        value: p.id,
        label: <DataText>{p.name}</DataText>,
      }))}
    />
  );
}
