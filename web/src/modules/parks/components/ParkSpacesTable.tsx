import { formatDate, formatNumber, formatPercent } from '@shared/format.ts';
import type { ParkSpace } from '@shared/api/parks.ts';
import { Button, Popconfirm, Space, Table } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/**
 * A park's space units: building, kind, area, occupancy, when free, rent; with edit and retire
 * buttons when the reader may change them.
 */
export function ParkSpacesTable({
  spaces,
  onEdit,
  onRetire,
}: {
  spaces: ParkSpace[];
  onEdit?: ((unit: ParkSpace) => void) | undefined;
  onRetire?: ((unit: ParkSpace) => void) | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<ParkSpace>
      rowKey="id"
      size="small"
      dataSource={spaces}
      data-testid="park-spaces"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { key: 'code', title: t('parks.space.code'), dataIndex: 'code', width: 140 },
        { key: 'building', title: t('parks.space.building'), dataIndex: 'building' },
        {
          key: 'kind',
          title: t('parks.space.kind'),
          width: 140,
          render: (_, s) => t(`space.${s.kind}`),
        },
        {
          key: 'area',
          title: t('parks.space.area'),
          align: 'right',
          render: (_, s) => `${formatNumber(s.areaM2)} m²`,
        },
        {
          key: 'occupied',
          title: t('parks.occupancy'),
          align: 'right',
          render: (_, s) => formatPercent(s.areaM2 > 0 ? s.occupiedM2 / s.areaM2 : 0),
        },
        {
          key: 'availableFrom',
          title: t('parks.space.availableFrom'),
          render: (_, s) => formatDate(s.availableFrom, locale),
        },
        {
          key: 'rent',
          title: t('parks.space.rent'),
          align: 'right',
          render: (_, s) =>
            // The column title states the unit (元/m²·月, yuan/m²/month); the cell is the number.
            formatNumber(s.rentYuanPerM2Month),
        },
        ...(onEdit && onRetire
          ? [
              {
                key: 'actions',
                title: t('parks.unit.actions'),
                width: 150,
                render: (_: unknown, s: ParkSpace) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => onEdit(s)}>
                      {t('parks.unit.edit')}
                    </Button>
                    <Popconfirm
                      title={t('parks.unit.retireConfirm', { code: s.code })}
                      onConfirm={() => onRetire(s)}
                      okButtonProps={{ 'data-testid': 'unit-retire-ok' }}
                    >
                      <Button size="small" danger data-testid={`unit-retire-${s.code}`}>
                        {t('parks.unit.retire')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
