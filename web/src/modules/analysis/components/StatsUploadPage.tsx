import { Phrase } from '../../i18n/components/Phrase.tsx';
import { InboxOutlined } from '@ant-design/icons';
import type { StatsImport } from '@shared/api/statistics.ts';
import { REQUIRED_STAT_COLUMNS, STAT_COLUMNS } from '@shared/stat-columns.ts';
import { Alert, Button, Card, Descriptions, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, asFormData } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useLoadedStats } from '../hooks/useLoadedStats.ts';
import { LoadedStatsTable } from './LoadedStatsTable.tsx';
import { StatsRowErrors, type StatsRowError } from './StatsRowErrors.tsx';

/** The row errors a 400 carries in `details.errors`, when it carries them. */
function rowErrors(error: ApiError): StatsRowError[] {
  const details = error.details as { errors?: StatsRowError[] } | undefined;
  return Array.isArray(details?.errors) ? details.errors : [];
}

/** 统计数据上传: a CSV or XLSX of regional statistics, all rows or none. */
export function StatsUploadPage() {
  const { t, locale } = useI18n();
  const loaded = useLoadedStats();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<StatsImport | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const upload = async () => {
    if (!file?.originFileObj) return;
    const body = { file: file.originFileObj };
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await api.POST('/statistics/imports', { body, bodySerializer: asFormData }));
      setFile(null);
      loaded.query.reload();
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught : new ApiError(0, 'INTERNAL', String(caught)));
    } finally {
      setBusy(false);
    }
  };
  const errors = failure ? rowErrors(failure) : [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('analysis.upload.title')}>
        <Typography.Paragraph>
          <Phrase
            text={t('analysis.upload.intro')}
            slots={{ command: <Typography.Text code>chainlead import stats</Typography.Text> }}
          />
        </Typography.Paragraph>
        <Typography.Paragraph data-testid="stats-columns">
          {STAT_COLUMNS.map((column) => (
            <Typography.Text key={column} code strong={REQUIRED_STAT_COLUMNS.includes(column)}>
              {column}
            </Typography.Text>
          ))}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('analysis.upload.columnsNote')}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx,.txt"
          maxCount={1}
          fileList={file ? [file] : []}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFile(fileList.at(-1) ?? null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('analysis.upload.drop')}</p>
        </Upload.Dragger>
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          disabled={!file}
          loading={busy}
          onClick={() => void upload()}
          data-testid="stats-upload"
        >
          {t('analysis.upload.start')}
        </Button>
      </Card>
      {failure && (
        <Card title={t('analysis.upload.refused')} data-testid="stats-refused">
          <Alert
            type="error"
            showIcon
            message={errorText(failure, locale)}
            style={{ marginBottom: errors.length ? 16 : 0 }}
          />
          {errors.length > 0 && <StatsRowErrors errors={errors} />}
        </Card>
      )}
      {result && (
        <Card title={t('analysis.upload.done', { file: result.file })} data-testid="stats-summary">
          <Descriptions size="small" column={{ xs: 1, md: 3, xl: 5 }}>
            <Descriptions.Item label={t('analysis.upload.rowsRead')}>
              {result.rowsRead}
            </Descriptions.Item>
            <Descriptions.Item label={t('analysis.upload.inserted')}>
              <span data-testid="stats-inserted">{result.counts.inserted}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('analysis.upload.updated')}>
              {result.counts.updated}
            </Descriptions.Item>
            <Descriptions.Item label={t('analysis.upload.unchanged')}>
              {result.counts.unchanged}
            </Descriptions.Item>
            <Descriptions.Item label={t('analysis.upload.encoding')}>
              {result.encoding}
            </Descriptions.Item>
          </Descriptions>
          {result.unknownColumns.length > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('analysis.upload.ignored', { columns: result.unknownColumns.join(', ') })}
            />
          )}
        </Card>
      )}
      <Card title={t('analysis.upload.loaded')}>
        {loaded.query.error && (
          <ApiErrorAlert error={loaded.query.error} onRetry={loaded.query.reload} />
        )}
        <LoadedStatsTable
          datasets={loaded.query.data?.datasets ?? []}
          loading={loaded.query.loading}
        />
      </Card>
    </Space>
  );
}
