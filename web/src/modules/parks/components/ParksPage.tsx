import { formatNumber, formatPercent } from '@shared/format.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ParkCard } from './ParkCard.tsx';
import { ParkFormModal } from './ParkFormModal.tsx';

/** 园区: every park's space by kind, occupancy and tenants. */
export function ParksPage() {
  const { t } = useI18n();
  const parks = useApiQuery(apiGet('/parks'));
  const canCreate = useCan('park:write');
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  if (parks.error) return <ApiErrorAlert error={parks.error} onRetry={parks.reload} />;
  if (!parks.data) return <PageSpinner />;
  const items = parks.data.items;
  const total = items.reduce((sum, p) => sum + p.totalAreaM2, 0);
  const occupied = items.reduce((sum, p) => sum + p.occupiedM2, 0);

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('parks.title')}</Typography.Title>
          <Typography.Text type="secondary" data-testid="parks-summary">
            {t('parks.summary', {
              count: items.length,
              area: formatNumber(total),
              occupancy: formatPercent(total > 0 ? occupied / total : 0),
            })}
          </Typography.Text>
        </div>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="park-new"
          >
            {t('parks.admin.new')}
          </Button>
        )}
      </div>
      {creating && (
        <ParkFormModal
          open={creating}
          park={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => void navigate(`/parks/${id}`)}
        />
      )}
      <Row gutter={[16, 16]}>
        {items.map((park) => (
          <Col key={park.id} xs={24} lg={12} xxl={12}>
            <ParkCard park={park} />
          </Col>
        ))}
      </Row>
    </>
  );
}
