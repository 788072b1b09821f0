import { apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { SearchSelect } from './SearchSelect.tsx';

/** Picks one enterprise of the registry by typing part of its name or its USCC (a form control). */
export function EnterpriseSearchSelect({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: number;
  onChange?: (id: number | undefined) => void;
  placeholder?: string;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <SearchSelect
      value={value}
      onChange={onChange}
      search={(q) => apiGet('/enterprises', { params: { query: { q, pageSize: 20 } } })}
      placeholder={placeholder ?? t('ecoForms.search')}
      testId={testId}
    />
  );
}
