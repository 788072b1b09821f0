import { formatDate, formatDateTime } from '@shared/format.ts';
import type { ProblemDetail } from '@shared/api/problems.ts';
import { OPEN_PROBLEM_STAGES, type ProblemAction } from '@shared/problem-stages.ts';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { actionName, satisfactionName } from '../utils/problemNames.ts';
import { ActionModal } from './ActionModal.tsx';
import { EditProblemModal } from './EditProblemModal.tsx';
import { EscalateProblemModal } from './EscalateProblemModal.tsx';
import { ProblemAttachments } from './ProblemAttachments.tsx';
import { ProblemComment } from './ProblemComment.tsx';
import { ProblemFacts } from './ProblemFacts.tsx';
import { ProblemTimeline } from './ProblemTimeline.tsx';

/** A problem's page: its facts, what happened, the actions the user may take now, the timeline. */
export function ProblemPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const canManage = useCan('problem:manage');
  const canAct = useCan('problem:act');
  const canEscalate = useCan('leader:write');
  const id = Number(useParams().id);
  const detail = useApiQuery(
    Number.isInteger(id) && id > 0 ? apiGet('/problems/{id}', { params: { path: { id } } }) : null,
  );
  const [acting, setActing] = useState<ProblemAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [escalating, setEscalating] = useState(false);

  if (detail.error) return <ApiErrorAlert error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageSpinner />;
  const problem: ProblemDetail = detail.data;
  const updated = (next: ProblemDetail) => {
    detail.setData(next);
  };
  const hidden = <Typography.Text type="secondary">{t('problems.detail.hidden')}</Typography.Text>;
  const back =
    user?.role === 'department' ? '/workbench' : user?.role === 'firm' ? '/service' : '/problems';

  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-problem-id={problem.id}
    >
      <div className="page-header">
        <div>
          <Link to={back}>
            <ArrowLeftOutlined /> {t('problems.detail.back')}
          </Link>
          <Typography.Title level={3} data-testid="problem-title">
            <DataText>{problem.title}</DataText>
          </Typography.Title>
          <Typography.Text type="secondary">
            <code>{problem.reference}</code> ·{' '}
            {t('problems.detail.sla', {
              sla: problem.slaWorkingDays,
              extension: problem.extensionWorkingDays,
              suspended: problem.suspendedWorkingDays,
              start: formatDate(problem.clockStartsOn, locale),
            })}
          </Typography.Text>
        </div>
        <Space wrap data-testid="problem-actions">
          {problem.allowedActions.map((action) => (
            <Button
              key={action}
              type={action === 'return' || action === 'decline' ? 'default' : 'primary'}
              danger={action === 'return' || action === 'decline' || action === 'reopen'}
              onClick={() => setActing(action)}
              data-testid={`action-${action}`}
            >
              {actionName(action, locale)}
            </Button>
          ))}
          {canManage && problem.editable && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit">
              {t('problems.detail.edit')}
            </Button>
          )}
          {canEscalate && OPEN_PROBLEM_STAGES.includes(problem.stage) && (
            <Button onClick={() => setEscalating(true)} data-testid="escalate">
              {t('problems.escalate.open')}
            </Button>
          )}
        </Space>
      </div>
      <ProblemFacts problem={problem} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('problems.detail.description')}>
              <Typography.Paragraph className="problem-note" data-testid="problem-description">
                <DataText>{problem.description}</DataText>
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('problems.detail.contact')}: </Typography.Text>
              {problem.attachmentsHidden ? (
                hidden
              ) : (
                <DataText>
                  {[problem.contactName, problem.contactPhone].filter(Boolean).join(' · ') || '—'}
                </DataText>
              )}
            </Card>
            {(problem.answer || problem.returnReason || problem.satisfaction) && (
              <Card size="small">
                {problem.answer && (
                  <Typography.Paragraph>
                    <Typography.Text strong>{t('problems.detail.answer')}: </Typography.Text>
                    <DataText>{problem.answer}</DataText>
                  </Typography.Paragraph>
                )}
                {problem.returnReason && (
                  <Typography.Paragraph>
                    <Typography.Text strong>{t('problems.detail.returnReason')}: </Typography.Text>
                    <DataText>{problem.returnReason}</DataText>
                  </Typography.Paragraph>
                )}
                {problem.satisfaction && (
                  <Typography.Paragraph data-testid="problem-rating">
                    <Typography.Text strong>{t('problems.detail.rating')}: </Typography.Text>
                    {satisfactionName(problem.satisfaction, locale)}
                    {problem.satisfactionComment && (
                      <>
                        {' · '}
                        <DataText>{problem.satisfactionComment}</DataText>
                      </>
                    )}
                  </Typography.Paragraph>
                )}
                {problem.firstClosedAt && (
                  <Typography.Text type="secondary">
                    {t('problems.detail.firstClosed', {
                      at: formatDateTime(problem.firstClosedAt, locale),
                      onTime: t(
                        problem.firstClosedOnTime
                          ? 'problems.detail.onTime'
                          : 'problems.detail.late',
                      ),
                    })}
                  </Typography.Text>
                )}
              </Card>
            )}
            <ProblemAttachments problem={problem} onChanged={detail.reload} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('problems.timeline')}>
            <ProblemTimeline events={problem.timeline} />
            {canAct && <ProblemComment problem={problem} onDone={updated} />}
          </Card>
        </Col>
      </Row>
      <ActionModal
        problem={problem}
        action={acting}
        onClose={() => setActing(null)}
        onDone={(next) => {
          const done = acting;
          setActing(null);
          updated(next);
          if (done)
            void message.success(t('problems.action.done', { action: actionName(done, locale) }));
        }}
      />
      {editing && (
        <EditProblemModal
          problem={problem}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            updated(next);
          }}
        />
      )}
      {escalating && (
        <EscalateProblemModal
          problem={problem}
          open={escalating}
          onClose={() => setEscalating(false)}
        />
      )}
    </Space>
  );
}
