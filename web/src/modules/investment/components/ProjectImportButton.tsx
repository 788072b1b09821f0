import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, asFormData } from '../../api/utils/apiClient.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { errorText, rowReasonText } from '../../i18n/utils/errorMessages.ts';
import type { ReasonParams } from '@shared/row-reasons.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

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

/** Imports projects from XLSX/CSV: all rows or none; a refusal lists each bad row's problem. */
export function ProjectImportButton({
  chainCode,
  onImported,
}: {
  chainCode: string;
  onImported: () => void;
}) {
  const { t, locale } = useI18n();
  const homeRegion = useHomeRegion();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; rows: RowError[] } | null>(null);

  const upload = async (file: File) => {
    const body = { file, chain: chainCode, region: homeRegion };
    setBusy(true);
    try {
      const result = await api.POST('/projects/import', { body, bodySerializer: asFormData });
      void message.success(t('invest.import.done', { ...result }));
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
        <Button icon={<UploadOutlined />} loading={busy} data-testid="project-import">
          {t('invest.import.button')}
        </Button>
      </Upload>
      <Modal
        open={refusal !== null}
        title={t('invest.import.refused')}
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
            { key: 'row', title: t('invest.import.row'), dataIndex: 'row', width: 70 },
            { key: 'column', title: t('invest.import.column'), dataIndex: 'column', width: 140 },
            {
              key: 'reason',
              title: t('invest.import.reason'),
              render: (_, r) => rowReasonText({ ...r, reason: r.reason ?? r.message }, locale),
            },
          ]}
        />
      </Modal>
    </>
  );
}
