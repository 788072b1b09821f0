import type { Duplicate } from '@shared/api/imports.ts';
import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useCan } from '../../auth/hooks/useCan.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { matchReasonText } from '../../i18n/utils/matchReasons.ts';

type Status = 'open' | 'merged' | 'dismissed';

/** Possible duplicates found by imports: an analyst merges a pair or says they differ. */
export function DuplicatesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canDecide = useCan('enterprise:write');
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState(1);
  const list = useApiQuery(
    apiGet('/duplicates', { params: { query: { status, page, pageSize: 20 } } }),
  );

  const act = async (pair: Duplicate, action: 'merge' | 'dismiss' | 'undo') => {
    try {
      await api.POST('/duplicates/{id}/{action}', { params: { path: { id: pair.id, action } } });
      void message.success(
        t(
          action === 'merge'
            ? 'duplicates.merged'
            : action === 'undo'
              ? 'duplicates.undone'
              : 'duplicates.dismissed',
        ),
      );
      list.reload();
    } catch (error) {
      void message.error(error instanceof ApiError ? errorText(error, locale) : t('error.failed'));
    }
  };

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('duplicates.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('duplicates.subtitle')}</Typography.Text>
        </div>
        <Segmented<Status>
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPage(1);
          }}
          options={(['open', 'merged', 'dismissed'] as const).map((s) => ({
            value: s,
            label: t(`duplicates.status.${s}`),
          }))}
        />
      </div>
      <Card>
        {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
        <Table<Duplicate>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('duplicates.empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('duplicates.total', { n }),
          }}
          columns={[
            {
              key: 'keep',
              title: t('duplicates.keep'),
              render: (_, pair) => (
                <Link to={`/enterprises/${pair.enterprise.id}`}>{pair.enterprise.name}</Link>
              ),
            },
            {
              key: 'other',
              title: t('duplicates.other'),
              render: (_, pair) =>
                pair.other.id === null ? (
                  pair.other.name
                ) : (
                  <Link to={`/enterprises/${pair.other.id}`}>{pair.other.name}</Link>
                ),
            },
            {
              key: 'score',
              title: t('duplicates.score'),
              dataIndex: 'score',
              width: 90,
              align: 'right',
              render: (score: number) => score.toFixed(2),
            },
            {
              key: 'reasons',
              title: t('duplicates.reasons'),
              render: (_, pair) =>
                pair.reasons.map((r) => <Tag key={r}>{matchReasonText(r, locale)}</Tag>),
            },
            {
              key: 'actions',
              title: '',
              width: 200,
              hidden: !canDecide || status !== 'open',
              render: (_, pair) => (
                <Space>
                  <Popconfirm
                    title={t('duplicates.mergeConfirm')}
                    okText={t('duplicates.merge')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void act(pair, 'merge')}
                  >
                    <Button size="small" type="primary">
                      {t('duplicates.merge')}
                    </Button>
                  </Popconfirm>
                  <Button size="small" onClick={() => void act(pair, 'dismiss')}>
                    {t('duplicates.dismiss')}
                  </Button>
                </Space>
              ),
            },
            {
              key: 'undo',
              title: '',
              width: 120,
              hidden: !canDecide || status !== 'merged',
              render: (_, pair) => (
                <Popconfirm
                  title={t('duplicates.undoConfirm')}
                  okText={t('duplicates.undo')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void act(pair, 'undo')}
                >
                  <Button size="small">{t('duplicates.undo')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
