import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatPercent } from '@shared/format.ts';
import type { ParkSpace } from '@shared/api/parks.ts';
import { isParkInScope, parkScopeFor } from '@shared/park-scope.ts';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ParkFormModal } from './ParkFormModal.tsx';
import { ParkPipelineCard } from './ParkPipelineCard.tsx';
import { ParkSpacesTable } from './ParkSpacesTable.tsx';
import { ParkTenantsTable } from './ParkTenantsTable.tsx';
import { SpaceByKindChart } from './SpaceByKindChart.tsx';
import { SpaceUnitModal } from './SpaceUnitModal.tsx';
import { TenantsByNodeChart } from './TenantsByNodeChart.tsx';

/** One park: its space units, occupancy, and its tenants by chain node. */
export function ParkPage() {
  const { t, locale } = useI18n();
  const { id } = useParams();
  const query = useApiQuery(apiGet('/parks/{id}', { params: { path: { id: Number(id) } } }));
  const park = query.data?.id === Number(id) ? query.data : undefined;
  const { user } = useSession();
  const canEditPark = useCan('park:write');
  const canEditUnits =
    useCan('space:write') && user !== null && park !== undefined
      ? isParkInScope(parkScopeFor(user), park.id)
      : false;
  const [editingPark, setEditingPark] = useState(false);
  // undefined: no unit form; null: a new unit; else the unit edited.
  const [unit, setUnit] = useState<ParkSpace | null | undefined>(undefined);
  const retire = useAction();
  const retireUnit = async (space: ParkSpace) => {
    const done = await retire.run(() =>
      api.POST('/parks/{id}/spaces/{spaceId}/retire', {
        params: { path: { id: Number(id), spaceId: space.id } },
      }),
    );
    if (done) query.reload();
  };
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
        {canEditPark && (
          <Button
            icon={<EditOutlined />}
            onClick={() => setEditingPark(true)}
            data-testid="park-edit"
          >
            {t('parks.admin.edit')}
          </Button>
        )}
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
      <Card
        title={t('parks.spaces')}
        extra={
          canEditUnits && (
            <Button icon={<PlusOutlined />} onClick={() => setUnit(null)} data-testid="unit-new">
              {t('parks.unit.new')}
            </Button>
          )
        }
      >
        <ParkSpacesTable
          spaces={park.spaces}
          onEdit={canEditUnits ? setUnit : undefined}
          onRetire={canEditUnits ? (space) => void retireUnit(space) : undefined}
        />
      </Card>
      <SpaceUnitModal
        open={unit !== undefined}
        parkId={park.id}
        unit={unit ?? null}
        onClose={() => setUnit(undefined)}
        onSaved={() => {
          setUnit(undefined);
          query.reload();
        }}
      />
      {editingPark && (
        <ParkFormModal
          open={editingPark}
          park={park}
          onClose={() => setEditingPark(false)}
          onSaved={() => {
            setEditingPark(false);
            query.reload();
          }}
        />
      )}
      <Card title={t('parks.tenantList')}>
        <ParkTenantsTable tenants={park.tenants} />
      </Card>
    </Space>
  );
}
