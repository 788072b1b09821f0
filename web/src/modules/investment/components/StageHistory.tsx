import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatDateTime, formatYuan } from '@shared/format.ts';
import type { ProjectEvent } from '@shared/api/projects.ts';
import { Card, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** Every stage change of a project, newest first, with who, when and why. */
export function StageHistory({ events }: { events: ProjectEvent[] }) {
  const { t, locale } = useI18n();
  const newestFirst = [...events].reverse();
  return (
    <Card size="small" title={t('invest.history')} data-testid="stage-history">
      <Timeline
        items={newestFirst.map((event) => ({
          key: event.id,
          color:
            event.kind === 'drop'
              ? 'gray'
              : event.fromStage && event.kind === 'stage'
                ? 'blue'
                : 'green',
          children: (
            <div data-testid="stage-event">
              <Typography.Text strong>
                {t(`invest.event.${event.kind}`)}{' '}
                {event.fromStage && event.kind === 'stage'
                  ? `${t(`invest.stage.${event.fromStage}`)} → ${t(`invest.stage.${event.toStage}`)}`
                  : t(`invest.stage.${event.toStage}`)}
                {event.amountYuan !== null && ` · ${formatYuan(event.amountYuan, locale)}`}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  <DataText>{event.actorName}</DataText> · {formatDateTime(event.at, locale)}
                </Typography.Text>
              </div>
              {event.reason && <div>{event.reason}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
