import { formatDate } from '@shared/format.ts';
import type { ProblemSummary } from '@shared/api/problems.ts';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/**
 * A problem's due date, with a red 逾期 tag when it is overdue, the working days left (when
 * `showDaysLeft`), and a warning when the date falls in a year the calendar does not cover.
 */
export function DueDate({
  problem,
  showDaysLeft = false,
}: {
  problem: Pick<ProblemSummary, 'dueOn' | 'overdue' | 'dueBeyondCalendar' | 'workingDaysLeft'>;
  showDaysLeft?: boolean;
}) {
  const { t, locale } = useI18n();
  const left = problem.workingDaysLeft;
  return (
    <Space size={4} wrap data-content="ui" data-testid="due-date">
      <span>{formatDate(problem.dueOn, locale)}</span>
      {problem.overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {t('problems.overdue')}
        </Tag>
      )}
      {problem.dueBeyondCalendar && (
        <Tooltip title={t('problems.beyondCalendarHint')}>
          <Tag color="warning" data-testid="beyond-calendar">
            {t('problems.beyondCalendar')}
          </Tag>
        </Tooltip>
      )}
      {showDaysLeft && left !== null && (
        <Typography.Text type={left < 0 ? 'danger' : left <= 2 ? 'warning' : 'secondary'}>
          {left < 0
            ? t('problems.daysLate', { days: -left })
            : left === 0
              ? t('problems.dueToday')
              : t('problems.daysLeft', { days: left })}
        </Typography.Text>
      )}
    </Space>
  );
}
