import type { FirmAccountsResult } from '@shared/api/users.ts';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, asFormData } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import {
  ImportRefusalModal,
  importRowErrorsOf,
  type ImportRefusal,
} from '../../ui/components/ImportRefusalModal.tsx';
import { accountsCsv } from '../utils/accountsCsv.ts';

/**
 * 企业账号 in bulk from a CSV/XLSX: all rows or none. A refusal lists each bad row; success shows
 * the one-time passwords once, with a CSV to download (they are not shown again).
 */
export function FirmAccountsUpload({ onCreated }: { onCreated: () => void }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<FirmAccountsResult['created'] | null>(null);
  const [refusal, setRefusal] = useState<ImportRefusal | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const result = await api.POST('/users/firm-accounts', {
        body: { file },
        bodySerializer: asFormData,
      });
      setCreated((result as FirmAccountsResult).created);
      onCreated();
    } catch (error) {
      if (error instanceof ApiError)
        setRefusal({ message: errorText(error, locale), rows: importRowErrorsOf(error.details) });
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  const download = () => {
    if (!created) return;
    const url = URL.createObjectURL(new Blob([accountsCsv(created)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'firm-accounts.csv';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <Upload
        showUploadList={false}
        accept=".xlsx,.csv"
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="firm-accounts-upload">
          {t('admin.users.firmUpload')}
        </Button>
      </Upload>
      <Modal
        open={created !== null}
        title={t('admin.users.firmCreated', { count: created?.length ?? 0 })}
        onCancel={() => setCreated(null)}
        footer={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={download} data-testid="firm-accounts-csv">
              {t('admin.users.firmCsv')}
            </Button>
            <Button type="primary" onClick={() => setCreated(null)}>
              {t('admin.users.firmDone')}
            </Button>
          </Space>
        }
        width={720}
      >
        <Alert
          type="warning"
          showIcon
          message={t('admin.users.firmOnce')}
          style={{ marginBottom: 8 }}
        />
        <Table
          rowKey="username"
          size="small"
          pagination={false}
          dataSource={created ?? []}
          data-testid="firm-accounts-created"
          columns={[
            { key: 'row', title: t('common.import.row'), dataIndex: 'row', width: 60 },
            { key: 'username', title: t('admin.users.username'), dataIndex: 'username' },
            {
              key: 'enterprise',
              title: t('admin.users.enterprise'),
              render: (_, a) => <DataText>{a.enterpriseName}</DataText>,
            },
            {
              key: 'password',
              title: t('admin.users.password'),
              render: (_, a) => <code>{a.password}</code>,
            },
          ]}
        />
      </Modal>
      <ImportRefusalModal
        refusal={refusal}
        title={t('admin.users.firmRefused')}
        testId="firm-accounts-errors"
        onClose={() => setRefusal(null)}
      />
    </>
  );
}
