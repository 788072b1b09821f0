import { Alert, Card, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ImportList } from './ImportList.tsx';
import { ImportProgressCard } from './ImportProgressCard.tsx';
import { ImportUploader } from './ImportUploader.tsx';

/** Imports: upload a file (analysts), follow it, read its summary and errors; past imports. */
export function ImportsPage() {
  const { t } = useI18n();
  const canImport = useCan('enterprise:write');
  const [params, setParams] = useSearchParams();
  const selected = Number(params.get('import')) || null;
  const list = useApiQuery(apiGet('/imports'));
  const select = (id: number) => setParams({ import: String(id) });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('imports.subtitle')}</Typography.Text>
        </div>
      </div>
      {!canImport && (
        <Alert
          type="info"
          showIcon
          message={t('imports.readOnly')}
          data-testid="imports-read-only"
        />
      )}
      {canImport && (
        <Card title={t('imports.upload')}>
          <ImportUploader
            onStarted={(started) => {
              select(started.id);
              list.reload();
            }}
          />
        </Card>
      )}
      {selected !== null && (
        <ImportProgressCard key={selected} id={selected} onSettled={list.reload} />
      )}
      <Card title={t('imports.history')}>
        {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
        <ImportList
          items={list.data?.items ?? []}
          loading={list.loading}
          selected={selected}
          onSelect={select}
        />
      </Card>
    </Space>
  );
}
