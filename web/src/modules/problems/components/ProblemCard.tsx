import type { ProblemSummary } from '@shared/api/problems.ts';
import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { DepartmentName } from './DepartmentName.tsx';
import { DueDate } from './DueDate.tsx';

/** A problem on the board or the workbench: title, enterprise, category, department and due date. */
export function ProblemCard({ problem }: { problem: ProblemSummary }) {
  const { locale } = useI18n();
  return (
    <Card
      size="small"
      className={problem.overdue ? 'problem-card problem-card-overdue' : 'problem-card'}
      data-testid="problem-card"
      data-problem-id={problem.id}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Link to={`/problems/${problem.id}`} className="problem-card-title">
          <DataText>{problem.title}</DataText>
        </Link>
        <Typography.Text type="secondary" className="problem-card-line">
          <code>{problem.reference}</code> · <DataText>{problem.enterprise.name}</DataText>
        </Typography.Text>
        <Typography.Text type="secondary" className="problem-card-line">
          {localName(problem.category.name, locale)} ·{' '}
          <DepartmentName department={problem.department} />
        </Typography.Text>
        <DueDate problem={problem} showDaysLeft />
      </Space>
    </Card>
  );
}
