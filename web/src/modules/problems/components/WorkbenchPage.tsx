import type { ProblemStage } from '@shared/problem-stages.ts';
import { Col, Row, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';
import { WorkbenchColumn } from './WorkbenchColumn.tsx';

const GROUPS: { stage: ProblemStage; label: MessageKey }[] = [
  { stage: 'assigned', label: 'problems.workbench.todo' },
  { stage: 'in_progress', label: 'problems.workbench.inProgress' },
  { stage: 'suspended', label: 'problems.workbench.suspended' },
  { stage: 'answered', label: 'problems.workbench.answered' },
];

/** 部门工作台 (a department user's home): its open problems by what it has to do next. */
export function WorkbenchPage() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('problems.workbench.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('problems.workbench.subtitle')}</Typography.Text>
        </div>
      </div>
      <Row gutter={[12, 12]} data-testid="workbench">
        {GROUPS.map(({ stage, label }) => (
          <Col key={stage} xs={24} md={12} xl={6}>
            <WorkbenchColumn stage={stage} label={label} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
