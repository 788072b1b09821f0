import type { PlatformTarget, PlatformUse } from '@shared/api/platforms.ts';
import { formatDate, formatNumber } from '@shared/format.ts';
import { Alert, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { PlatformFormModal } from './PlatformFormModal.tsx';
import { PlatformUseModal } from './PlatformUseModal.tsx';

/** One innovation platform: its nodes, the firms using it (each a link), targets against actuals. */
export function PlatformPage() {
  const { t, locale } = useI18n();
  const { id } = useParams();
  const chainCode = useChainCode();
  const chainPath = useChainPath();
  const canWrite = useCan('platform:write');
  const [editing, setEditing] = useState(false);
  const [addingUser, setAddingUser] = useState(false);
  const platform = useApiQuery(
    chainCode && id
      ? apiGet('/chains/{code}/platforms/{id}', {
          params: { path: { code: chainCode, id: Number(id) } },
        })
      : null,
  );
  if (platform.error) return <ApiErrorAlert error={platform.error} onRetry={platform.reload} />;
  const p = platform.data;
  if (!p || !chainCode) return <PageSpinner />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="platform">
      <div className="page-header">
        <div>
          <Typography.Title level={3} data-testid="platform-name">
            <DataText>{p.name}</DataText>
          </Typography.Title>
          <Typography.Text type="secondary">
            {t(`plat.kind.${p.kind}`)} · {t(`plat.level.${p.level}`)} ·{' '}
            <Link to={chainPath('/platforms')}>{t('plat.title')}</Link>
          </Typography.Text>
        </div>
        {canWrite && (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="platform-edit">
              {t('plat.edit')}
            </Button>
            <Button
              type="primary"
              onClick={() => setAddingUser(true)}
              data-testid="platform-add-user"
            >
              {t('plat.addUser')}
            </Button>
          </Space>
        )}
      </div>
      {p.demo && <Alert type="info" showIcon message={t('plat.demo')} />}
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('plat.host')}>
            {p.hostEnterprise ? (
              <Link to={`/enterprises/${p.hostEnterprise.id}`}>
                <DataText>{p.hostEnterprise.name}</DataText>
              </Link>
            ) : (
              <DataText>{p.hostName ?? '—'}</DataText>
            )}
          </Descriptions.Item>
          {/* In a park, the park; else the district it lies in, under that name. */}
          <Descriptions.Item label={t(p.park ? 'plat.park' : 'plat.district')}>
            {p.park ? (
              <Link to={`/parks/${p.park.id}`}>
                <DataText>{p.park.name}</DataText>
              </Link>
            ) : (
              <DataText>{p.region.name}</DataText>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('plat.nodes')} span={2}>
            <span data-testid="platform-nodes">
              {p.nodes.map((n) => (
                <Tag key={n.code}>{localName(n.name, locale)}</Tag>
              ))}
            </span>
          </Descriptions.Item>
          {p.description && (
            <Descriptions.Item span={2}>
              <DataText>{p.description}</DataText>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={`${t('plat.firms')} (${formatNumber(p.firmsUsing)})`}>
        {p.usersHidden && <Typography.Text type="secondary">{t('plat.hidden')}</Typography.Text>}
        <Table<PlatformUse>
          rowKey={(u) => u.enterprise.id}
          dataSource={p.users}
          pagination={false}
          size="small"
          data-testid="platform-users"
          columns={[
            {
              title: t('plat.firms'),
              key: 'name',
              render: (_, u) => (
                <Link to={`/enterprises/${u.enterprise.id}`} data-testid="platform-user-link">
                  <DataText>{u.enterprise.name}</DataText>
                </Link>
              ),
            },
            {
              title: t('plat.userRegion'),
              key: 'region',
              render: (_, u) => (
                <DataText>{u.enterprise.regionName ?? u.enterprise.regionCode}</DataText>
              ),
            },
            {
              title: t('plat.since'),
              key: 'since',
              render: (_, u) => (u.since ? formatDate(u.since, locale) : '—'),
            },
            {
              title: t('plat.service'),
              key: 'service',
              render: (_, u) => <DataText>{u.service ?? '—'}</DataText>,
            },
          ]}
        />
      </Card>
      <Card title={t('plat.targets')}>
        <Table<PlatformTarget>
          rowKey={(r) => `${r.year}-${r.metric}`}
          dataSource={p.targets}
          pagination={false}
          size="small"
          data-testid="platform-targets"
          columns={[
            { title: t('plat.year'), key: 'year', render: (_, r) => r.year },
            {
              title: t('plat.metric'),
              key: 'metric',
              render: (_, r) => t(`plat.metric.${r.metric}`),
            },
            {
              title: t('plat.target'),
              key: 'target',
              align: 'right',
              render: (_, r) => formatNumber(r.target),
            },
            {
              title: t('plat.actual'),
              key: 'actual',
              align: 'right',
              render: (_, r) => (r.actual === null ? '—' : formatNumber(r.actual)),
            },
            {
              title: t('plat.progress'),
              key: 'progress',
              width: 180,
              render: (_, r) =>
                r.progress === null ? (
                  '—'
                ) : (
                  <Progress percent={Math.round(r.progress * 100)} size="small" />
                ),
            },
          ]}
        />
      </Card>
      <PlatformFormModal
        open={editing}
        chainCode={chainCode}
        platform={p}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          platform.reload();
        }}
      />
      <PlatformUseModal
        open={addingUser}
        chainCode={chainCode}
        platformId={p.id}
        onClose={() => setAddingUser(false)}
        onSaved={() => {
          setAddingUser(false);
          platform.reload();
        }}
      />
    </Space>
  );
}
