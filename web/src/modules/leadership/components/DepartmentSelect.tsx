import { Select } from 'antd';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';
import { useDepartments } from '../hooks/useDepartments.ts';

/** Pick the owner department of a 督办 item by name (a Form.Item control). */
export function DepartmentSelect({
  value,
  onChange,
  testId,
}: {
  value?: number;
  onChange?: (id: number) => void;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const departments = useDepartments();
  return (
    <Select
      showSearch
      optionFilterProp="search"
      value={value}
      onChange={onChange}
      placeholder={t('leader.supervision.owner')}
      style={{ minWidth: 220 }}
      data-testid={testId}
      options={departments.map((d) => ({
        value: d.id,
        search: `${d.name} ${d.nameEn ?? ''}`,
        label: <DataText>{nameIn(d.name, d.nameEn, locale)}</DataText>,
      }))}
    />
  );
}
