import type { PlatformSummary } from '@shared/api/platforms.ts';
import { formatNumber } from '@shared/format.ts';
import { Alert, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PlatformFormModal } from './PlatformFormModal.tsx';

/** 创新平台: the chain's innovation platforms with the nodes they serve, users and progress. */
export function PlatformsPage() {
  const { t, locale } = useI18n();
  const chainCode = useChainCode();
  const chainPath = useChainPath();
  const navigate = useNavigate();
  const canWrite = useCan('platform:write');
  const [adding, setAdding] = useState(false);
  const list = useApiQuery(
    chainCode
      ? apiGet('/chains/{code}/platforms', {
          params: { path: { code: chainCode }, query: { pageSize: 500 } },
        })
      : null,
  );
  if (!chainCode) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="platforms">
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('plat.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('plat.subtitle')}</Typography.Text>
        </div>
        {canWrite && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="platform-add">
            {t('plat.add')}
          </Button>
        )}
      </div>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<PlatformSummary>
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('plat.none') }}
        data-testid="platforms-table"
        columns={[
          {
            title: t('plat.name'),
            key: 'name',
            render: (_, p) => (
              <Space size={4} wrap>
                <Link to={chainPath(`/platforms/${p.id}`)} data-testid="platform-link">
                  <DataText>{p.name}</DataText>
                </Link>
                {p.demo && <Tag>{t('plat.demo')}</Tag>}
              </Space>
            ),
          },
          { title: t('plat.kind'), key: 'kind', render: (_, p) => t(`plat.kind.${p.kind}`) },
          { title: t('plat.level'), key: 'level', render: (_, p) => t(`plat.level.${p.level}`) },
          {
            title: t('plat.nodes'),
            key: 'nodes',
            render: (_, p) =>
              p.nodes.map((n) => <Tag key={n.code}>{localName(n.name, locale)}</Tag>),
          },
          {
            title: t('plat.firms'),
            key: 'firms',
            align: 'right',
            render: (_, p) => formatNumber(p.firmsUsing),
          },
          {
            title: t('plat.progress'),
            key: 'progress',
            width: 160,
            render: (_, p) =>
              p.progress ? (
                <Progress
                  percent={Math.round(p.progress.ratio * 100)}
                  size="small"
                  format={(v) => `${v ?? 0}% · ${p.progress?.year ?? ''}`}
                />
              ) : (
                '—'
              ),
          },
        ]}
      />
      <PlatformFormModal
        open={adding}
        chainCode={chainCode}
        onClose={() => setAdding(false)}
        onSaved={(saved) => {
          setAdding(false);
          void navigate(chainPath(`/platforms/${saved.id}`));
        }}
      />
    </Space>
  );
}
