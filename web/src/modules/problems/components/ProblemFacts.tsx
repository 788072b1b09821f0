import { formatDateTime } from '@shared/format.ts';
import type { ProblemDetail } from '@shared/api/problems.ts';
import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../../auth/hooks/useCan.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { channelName } from '../utils/problemNames.ts';
import { DepartmentName } from './DepartmentName.tsx';
import { DueDate } from './DueDate.tsx';
import { StageTag } from './StageTag.tsx';

/** The head of a problem's page: stage, due date and days left, category, node, department, who. */
export function ProblemFacts({ problem }: { problem: ProblemDetail }) {
  const { t, locale } = useI18n();
  const canSeeRegistry = useCan('enterprise:read');
  const enterprise = <DataText>{problem.enterprise.name}</DataText>;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="problem-facts"
      items={[
        {
          key: 'stage',
          label: t('problems.detail.stage'),
          children: (
            <span data-testid="problem-stage">
              <StageTag stage={problem.stage} />
            </span>
          ),
        },
        {
          key: 'due',
          label: t('problems.detail.due'),
          children: (
            <>
              <DueDate problem={problem} showDaysLeft />
              {problem.pendingExtensionDays !== null && (
                <div>
                  <Typography.Text type="warning">
                    {t('problems.pendingExtension', { days: problem.pendingExtensionDays })}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        {
          key: 'enterprise',
          label: t('problems.detail.enterprise'),
          children: canSeeRegistry ? (
            <Link to={`/enterprises/${problem.enterprise.id}`}>{enterprise}</Link>
          ) : (
            enterprise
          ),
        },
        {
          key: 'category',
          label: t('problems.detail.category'),
          children: localName(problem.category.name, locale),
        },
        {
          key: 'node',
          label: t('problems.detail.node'),
          children: problem.node ? localName(problem.node.name, locale) : '—',
        },
        {
          key: 'department',
          label: t('problems.detail.department'),
          children: (
            <span data-testid="problem-department">
              <DepartmentName department={problem.department} />
            </span>
          ),
        },
        {
          key: 'assignee',
          label: t('problems.detail.assignee'),
          children: problem.assigneeName ? <DataText>{problem.assigneeName}</DataText> : '—',
        },
        {
          key: 'channel',
          label: t('problems.detail.channel'),
          children: channelName(problem.channel, locale),
        },
        {
          key: 'received',
          label: t('problems.detail.receivedAt'),
          children: formatDateTime(problem.receivedAt, locale),
        },
      ]}
    />
  );
}
