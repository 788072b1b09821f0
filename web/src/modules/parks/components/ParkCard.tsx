import { DataText } from '../../i18n/components/Phrase.tsx';
import type { ParkSummary } from '@shared/api/parks.ts';
import { Card, Col, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { SpaceByKindChart } from './SpaceByKindChart.tsx';

/** One park at a glance: area, occupancy, space by kind, tenants, focus nodes. */
export function ParkCard({ park }: { park: ParkSummary }) {
  const { t, locale } = useI18n();
  const { nodeByCode } = useChain();
  return (
    <Card
      title={
        <Link to={`/parks/${park.id}`}>
          {locale === 'en' && park.nameEn ? park.nameEn : park.name}
        </Link>
      }
      extra={
        <Typography.Text type="secondary">
          <DataText>{park.regionName}</DataText>
        </Typography.Text>
      }
      data-testid="park-card"
    >
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('parks.totalArea')} value={park.totalAreaM2} suffix="m²" />
        </Col>
        <Col span={8}>
          <Statistic title={t('parks.availableArea')} value={park.availableM2} suffix="m²" />
        </Col>
        <Col span={8}>
          <Statistic title={t('parks.tenants')} value={park.tenantCount} />
        </Col>
      </Row>
      <div style={{ margin: '12px 0' }}>
        <Typography.Text type="secondary">{t('parks.occupancy')}</Typography.Text>
        <Progress percent={Math.round(park.occupancyRate * 1000) / 10} />
      </div>
      <SpaceByKindChart spaceByKind={park.spaceByKind} />
      <div style={{ marginTop: 8 }}>
        {park.focusNodeCodes.map((code) => {
          const node = nodeByCode.get(code);
          // Until the chain has loaded, a code would flash where its name will be.
          if (!node && nodeByCode.size === 0) return null;
          return (
            <Tag key={code} color="blue">
              {node ? localName(node.name, locale) : code}
            </Tag>
          );
        })}
      </div>
    </Card>
  );
}
