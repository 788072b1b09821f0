import { api, asFormData } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { SpreadsheetImportButton } from '../../ui/components/SpreadsheetImportButton.tsx';

/**
 * Imports problems from a 12345 hotline export or any XLSX/CSV with the columns docs/problems.md
 * lists: all rows or none; rows whose ticket number the enterprise already has are skipped.
 */
export function ProblemImportButton({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  return (
    <SpreadsheetImportButton
      label={t('problems.import.button')}
      testId="problem-import"
      onImported={onImported}
      send={async (file) => {
        const result = await api.POST('/problems/import', {
          body: { file },
          bodySerializer: asFormData,
        });
        return t('problems.import.done', { imported: result.imported, skipped: result.skipped });
      }}
    />
  );
}
