import type { Candidate } from '@shared/api/attract.ts';
import { Progress, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

/** Why a candidate ranks where it does: each score component's points, weight and reason. */
export function CandidateReasons({ candidate }: { candidate: Candidate }) {
  const { t, locale } = useI18n();
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="candidate-reasons">
      {candidate.components.map((component) => (
        <div key={component.key} className="invest-reason-row">
          <Typography.Text strong className="invest-reason-key">
            {t(`invest.component.${component.key}`)}
          </Typography.Text>
          <Progress
            percent={Math.round(component.value * 100)}
            size="small"
            showInfo={false}
            style={{ width: 120, margin: 0 }}
          />
          <Typography.Text className="invest-reason-points">
            {t('invest.points', {
              points: component.points.toFixed(1),
              max: Math.round(component.weight * 100),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">{localName(component.reason, locale)}</Typography.Text>
        </div>
      ))}
    </Space>
  );
}
