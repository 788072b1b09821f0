import type { ChainMasterPartner } from '@shared/api/links.ts';
import { formatNumber, formatPercent, formatYuan } from '@shared/format.ts';
import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
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
import { ChainMasterGraph } from './ChainMasterGraph.tsx';
import { RecordLinkButton } from '../../ui/components/RecordLinkButton.tsx';

/** One chain master's network (链主生态): its rate, a graph, counts by node and every link. */
export function ChainMasterPage() {
  const { t, locale } = useI18n();
  const lang = langOf(locale);
  const { id } = useParams();
  const chainPath = useChainPath();
  const { chainCode, regionCode } = useChainRegion();
  const city = regionCode?.slice(0, 4);
  const network = useApiQuery(
    chainCode && city && id
      ? apiGet('/chains/{code}/chain-masters/{id}', {
          params: { path: { code: chainCode, id: Number(id) }, query: { region: city } },
        })
      : null,
  );
  if (network.error) return <ApiErrorAlert error={network.error} onRetry={network.reload} />;
  const data = network.data;
  if (!data) return <PageSpinner />;
  const { master } = data;
  const nodeName = (node: ChainMasterPartner['node']) =>
    node ? localName(node.name, locale) : t('ecology.unplaced');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="chain-master">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>
            <DataText>{master.name}</DataText>
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('ecology.title')} · {localName(data.chain.name, locale)} · {nodeName(master.node)} ·{' '}
            <Link to={chainPath('/chain-masters')}>{t('ecology.back')}</Link> ·{' '}
            <Link to={`/enterprises/${master.id}`}>{t('ecology.master')}</Link>
          </Typography.Text>
        </div>
        <RecordLinkButton anchor={master} onSaved={network.reload} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={
                <DefinedTerm
                  label={t('ecology.rateByCount')}
                  definition={t('ecology.rateDefinition')}
                />
              }
              value={formatPercent(master.rate.byCount)}
              data-testid="master-rate-count"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('ecology.rateByAmount')}
              value={formatPercent(master.rate.byAmount)}
              data-testid="master-rate-amount"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('ecology.localSuppliers')}
              value={`${formatNumber(master.rate.local)} / ${formatNumber(master.rate.total)}`}
              data-testid="master-local-suppliers"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('ecology.customers')} value={formatNumber(master.customers)} />
          </Card>
        </Col>
      </Row>
      <Card title={t('ecology.graph')}>
        <ChainMasterGraph network={data} />
      </Card>
      <Card title={t('ecology.byNode')}>
        <Table
          rowKey={(row) => row.node?.code ?? ''}
          dataSource={data.byNode}
          pagination={false}
          size="small"
          data-testid="master-by-node"
          columns={[
            { title: t('ecology.node'), key: 'node', render: (_, row) => nodeName(row.node) },
            ...(
              [
                'suppliersLocal',
                'suppliersElsewhere',
                'customersLocal',
                'customersElsewhere',
              ] as const
            ).map((key) => ({
              title: t(`ecology.${key}`),
              key,
              align: 'right' as const,
              render: (_: unknown, row: (typeof data.byNode)[number]) => formatNumber(row[key]),
            })),
          ]}
        />
      </Card>
      <Card title={t('ecology.table')}>
        <Table<ChainMasterPartner>
          rowKey="linkId"
          dataSource={data.partners}
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="master-partners"
          columns={[
            {
              title: t('ecology.partner'),
              key: 'partner',
              render: (_, p) => (
                <Link to={`/enterprises/${p.enterprise.id}`}>
                  <DataText>{p.enterprise.name}</DataText>
                </Link>
              ),
            },
            {
              title: t('ecology.role'),
              key: 'role',
              render: (_, p) => t(`ecology.role.${p.role}`),
            },
            { title: t('ecology.node'), key: 'node', render: (_, p) => nodeName(p.node) },
            {
              title: t('ecology.place'),
              key: 'place',
              render: (_, p) =>
                p.local ? (
                  <Tag color="green">{t('ecology.local')}</Tag>
                ) : (
                  <Tag>{t('ecology.elsewhere')}</Tag>
                ),
            },
            {
              title: t('ecology.product'),
              key: 'product',
              render: (_, p) => <DataText>{p.product ?? ''}</DataText>,
            },
            {
              title: t('ecology.share'),
              key: 'share',
              align: 'right',
              render: (_, p) => (p.sharePercent === null ? '' : `${p.sharePercent}%`),
            },
            {
              title: t('ecology.amount'),
              key: 'amount',
              align: 'right',
              render: (_, p) => (p.amountYuan === null ? '' : formatYuan(p.amountYuan, lang)),
            },
            {
              title: t('ecology.source'),
              key: 'source',
              render: (_, p) => t(`ecology.source.${p.source}`),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
