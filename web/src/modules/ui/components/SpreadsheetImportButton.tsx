import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/utils/ApiError.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import {
  ImportRefusalModal,
  importRowErrorsOf,
  type ImportRefusal,
} from './ImportRefusalModal.tsx';

/**
 * Uploads an XLSX/CSV file through `send` (all rows or none): on success shows what `send`
 * answers, on a refusal lists each bad row with its column and reason, nothing written.
 */
export function SpreadsheetImportButton({
  label,
  send,
  onImported,
  testId,
}: {
  label: string;
  /** Sends the file; answers the success message. An ApiError is a refusal. */
  send: (file: File) => Promise<string>;
  onImported: () => void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ImportRefusal | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      void message.success(await send(file));
      onImported();
    } catch (error) {
      if (error instanceof ApiError)
        setRefusal({ message: errorText(error, locale), rows: importRowErrorsOf(error.details) });
      else throw error;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Upload
        showUploadList={false}
        accept=".xlsx,.csv,.jsonl"
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          {label}
        </Button>
      </Upload>
      <ImportRefusalModal
        refusal={refusal}
        title={t('common.import.refused')}
        testId="import-row-errors"
        onClose={() => setRefusal(null)}
      />
    </>
  );
}
