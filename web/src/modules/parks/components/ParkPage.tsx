import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatPercent } from '@shared/format.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ParkPipelineCard } from './ParkPipelineCard.tsx';
import { ParkSpacesTable } from './ParkSpacesTable.tsx';
import { ParkTenantsTable } from './ParkTenantsTable.tsx';
import { SpaceByKindChart } from './SpaceByKindChart.tsx';
import { TenantsByNodeChart } from './TenantsByNodeChart.tsx';

/** One park: its space units, occupancy, and its tenants by chain node. */
export function ParkPage() {
  const { t, locale } = useI18n();
  const { id } = useParams();
  const query = useApiQuery(apiGet('/parks/{id}', { params: { path: { id: Number(id) } } }));
  const park = query.data?.id === Number(id) ? query.data : undefined;
  if (query.error) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!park) return <PageSpinner />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Link to="/parks">
            <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
              {t('parks.all')}
            </Button>
          </Link>
          <Typography.Title level={3}>
            {locale === 'en' && park.nameEn ? park.nameEn : park.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            <DataText>{[park.regionName, park.address].filter(Boolean).join(' · ')}</DataText>
          </Typography.Text>
        </div>
      </div>
      <Card>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('parks.totalArea')} value={park.totalAreaM2} suffix="m²" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('parks.availableArea')} value={park.availableM2} suffix="m²" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('parks.occupancy')} value={formatPercent(park.occupancyRate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('parks.tenants')} value={park.tenantCount} />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('parks.spaceByKind')} style={{ height: '100%' }}>
            <SpaceByKindChart spaceByKind={park.spaceByKind} height={260} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('parks.tenantsByNode')} style={{ height: '100%' }}>
            <TenantsByNodeChart byNode={park.tenantsByNode} />
          </Card>
        </Col>
      </Row>
      <ParkPipelineCard parkId={park.id} onChanged={query.reload} />
      <Card title={t('parks.spaces')}>
        <ParkSpacesTable spaces={park.spaces} />
      </Card>
      <Card title={t('parks.tenantList')}>
        <ParkTenantsTable tenants={park.tenants} />
      </Card>
    </Space>
  );
}
