import type { SupervisionItem } from '@shared/api/leadership.ts';
import { formatDate } from '@shared/format.ts';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { nameIn } from '../../i18n/utils/localName.ts';
import { SupervisionStateTag } from './SupervisionStateTag.tsx';

/** 督办 items: title (to the item's page), owner department, deadline (red when overdue), state. */
export function SupervisionList({
  items,
  loading = false,
}: {
  items: SupervisionItem[];
  loading?: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      data-testid="supervision-table"
      scroll={{ x: 640 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      rowClassName={(item) => (item.overdue ? 'leader-overdue-row' : '')}
      columns={[
        {
          key: 'title',
          title: t('leader.supervision.item'),
          render: (_, item) => (
            <Link to={`/leader/supervision/${item.id}`} data-testid="supervision-link">
              <DataText>{item.title}</DataText>
            </Link>
          ),
        },
        {
          key: 'owner',
          title: t('leader.supervision.owner'),
          render: (_, item) =>
            item.ownerDepartment ? (
              <DataText>
                {nameIn(item.ownerDepartment.name, item.ownerDepartment.nameEn, locale)}
              </DataText>
            ) : (
              <Tag>{t('leader.supervision.noOwner')}</Tag>
            ),
        },
        {
          key: 'deadline',
          title: t('leader.supervision.deadline'),
          width: 130,
          render: (_, item) =>
            item.overdue ? (
              <Typography.Text type="danger" strong data-testid="supervision-overdue">
                {formatDate(item.deadline, locale)}
              </Typography.Text>
            ) : (
              formatDate(item.deadline, locale)
            ),
        },
        {
          key: 'state',
          title: t('leader.supervision.state'),
          width: 120,
          render: (_, item) => <SupervisionStateTag item={item} />,
        },
      ]}
    />
  );
}
