import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet, apiUrl } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { useEnterpriseListState } from '../hooks/useEnterpriseListState.ts';
import { enterpriseFilterQuery } from '../utils/enterpriseFilterQuery.ts';
import { EnterpriseFilters } from './EnterpriseFilters.tsx';
import { EnterpriseTable } from './EnterpriseTable.tsx';

/** 企业库: the registry, searched, filtered, sorted and paged by the server; Excel export. */
export function EnterprisesPage() {
  const { t } = useI18n();
  const [state, update] = useEnterpriseListState();
  const chainCode = useChainCode();
  const list = useApiQuery(
    apiGet('/enterprises', { params: { query: enterpriseFilterQuery(state, true, chainCode) } }),
  );
  const exportHref = apiUrl('/enterprises/export.xlsx', {
    query: enterpriseFilterQuery(state, false, chainCode),
  });

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('enterprises.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('enterprises.subtitle')}</Typography.Text>
        </div>
        <Button icon={<DownloadOutlined />} href={exportHref} data-testid="export-xlsx">
          {t('enterprises.export')}
        </Button>
      </div>
      <Card>
        <EnterpriseFilters state={state} update={update} />
        {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
        <EnterpriseTable
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          loading={list.loading}
          state={state}
          update={update}
        />
      </Card>
    </>
  );
}
