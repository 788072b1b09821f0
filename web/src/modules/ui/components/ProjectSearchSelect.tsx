import { apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { SearchSelect } from './SearchSelect.tsx';

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
  return (
    <SearchSelect
      value={value}
      onChange={onChange}
      search={(q) =>
        apiGet('/projects', { params: { query: { chain: chainCode, q, status: 'all' } } })
      }
      placeholder={t('ecoForms.search')}
      testId={testId}
    />
  );
}
