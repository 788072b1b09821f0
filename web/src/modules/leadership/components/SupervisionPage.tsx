import '../leadership.css';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { Button, Card, Descriptions, Empty, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName, nameIn } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { chainPagePath } from '../../chains/utils/chainPath.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { CompleteSupervisionModal } from './CompleteSupervisionModal.tsx';
import { SupervisionStateTag } from './SupervisionStateTag.tsx';

/**
 * One 督办 item: what, who, by when, and the activity it came from; its progress notes; add a note,
 * and complete it once asked (with an optional note of the result).
 */
export function SupervisionPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  // The server answers a department user only its own department's items, so may report = sees.
  const canProgress = useCan('supervision:progress');
  const item = useApiQuery(
    Number.isInteger(id) && id > 0
      ? apiGet('/supervision/{id}', { params: { path: { id } } })
      : null,
  );
  const activityId = item.data?.activityId ?? null;
  // The visit, meeting or decision the item follows up, to name it (the app has no page per
  // activity: the link opens the activities of its day).
  const activity = useApiQuery(
    activityId !== null
      ? apiGet('/leader/activities/{id}', { params: { path: { id: activityId } } })
      : null,
  );
  const action = useAction();
  const [note, setNote] = useState('');
  const [completing, setCompleting] = useState(false);
  // A new key each time the question opens: its note starts again from the draft.
  const [completeKey, setCompleteKey] = useState(0);

  if (item.error) return <ApiErrorAlert error={item.error} onRetry={item.reload} />;
  if (!item.data) return <PageSpinner />;
  const data = item.data;
  const open = data.state === 'open';

  const addNote = async () => {
    const saved = await action.run(() =>
      api.POST('/supervision/{id}/notes', {
        params: { path: { id } },
        body: { note: note.trim() },
      }),
    );
    if (saved) {
      item.setData(saved);
      setNote('');
    }
  };
  const complete = async (result: string | null) => {
    const saved = await action.run(() =>
      api.POST('/supervision/{id}/complete', {
        params: { path: { id } },
        body: { note: result },
      }),
    );
    if (saved) {
      item.setData(saved);
      setNote('');
      setCompleting(false);
    }
  };
  const source = activity.data;
  const activitiesPath = (day?: string) =>
    chainPagePath(
      data.chain.code,
      `/leader?${new URLSearchParams({
        tab: 'activities',
        region: data.regionCode,
        ...(day ? { from: day, to: day } : {}),
      }).toString()}`,
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/leader?tab=supervision">← {t('leader.supervision.back')}</Link>
      <div className="page-header">
        <Typography.Title level={3} data-testid="supervision-title">
          <DataText>{data.title}</DataText>
        </Typography.Title>
        <span data-testid="supervision-state">
          <SupervisionStateTag item={data} />
        </span>
      </div>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('leader.supervision.owner')}>
            {data.ownerDepartment ? (
              <DataText>
                {nameIn(data.ownerDepartment.name, data.ownerDepartment.nameEn, locale)}
              </DataText>
            ) : (
              t('leader.supervision.noOwner')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('leader.supervision.deadline')}>
            <Typography.Text type={data.overdue ? 'danger' : undefined} strong={data.overdue}>
              {formatDate(data.deadline, locale)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('leader.chain')}>
            {localName(data.chain.name, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('leader.supervision.assignedBy')}>
            <DataText>{data.assignedBy}</DataText>
            {' · '}
            {formatDateTime(data.createdAt, locale)}
          </Descriptions.Item>
          {data.completedAt && (
            <Descriptions.Item label={t('leader.supervision.completedAt')}>
              {formatDateTime(data.completedAt, locale)}
            </Descriptions.Item>
          )}
          {data.activityId !== null && (
            <Descriptions.Item label={t('leader.supervision.activity')}>
              <Link to={activitiesPath(source?.heldOn)} data-testid="supervision-activity">
                {source ? (
                  <>
                    {formatDate(source.heldOn, locale)}
                    {' · '}
                    <DataText>{source.title}</DataText>
                  </>
                ) : (
                  t('leader.supervision.openActivity')
                )}
              </Link>
            </Descriptions.Item>
          )}
          {data.problemId !== null && (
            <Descriptions.Item label={t('leader.supervision.problem')}>
              <Link to={`/problems/${data.problemId}`}>{t('leader.supervision.openProblem')}</Link>
            </Descriptions.Item>
          )}
          {data.sharedProblemId !== null && (
            <Descriptions.Item label={t('leader.supervision.shared')}>
              <Link to="/leader?tab=shared">{t('leader.tab.shared')}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {data.detail && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            <DataText>{data.detail}</DataText>
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t('leader.supervision.notes')}>
        {data.notes.length === 0 ? (
          <Empty description={t('leader.supervision.noNotes')} />
        ) : (
          <Timeline
            data-testid="supervision-notes"
            items={data.notes.map((n) => ({
              key: n.id,
              children: (
                <div>
                  <Typography.Text type="secondary">
                    <DataText>{n.authorName}</DataText>
                    {' · '}
                    {formatDateTime(n.at, locale)}
                  </Typography.Text>
                  <div>
                    <DataText>{n.note}</DataText>
                  </div>
                </div>
              ),
            }))}
          />
        )}
        {canProgress && open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('leader.supervision.notePlaceholder')}
              data-testid="supervision-note"
            />
            <Space wrap>
              <Button
                onClick={() => void addNote()}
                disabled={!note.trim()}
                loading={action.busy}
                data-testid="supervision-add-note"
              >
                {t('leader.supervision.addNote')}
              </Button>
              <Button
                type="primary"
                onClick={() => {
                  setCompleteKey((key) => key + 1);
                  setCompleting(true);
                }}
                disabled={action.busy}
                data-testid="supervision-complete"
              >
                {t('leader.supervision.complete')}
              </Button>
            </Space>
          </Space>
        )}
      </Card>
      <CompleteSupervisionModal
        key={completeKey}
        open={completing && open}
        title={data.title}
        draft={note}
        busy={action.busy}
        onComplete={(result) => void complete(result)}
        onCancel={() => setCompleting(false)}
      />
    </Space>
  );
}
