import { InboxOutlined } from '@ant-design/icons';
import type { ImportView } from '@shared/api/imports.ts';
import { Alert, Button, Checkbox, Form, Input, Select, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, asFormData } from '../../api/utils/apiClient.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { RegionSearchSelect } from '../../ui/components/RegionSearchSelect.tsx';

interface UploadForm {
  source?: string;
  region?: string;
  revenueUnit?: 'yuan' | 'wan' | 'yi';
  strict?: boolean;
  dryRun?: boolean;
}

/** Upload a CSV or Excel file of enterprises and start its import. */
export function ImportUploader({ onStarted }: { onStarted: (started: ImportView) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<UploadForm>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: UploadForm) => {
    if (!file?.originFileObj) return;
    const body = {
      file: file.originFileObj,
      source: values.source || undefined,
      region: values.region || undefined,
      revenueUnit: values.revenueUnit,
      strict: values.strict ? ('true' as const) : undefined,
      dryRun: values.dryRun ? ('true' as const) : undefined,
    };
    setBusy(true);
    setError(null);
    try {
      onStarted(await api.POST('/imports', { body, bodySerializer: asFormData }));
      setFile(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? errorText(caught, locale) : t('error.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<UploadForm> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
      <Upload.Dragger
        accept=".csv,.xlsx,.jsonl,.txt"
        maxCount={1}
        fileList={file ? [file] : []}
        beforeUpload={() => false}
        onChange={({ fileList }) => setFile(fileList.at(-1) ?? null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.drop')}</p>
        <p className="ant-upload-hint">{t('imports.dropHint')}</p>
      </Upload.Dragger>
      <Space wrap style={{ marginTop: 16 }} align="end">
        <Form.Item name="source" label={t('imports.source')} style={{ marginBottom: 0 }}>
          <Input placeholder={t('imports.sourcePlaceholder')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="region" label={t('imports.region')} style={{ marginBottom: 0 }}>
          {/* Chosen by name or pinyin: the form still sends the region's code. */}
          <RegionSearchSelect testId="import-region" />
        </Form.Item>
        <Form.Item name="revenueUnit" label={t('imports.revenueUnit')} style={{ marginBottom: 0 }}>
          <Select
            allowClear
            placeholder={t('imports.revenueUnitAuto')}
            style={{ width: 150 }}
            options={(['yuan', 'wan', 'yi'] as const).map((unit) => ({
              value: unit,
              label: t(`imports.unit.${unit}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="strict" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('imports.strict')}</Checkbox>
        </Form.Item>
        <Form.Item name="dryRun" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('imports.dryRun')}</Checkbox>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          disabled={!file}
          loading={busy}
          data-testid="import-start"
        >
          {t('imports.start')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
    </Form>
  );
}
