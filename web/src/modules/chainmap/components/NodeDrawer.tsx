import type { ChainAnalysis } from '@shared/api/analysis.ts';
import type { EnterpriseSummary } from '@shared/api/enterprises.ts';
import { formatNumber, formatPercent, formatRatio, formatYuan } from '@shared/format.ts';
import { Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { langOf } from '../../i18n/utils/langOf.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { STATUS_COLORS } from '../utils/statusColors.ts';
import { NodeProblems } from './NodeProblems.tsx';
import { NodeExperts } from './NodeExperts.tsx';
import { NodePlatforms } from './NodePlatforms.tsx';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';

/** One node of the map: its figures, why it has its status, its targets and its enterprises. */
export function NodeDrawer({
  analysis,
  code,
  onClose,
}: {
  analysis: ChainAnalysis;
  code: string | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const chainPath = useChainPath();
  const lang = langOf(locale);
  const seesProblems = useCan('problem:read');
  const seesExperts = useCan('expert:read');
  const seesPlatforms = useCan('platform:read');
  const node = analysis.nodes.find((n) => n.code === code);
  const filter = node
    ? new URLSearchParams({ node: node.code, region: analysis.region.code, decision: 'confirmed' })
    : null;
  const enterprises = useApiQuery(
    node
      ? apiGet('/enterprises', {
          params: {
            query: {
              node: node.code,
              region: analysis.region.code,
              decision: 'confirmed',
              pageSize: 8,
              sort: 'latestOutput',
              order: 'desc',
            },
          },
        })
      : null,
  );
  const targets = analysis.targets.filter((target) => target.nodeCode === code);

  return (
    <Drawer
      open={node !== undefined}
      onClose={onClose}
      width={560}
      title={node ? localName(node.name, locale) : ''}
      extra={
        node && (
          <Tag color={STATUS_COLORS[node.status]} data-testid="node-status">
            {t(`cockpit.status.${node.status}`)}
          </Tag>
        )
      }
      data-testid="node-drawer"
    >
      {node && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('chainMap.enterprises')}>
              {formatNumber(node.enterprises)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.output')}>
              {formatYuan(node.outputYuan, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.share')}>
              {formatPercent(node.share)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.growth')}>
              {formatPercent(node.growth, 1, true)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.cagr')}>
              {formatPercent(node.cagr, 1, true)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.lq')}>{formatRatio(node.lq)}</Descriptions.Item>
            <Descriptions.Item label={t('chainMap.hhi')}>
              {node.hhi === null ? '—' : formatNumber(node.hhi)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.topShare')}>
              {formatPercent(node.topShare)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.chainMasters')} span={2}>
              {node.chainMasters.length === 0
                ? '—'
                : node.chainMasters.map((m, index) => (
                    <span key={m.id}>
                      {index > 0 && '、'}
                      {/* A chain master's suppliers and customers: its network (链主生态). */}
                      <Link
                        to={chainPath(
                          `/chain-masters/${m.id}?region=${analysis.region.code.slice(0, 4)}`,
                        )}
                        data-testid="node-chain-master"
                      >
                        <DataText>{m.name}</DataText>
                      </Link>
                    </span>
                  ))}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} className="drawer-section">
            {t('chainMap.reasons')}
          </Typography.Title>
          <ul className="drawer-reasons" data-testid="node-reasons">
            {node.reasons.length === 0 && <li>{t('chainMap.noReasons')}</li>}
            {node.reasons.map((reason) => (
              <li key={reason.code}>{reason[lang]}</li>
            ))}
          </ul>
          <Typography.Title level={5} className="drawer-section">
            {t('chainMap.targets')}
          </Typography.Title>
          {targets.length === 0 ? (
            <Typography.Text type="secondary">{t('chainMap.noTargets')}</Typography.Text>
          ) : (
            <ul className="drawer-reasons">
              {targets.map((target) => (
                <li key={target.id}>{target.summary[lang]}</li>
              ))}
            </ul>
          )}
          <Typography.Title level={5} className="drawer-section">
            {t('chainMap.enterpriseList', { count: enterprises.data?.total ?? '…' })}
          </Typography.Title>
          <Table<EnterpriseSummary>
            size="small"
            rowKey="id"
            pagination={false}
            loading={enterprises.loading}
            dataSource={enterprises.data?.items ?? []}
            data-testid="node-enterprises"
            columns={[
              {
                title: t('chainMap.enterprise'),
                dataIndex: 'name',
                render: (_, row) => (
                  <Link to={`/enterprises/${row.id}`}>
                    {locale === 'en' && row.nameEn ? row.nameEn : row.name}
                  </Link>
                ),
              },
              { title: t('chainMap.region'), dataIndex: 'regionName', width: 90 },
              {
                title: t('chainMap.latestOutput'),
                dataIndex: 'latestOutputYuan',
                align: 'right',
                width: 120,
                render: (value: number | null) => formatYuan(value, lang),
              },
            ]}
          />
          {filter && (
            <Link
              to={chainPath(`/enterprises?${filter.toString()}`)}
              data-testid="node-enterprises-link"
            >
              {t('chainMap.allEnterprises')}
            </Link>
          )}
          {seesExperts && <NodeExperts chainCode={analysis.chain.code} nodeCode={node.code} />}
          {seesProblems && (
            <NodeProblems
              chainCode={analysis.chain.code}
              nodeCode={node.code}
              regionCode={analysis.region.code}
            />
          )}
          {seesPlatforms && <NodePlatforms chainCode={analysis.chain.code} nodeCode={node.code} />}
        </>
      )}
    </Drawer>
  );
}
