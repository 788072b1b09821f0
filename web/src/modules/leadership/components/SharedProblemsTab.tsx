import type { SharedProblem } from '@shared/api/leadership.ts';
import { formatDateTime } from '@shared/format.ts';
import { PROBLEM_STAGE_NAMES, type ProblemStage } from '@shared/problem-stages.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { EscalateModal } from './EscalateModal.tsx';
import { SharedProblemFormModal } from './SharedProblemFormModal.tsx';
import { SupervisionList } from './SupervisionList.tsx';

/** 共性问题: problems several enterprises share; create one from problems, escalate it. */
export function SharedProblemsTab({
  chainCode,
  regionCode,
}: {
  chainCode: string;
  regionCode: string;
}) {
  const { t, locale } = useI18n();
  const canCreate = useCan('problem:manage');
  const canEscalate = useCan('leader:write');
  const [creating, setCreating] = useState(false);
  const [escalating, setEscalating] = useState<SharedProblem | null>(null);
  const shared = useApiQuery(
    apiGet('/shared-problems', {
      params: { query: { chain: chainCode, region: regionCode, pageSize: 200 } },
    }),
  );
  const stageName = (stage: string) =>
    stage in PROBLEM_STAGE_NAMES
      ? localName(PROBLEM_STAGE_NAMES[stage as ProblemStage], locale)
      : stage;

  if (shared.error) return <ApiErrorAlert error={shared.error} onRetry={shared.reload} />;
  if (!shared.data) return <PageSpinner />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canCreate && (
        <div className="page-header">
          <span />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="shared-new"
          >
            {t('leader.shared.new')}
          </Button>
        </div>
      )}
      {shared.data.items.length === 0 && <Empty description={t('leader.shared.none')} />}
      {shared.data.items.map((sp) => (
        <Card
          key={sp.id}
          size="small"
          data-testid="shared-problem"
          title={<DataText>{sp.title}</DataText>}
          extra={
            sp.escalatedAt ? (
              <Tag color="volcano">
                {t('leader.shared.escalated', { at: formatDateTime(sp.escalatedAt, locale) })}
              </Tag>
            ) : (
              canEscalate && (
                <Button
                  size="small"
                  onClick={() => setEscalating(sp)}
                  data-testid="shared-escalate"
                >
                  {t('leader.shared.escalate')}
                </Button>
              )
            )
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {sp.node && <Tag>{localName(sp.node.name, locale)}</Tag>}
            {sp.summary && (
              <Typography.Text type="secondary">
                <DataText>{sp.summary}</DataText>
              </Typography.Text>
            )}
            <ul className="leader-problem-list">
              {sp.problems.map((p) => (
                <li key={p.id}>
                  <Link to={`/problems/${p.id}`}>{p.reference}</Link>{' '}
                  <DataText>
                    {p.title} · {p.enterprise.name}
                  </DataText>{' '}
                  <Tag>{stageName(p.stage)}</Tag>
                </li>
              ))}
            </ul>
            {sp.supervisionItems.length > 0 && <SupervisionList items={sp.supervisionItems} />}
          </Space>
        </Card>
      ))}
      <SharedProblemFormModal
        open={creating}
        chainCode={chainCode}
        regionCode={regionCode}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          shared.reload();
        }}
      />
      <EscalateModal
        shared={escalating}
        onClose={() => setEscalating(null)}
        onSaved={() => {
          setEscalating(null);
          shared.reload();
        }}
      />
    </Space>
  );
}
