import { formatDate, formatDateTime } from '@shared/format.ts';
import type { ProblemEvent } from '@shared/api/problems.ts';
import { isRole } from '@shared/permissions.ts';
import { Space, Timeline, Typography } from 'antd';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { eventName, satisfactionName, STAGE_COLORS } from '../utils/problemNames.ts';
import { DepartmentName } from './DepartmentName.tsx';
import { StageTag } from './StageTag.tsx';

const COLORS: Record<string, string> = {
  gold: 'orange',
  cyan: 'blue',
  geekblue: 'blue',
  blue: 'blue',
  purple: 'gray',
  lime: 'green',
  green: 'green',
  default: 'gray',
};

/** Every step of a problem, oldest first: what, who (and in which role), when, the note and due date. */
export function ProblemTimeline({ events }: { events: ProblemEvent[] }) {
  const { t, locale } = useI18n();
  return (
    <Timeline
      data-testid="problem-timeline"
      items={events.map((event, index) => ({
        key: index,
        color: event.action === 'comment' ? 'gray' : COLORS[STAGE_COLORS[event.toStage]],
        children: (
          <div data-testid="timeline-event" data-action={event.action}>
            <Space size={6} wrap>
              <Typography.Text strong>{eventName(event.action, locale, t)}</Typography.Text>
              {event.fromStage !== event.toStage && <StageTag stage={event.toStage} />}
              <Typography.Text type="secondary" data-testid="event-who">
                <DataText>{event.actorName}</DataText>
                {isRole(event.actorRole) ? ` · ${t(`role.${event.actorRole}`)}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="event-when">
                {formatDateTime(event.at, locale)}
              </Typography.Text>
            </Space>
            {(event.department || event.workingDays !== null || event.satisfaction) && (
              <div>
                <Space size={6} wrap>
                  {event.department && <DepartmentName department={event.department} />}
                  {event.workingDays !== null && (
                    <Typography.Text>
                      {t('problems.timeline.workingDays', { days: event.workingDays })}
                    </Typography.Text>
                  )}
                  {event.satisfaction && (
                    <Typography.Text strong>
                      {satisfactionName(event.satisfaction, locale)}
                    </Typography.Text>
                  )}
                </Space>
              </div>
            )}
            {event.note && (
              <Typography.Paragraph className="problem-note">
                <DataText>{event.note}</DataText>
              </Typography.Paragraph>
            )}
            {event.dueOn && (
              <Typography.Text type="secondary" className="problem-event-due">
                {t('problems.timeline.dueAfter', { date: formatDate(event.dueOn, locale) })}
              </Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}
