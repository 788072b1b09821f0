import { formatDate, formatDateTime } from '@shared/format.ts';
import type { ProblemDetail, ProblemSummary } from '@shared/api/problems.ts';
import type { ProblemAction } from '@shared/problem-stages.ts';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { actionName, satisfactionName, STAGE_COLORS } from '../utils/problemNames.ts';
import { ActionModal } from './ActionModal.tsx';
import { ProblemTimeline } from './ProblemTimeline.tsx';

/** One of the enterprise's problems in plain words; a tap shows its steps, rate and reopen. */
export function FirmProblemCard({
  problem,
  onChanged,
}: {
  problem: ProblemSummary;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [acting, setActing] = useState<ProblemAction | null>(null);
  // A closed problem may wait for a rating: read what may be done with it at once.
  const wanted =
    open ||
    problem.stage === 'closed' ||
    problem.stage === 'answered' ||
    problem.stage === 'returned';
  const detail = useApiQuery(
    wanted ? apiGet('/problems/{id}', { params: { path: { id: problem.id } } }) : null,
  );
  const full = detail.data;
  const may = (action: ProblemAction) => full?.allowedActions.includes(action) ?? false;

  return (
    <Card
      size="small"
      className={`service-card service-card-${STAGE_COLORS[problem.stage]}`}
      data-testid="firm-problem"
      data-problem-id={problem.id}
      data-stage={problem.stage}
    >
      <Typography.Text strong className="service-card-title">
        <DataText>{problem.title}</DataText>
      </Typography.Text>
      <div className="service-card-stage" data-testid="firm-stage">
        {t(`service.stage.${problem.stage}`)}
      </div>
      <Typography.Text type="secondary" className="service-card-line">
        <code>{problem.reference}</code> · {formatDateTime(problem.receivedAt, locale)}
      </Typography.Text>
      {problem.workingDaysLeft !== null && problem.stage !== 'answered' && (
        <Typography.Text type="secondary" className="service-card-line">
          {t('service.due', { date: formatDate(problem.dueOn, locale) })}
        </Typography.Text>
      )}
      {full?.answer && (
        <Typography.Paragraph className="service-card-answer">
          <Typography.Text strong>{t('service.answer')}: </Typography.Text>
          <DataText>{full.answer}</DataText>
        </Typography.Paragraph>
      )}
      {full?.returnReason && (
        <Typography.Paragraph className="service-card-answer">
          <Typography.Text strong>{t('service.returnReason')}: </Typography.Text>
          <DataText>{full.returnReason}</DataText>
        </Typography.Paragraph>
      )}
      {problem.satisfaction && (
        <Typography.Text className="service-card-line" data-testid="firm-rating">
          {t('service.rated', { level: satisfactionName(problem.satisfaction, locale) })}
        </Typography.Text>
      )}
      <Space wrap className="service-card-actions">
        {may('rate') && (
          <Button type="primary" onClick={() => setActing('rate')} data-testid="firm-rate">
            {t(problem.satisfaction ? 'service.rateAgain' : 'service.rate')}
          </Button>
        )}
        {may('reopen') && (
          <Button danger onClick={() => setActing('reopen')} data-testid="firm-reopen">
            {t('service.reopen')}
          </Button>
        )}
        <Button type="link" onClick={() => setOpen(!open)} data-testid="firm-steps">
          {t('service.showSteps')}
        </Button>
        {/* The whole problem, its papers (attachments) included: upload and download there. */}
        <Link to={`/problems/${problem.id}`} data-testid="firm-open">
          {t('service.openProblem')}
        </Link>
      </Space>
      {open && (full ? <ProblemTimeline events={full.timeline} /> : <PageSpinner />)}
      {full && (
        <ActionModal
          problem={full}
          action={acting}
          onClose={() => setActing(null)}
          onDone={(next: ProblemDetail) => {
            const done = acting;
            setActing(null);
            detail.setData(next);
            onChanged();
            if (done)
              void message.success(t('problems.action.done', { action: actionName(done, locale) }));
          }}
        />
      )}
    </Card>
  );
}
