import type { Candidate } from '@shared/api/attract.ts';
import { Card, Col, Row, Skeleton, Table } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { homeCities, type HomeCity } from '../utils/homeCities.ts';

const HomeCitiesChart = lazy(() =>
  import('./HomeCitiesChart.tsx').then((m) => ({ default: m.HomeCitiesChart })),
);

/** Where the listed candidates come from: a table and a bar chart by province and city. */
export function HomeCitiesCard({ candidates }: { candidates: Candidate[] }) {
  const { t } = useI18n();
  const cities = useMemo(() => homeCities(candidates), [candidates]);
  if (cities.length === 0) return null;
  return (
    <Card size="small" title={t('invest.homeCities')} data-testid="home-cities">
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Table<HomeCity>
            rowKey={(c) => `${c.province}/${c.city}`}
            size="small"
            dataSource={cities}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            data-testid="home-cities-table"
            columns={[
              {
                key: 'province',
                title: t('invest.homeCities.province'),
                render: (_, c) => <DataText>{c.province}</DataText>,
              },
              {
                key: 'city',
                title: t('invest.homeCities.city'),
                render: (_, c) => <DataText>{c.city}</DataText>,
              },
              {
                key: 'count',
                title: t('invest.homeCities.count'),
                align: 'right',
                dataIndex: 'count',
              },
            ]}
          />
        </Col>
        <Col xs={24} md={14}>
          <Suspense fallback={<Skeleton active />}>
            <HomeCitiesChart cities={cities} />
          </Suspense>
        </Col>
      </Row>
    </Card>
  );
}
