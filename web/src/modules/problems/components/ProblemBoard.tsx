import type { ProblemSummary } from '@shared/api/problems.ts';
import { PROBLEM_STAGES } from '@shared/problem-stages.ts';
import { Badge, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { stageName } from '../utils/problemNames.ts';
import { ProblemCard } from './ProblemCard.tsx';

/** The problems as a board, one column per stage from 待受理 to 已办结 and 已退回. */
export function ProblemBoard({ items }: { items: ProblemSummary[] }) {
  const { locale } = useI18n();
  return (
    <div className="problem-board" data-testid="problem-board">
      {PROBLEM_STAGES.map((stage) => {
        const column = items.filter((p) => p.stage === stage);
        return (
          <div key={stage} className="problem-column" data-testid={`column-${stage}`}>
            <div className="problem-column-head">
              <Typography.Text strong>{stageName(stage, locale)}</Typography.Text>
              <Badge count={column.length} showZero color="#1677ff" />
              {column.some((p) => p.overdue) && (
                <Badge count={column.filter((p) => p.overdue).length} color="red" />
              )}
            </div>
            <div className="problem-column-body">
              {column.map((problem) => (
                <ProblemCard key={problem.id} problem={problem} />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
