import { api, asFormData } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { SpreadsheetImportButton } from '../../ui/components/SpreadsheetImportButton.tsx';

/** Imports projects from XLSX/CSV: all rows or none; a refusal lists each bad row's problem. */
export function ProjectImportButton({
  chainCode,
  onImported,
}: {
  chainCode: string;
  onImported: () => void;
}) {
  const { t } = useI18n();
  const homeRegion = useHomeRegion();
  return (
    <SpreadsheetImportButton
      label={t('invest.import.button')}
      testId="project-import"
      onImported={onImported}
      send={async (file) => {
        const body = { file, chain: chainCode, region: homeRegion };
        const result = await api.POST('/projects/import', { body, bodySerializer: asFormData });
        return t('invest.import.done', { ...result });
      }}
    />
  );
}
