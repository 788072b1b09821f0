import { moneyColumnFormat } from '@shared/format.ts';
import type { RoadToTarget } from '@shared/api/attract.ts';
import { Switch, Table } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

type RoadProject = RoadToTarget['projects'][number];

/** What-if: each pipeline project with a switch that counts it in or leaves it out. */
export function RoadProjectsToggle({
  projects,
  excluded,
  onToggle,
}: {
  projects: RoadProject[];
  excluded: ReadonlySet<number>;
  onToggle: (id: number, counted: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const weighted = moneyColumnFormat(
    projects.map((p) => p.weightedOutputYuan),
    locale,
  );
  return (
    <Table<RoadProject>
      rowKey="id"
      size="small"
      dataSource={projects}
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      data-testid="road-projects"
      columns={[
        {
          key: 'on',
          title: t('invest.road.counted'),
          width: 70,
          render: (_, p) => (
            <Switch
              size="small"
              checked={!excluded.has(p.id)}
              onChange={(on) => onToggle(p.id, on)}
              data-testid={`road-toggle-${p.id}`}
            />
          ),
        },
        { key: 'name', title: t('invest.name'), dataIndex: 'name' },
        { key: 'stage', title: t('invest.stage'), render: (_, p) => t(`invest.stage.${p.stage}`) },
        {
          key: 'from',
          title: t('invest.form.outputStartYear'),
          render: (_, p) => p.outputStartYear ?? '—',
        },
        {
          key: 'weighted',
          title: t('invest.weightedOutput'),
          align: 'right',
          render: (_, p) => weighted(p.weightedOutputYuan),
        },
      ]}
    />
  );
}
