import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';

/** A department's stored name (its English one in English when it has one), marked as data. */
export function DepartmentName({
  department,
}: {
  department: { name: string; nameEn: string | null } | null;
}) {
  const { locale } = useI18n();
  if (!department) return <>—</>;
  return <DataText>{nameIn(department.name, department.nameEn, locale)}</DataText>;
}
