import { IndustryTypeTag } from './IndustryTypeTag.tsx';
import { formatNumber } from '@shared/format.ts';
import type { LoadedStatsView } from '@shared/api/statistics.ts';
import { Table } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { schemeName } from '../utils/schemeName.ts';

type Dataset = LoadedStatsView['datasets'][number];

/** What statistics are loaded: scheme × year with its regions, industries and rows. */
export function LoadedStatsTable({ datasets, loading }: { datasets: Dataset[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Table<Dataset>
      rowKey={(d) => `${d.scheme}/${d.year}`}
      size="small"
      loading={loading}
      dataSource={datasets}
      data-testid="loaded-stats"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        {
          key: 'scheme',
          title: t('analysis.scheme'),
          dataIndex: 'scheme',
          render: (scheme: string) => schemeName(scheme),
        },
        { key: 'year', title: t('analysis.year'), dataIndex: 'year' },
        { key: 'regions', title: t('analysis.regions'), dataIndex: 'regions', align: 'right' },
        {
          key: 'industries',
          title: t('analysis.industries'),
          dataIndex: 'industries',
          align: 'right',
        },
        {
          key: 'rows',
          title: t('analysis.rowCount'),
          align: 'right',
          render: (_, d) => formatNumber(d.rows),
        },
        {
          key: 'types',
          title: t('analysis.industryTypes'),
          render: (_, d) =>
            d.industryTypes.map((type) => <IndustryTypeTag key={type} type={type} />),
        },
      ]}
    />
  );
}
