import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import type { ProjectDetail, ProjectStage, ProjectSummary } from '@shared/api/projects.ts';
import { stageIndex } from '@shared/project-stages.ts';
import { Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useAction } from '../../ui/hooks/useAction.ts';

/** The stage moves a project may make now: forward one step, or back with a reason asked for. */
export function MoveButtons({
  project,
  onMoved,
}: {
  project: Pick<ProjectSummary, 'id' | 'stage' | 'allowedMoves'>;
  onMoved: (project: ProjectDetail) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [back, setBack] = useState<ProjectStage | null>(null);
  const [reason, setReason] = useState('');

  const move = async (to: ProjectStage, why?: string) => {
    const moved = await action.run(() =>
      api.POST('/projects/{id}/move', {
        params: { path: { id: project.id } },
        body: { to, ...(why ? { reason: why } : {}) },
      }),
    );
    if (!moved) return;
    setBack(null);
    setReason('');
    onMoved(moved);
  };

  const current = stageIndex(project.stage);
  return (
    <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
      {project.allowedMoves.map((to) =>
        stageIndex(to) > current ? (
          <Button
            key={to}
            size="small"
            type="primary"
            ghost
            icon={<ArrowRightOutlined />}
            loading={action.busy}
            onClick={() => void move(to)}
            data-testid={`move-${to}`}
          >
            {t(`invest.stage.${to}`)}
          </Button>
        ) : (
          <Button
            key={to}
            size="small"
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => setBack(to)}
            data-testid={`move-back-${to}`}
          >
            {t(`invest.stage.${to}`)}
          </Button>
        ),
      )}
      <Modal
        open={back !== null}
        title={back ? t('invest.move.backTitle', { stage: t(`invest.stage.${back}`) }) : ''}
        okText={t('invest.move.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{
          disabled: reason.trim() === '',
          loading: action.busy,
          'data-testid': 'move-confirm',
        }}
        onOk={() => back && void move(back, reason.trim())}
        onCancel={() => setBack(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          value={reason}
          placeholder={t('invest.move.reason')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="move-reason"
        />
      </Modal>
    </Space>
  );
}
