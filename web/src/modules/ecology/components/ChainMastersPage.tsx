import type { ChainMasterSummary } from '@shared/api/links.ts';
import { formatDate, formatNumber, formatPercent } from '@shared/format.ts';
import { Alert, Card, Select, Space, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { useChainRegion } from '../../chains/hooks/useChainRegion.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { langOf } from '../../i18n/utils/langOf.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { DefinedTerm } from '../../ui/components/DefinedTerm.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { NodeLinksCard } from './NodeLinksCard.tsx';
import { regionSelectOptions } from '../../chains/utils/regionOptions.ts';

/** 链主生态: the chain's chain masters in a region, each with its local supporting rate. */
export function ChainMastersPage() {
  const { t, locale } = useI18n();
  const chainPath = useChainPath();
  const { chainCode, regionCode, cities, setRegion, unresolved } = useChainRegion();
  const masters = useApiQuery(
    chainCode && regionCode
      ? apiGet('/chains/{code}/chain-masters', {
          params: { path: { code: chainCode }, query: { region: regionCode } },
        })
      : null,
  );
  if (unresolved) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  if (masters.error) return <ApiErrorAlert error={masters.error} onRetry={masters.reload} />;
  const data = masters.data;
  if (!data) return <PageSpinner />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="chain-masters">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('ecology.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {localName(data.chain.name, locale)} ·{' '}
            {t('ecology.subtitle', { date: formatDate(data.asOf, langOf(locale)) })}
          </Typography.Text>
        </div>
        <Select
          value={regionCode}
          onChange={setRegion}
          options={regionSelectOptions(
            cities,
            regionCode ? { code: regionCode, name: regionCode } : undefined,
            locale,
          )}
          style={{ minWidth: 140 }}
          labelRender={(p) => <DataText>{p.label}</DataText>}
          data-testid="chain-masters-region"
        />
      </div>
      <Card>
        <Statistic
          title={
            <DefinedTerm label={t('ecology.average')} definition={t('ecology.rateDefinition')} />
          }
          value={formatPercent(data.average.byCount)}
          data-testid="chain-masters-average"
        />
        <Typography.Text type="secondary">
          {t('ecology.averageNote', {
            count: data.average.masters,
            amount: formatPercent(data.average.byAmount),
          })}
        </Typography.Text>
      </Card>
      <Table<ChainMasterSummary>
        rowKey="id"
        dataSource={data.items}
        pagination={false}
        locale={{ emptyText: t('ecology.none') }}
        data-testid="chain-masters-table"
        columns={[
          {
            title: t('ecology.master'),
            key: 'name',
            render: (_, m) => (
              <Link to={chainPath(`/chain-masters/${m.id}`)} data-testid="chain-master-link">
                <DataText>{m.name}</DataText>
              </Link>
            ),
          },
          {
            title: t('ecology.node'),
            key: 'node',
            render: (_, m) => (m.node ? localName(m.node.name, locale) : t('ecology.unplaced')),
          },
          {
            title: t('ecology.suppliers'),
            key: 'suppliers',
            align: 'right',
            render: (_, m) => formatNumber(m.suppliers),
          },
          {
            title: t('ecology.localSuppliers'),
            key: 'local',
            align: 'right',
            render: (_, m) => formatNumber(m.rate.local),
          },
          {
            title: t('ecology.customers'),
            key: 'customers',
            align: 'right',
            render: (_, m) => formatNumber(m.customers),
          },
          {
            title: t('ecology.rateByCount'),
            key: 'rate',
            align: 'right',
            render: (_, m) => formatPercent(m.rate.byCount),
          },
          {
            title: t('ecology.rateByAmount'),
            key: 'rateAmount',
            align: 'right',
            render: (_, m) => formatPercent(m.rate.byAmount),
          },
        ]}
      />
      {chainCode && regionCode && <NodeLinksCard chainCode={chainCode} regionCode={regionCode} />}
    </Space>
  );
}
