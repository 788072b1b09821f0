import type { Figure } from '@shared/api/leadership.ts';
import { RightOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { figureRoute } from '../utils/figureRoute.ts';

/** One scorecard figure as a card that links to the records it counts. */
export function FigureCard({
  name,
  label,
  value,
  figure,
  danger = false,
  children,
}: {
  name: string;
  label: string;
  value: string;
  figure: Figure;
  danger?: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Link to={figureRoute(figure.link)} className="scorecard-link" data-testid={`figure-${name}`}>
      <Card size="small" hoverable className="scorecard-card">
        <Typography.Text type="secondary">{label}</Typography.Text>
        <div className={danger ? 'scorecard-value scorecard-danger' : 'scorecard-value'}>
          {value}
        </div>
        <Typography.Text type="secondary" className="scorecard-records">
          {t('scorecard.records', { count: figure.records })} <RightOutlined />
        </Typography.Text>
        {children}
      </Card>
    </Link>
  );
}
