import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import type { ReasonParams } from '@shared/row-reasons.ts';
import { ApiError } from '../../api/utils/ApiError.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { errorText, rowReasonText } from '../../i18n/utils/errorMessages.ts';

interface RowError {
  row?: number;
  column?: string;
  reason?: string;
  message?: string;
  code?: string;
  params?: ReasonParams;
}

/** The row errors a refused import carries in `details` (any shape the server sends). */
function rowErrorsOf(details: unknown): RowError[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && 'errors' in details
      ? details.errors
      : [];
  return Array.isArray(list) ? (list as RowError[]) : [];
}

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
  const [refusal, setRefusal] = useState<{ message: string; rows: RowError[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      void message.success(await send(file));
      onImported();
    } catch (error) {
      if (error instanceof ApiError)
        setRefusal({ message: errorText(error, locale), rows: rowErrorsOf(error.details) });
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
      <Modal
        open={refusal !== null}
        title={t('common.import.refused')}
        footer={null}
        onCancel={() => setRefusal(null)}
        width={720}
      >
        <p>{refusal?.message}</p>
        <Table<RowError>
          rowKey={(r, i) => `${r.row ?? ''}-${r.column ?? ''}-${i ?? 0}`}
          size="small"
          pagination={false}
          dataSource={refusal?.rows ?? []}
          data-testid="import-row-errors"
          columns={[
            { key: 'row', title: t('common.import.row'), dataIndex: 'row', width: 70 },
            { key: 'column', title: t('common.import.column'), dataIndex: 'column', width: 140 },
            {
              key: 'reason',
              title: t('common.import.reason'),
              render: (_, r) => rowReasonText({ ...r, reason: r.reason ?? r.message }, locale),
            },
          ]}
        />
      </Modal>
    </>
  );
}
