import type { Need } from '@shared/api/needs.ts';
import { formatDate, formatNumber } from '@shared/format.ts';
import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type Breakpoint } from 'antd';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

/** Columns a phone leaves out (the district, node, quantity and contact show from tablets up). */
const PHONE_HIDDEN: Breakpoint[] = ['md'];

/** An open need is green, one whose period is over orange, a closed one grey. */
const STATUS_COLORS: Readonly<Record<Need['status'], string>> = {
  open: 'green',
  expired: 'orange',
  closed: 'default',
};

/**
 * Needs or offers: the public part for everyone (enterprise, district, node, product, period),
 * the quantity and contact where the viewer may see them.
 */
export function NeedTable({
  items,
  loading,
  onMatches,
  canFollow,
  onCloseNeed,
  testId,
}: {
  items: Need[];
  loading: boolean;
  /** Opens a need's proposed matches; none for offers or needs the viewer may not follow. */
  onMatches?: ((need: Need) => void) | undefined;
  /** Whether the viewer may open this need's proposals (a firm: its own needs only). */
  canFollow: (need: Need) => boolean;
  /** Closes an open need or offer; given when the viewer may close this one. */
  onCloseNeed?: ((need: Need) => (() => void) | null) | undefined;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const hidden = (
    <Tooltip title={t('match.hidden')}>
      <Typography.Text type="secondary">—</Typography.Text>
    </Tooltip>
  );
  return (
    <Table<Need>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      // On a phone the table keeps its columns' widths and scrolls sideways, rather than
      // squeezing names to a character a line; the actions column stays fixed at the right.
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      onRow={(n) => ({ 'data-testid': `need-row-${n.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('match.col.enterprise'),
          key: 'enterprise',
          render: (_, n) => (
            <>
              <DataText>{n.enterprise.name}</DataText>
              {n.own && (
                <Tag color="blue" style={{ marginLeft: 6 }}>
                  {t('match.mine')}
                </Tag>
              )}
            </>
          ),
        },
        {
          title: t('match.col.district'),
          key: 'district',
          responsive: PHONE_HIDDEN,
          render: (_, n) => <DataText>{n.district?.name ?? ''}</DataText>,
        },
        {
          title: t('match.col.product'),
          dataIndex: 'product',
          render: (_, n) => <DataText>{n.product}</DataText>,
        },
        {
          title: t('match.col.node'),
          key: 'node',
          responsive: PHONE_HIDDEN,
          render: (_, n) =>
            n.node ? (
              <span title={n.node.proposed ? t('match.nodeProposed') : undefined}>
                {localName(n.node.name, locale)}
                {n.node.proposed ? ' *' : ''}
              </span>
            ) : (
              '—'
            ),
        },
        {
          title: t('match.col.quantity'),
          key: 'quantity',
          responsive: PHONE_HIDDEN,
          render: (_, n) =>
            n.visibility === 'public'
              ? hidden
              : n.quantity === null
                ? '—'
                : `${formatNumber(n.quantity)} ${n.unit ?? ''}`,
        },
        {
          title: t('match.col.period'),
          key: 'period',
          render: (_, n) =>
            n.startsOn || n.endsOn
              ? `${formatDate(n.startsOn, locale)} – ${formatDate(n.endsOn, locale)}`
              : '—',
        },
        {
          title: t('match.col.contact'),
          key: 'contact',
          responsive: PHONE_HIDDEN,
          render: (_, n) =>
            n.visibility === 'public' ? hidden : <DataText>{n.contact ?? '—'}</DataText>,
        },
        {
          title: t('match.col.status'),
          key: 'status',
          render: (_, n) => (
            <Tag color={STATUS_COLORS[n.status]}>{t(`match.status.${n.status}`)}</Tag>
          ),
        },
        {
          title: t('match.col.actions'),
          key: 'actions',
          // Kept in view at the right edge while the other columns scroll sideways.
          fixed: 'right',
          render: (_: unknown, n: Need) => {
            const close = n.status !== 'closed' ? (onCloseNeed?.(n) ?? null) : null;
            return (
              <Space size="small">
                {onMatches && n.kind === 'need' && canFollow(n) && (
                  <Button
                    size="small"
                    onClick={() => onMatches(n)}
                    data-testid={`need-matches-${n.id}`}
                  >
                    {t('match.showMatches')}
                  </Button>
                )}
                {close && (
                  <Popconfirm
                    title={t('ecoForms.closeConfirm')}
                    onConfirm={close}
                    okButtonProps={{ 'data-testid': 'need-close-confirm' }}
                  >
                    <Button size="small" danger data-testid={`need-close-${n.id}`}>
                      {t('ecoForms.close')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
