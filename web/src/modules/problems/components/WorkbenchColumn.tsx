import type { ProblemStage } from '@shared/problem-stages.ts';
import { Badge, Empty, Typography } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { byUrgency, isDueSoon } from '../utils/byUrgency.ts';
import { ProblemCard } from './ProblemCard.tsx';

/** One group of the workbench: the problems in one stage, overdue and due-soon first. */
export function WorkbenchColumn({ stage, label }: { stage: ProblemStage; label: MessageKey }) {
  const { t } = useI18n();
  // The server keeps a department user to its own department's problems.
  const list = useApiQuery(apiGet('/problems', { params: { query: { stage, pageSize: 500 } } }));
  const group = [...(list.data?.items ?? [])].sort(byUrgency);
  const overdue = group.filter((p) => p.overdue).length;
  const soon = group.filter(isDueSoon).length;
  return (
    <div className="problem-column" data-testid={`workbench-${stage}`}>
      <div className="problem-column-head">
        <Typography.Text strong>{t(label)}</Typography.Text>
        <Badge count={list.data?.total ?? 0} showZero color="#1677ff" />
        {overdue > 0 && <Badge count={overdue} color="red" title={t('problems.overdue')} />}
        {soon > 0 && <Badge count={soon} color="orange" title={t('problems.workbench.soon')} />}
      </div>
      <div className="problem-column-body">
        {list.error ? (
          <ApiErrorAlert error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <PageSpinner />
        ) : group.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.workbench.empty')} />
        ) : (
          group.map((problem) => <ProblemCard key={problem.id} problem={problem} />)
        )}
      </div>
    </div>
  );
}
