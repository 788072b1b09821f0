import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatDate, formatYuan } from '@shared/format.ts';
import { EditOutlined } from '@ant-design/icons';
import type { ProjectDetail } from '@shared/api/projects.ts';
import { Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName, nameIn } from '../../i18n/utils/localName.ts';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { MoveButtons } from './MoveButtons.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';
import { SpaceMatchPanel } from './SpaceMatchPanel.tsx';
import { StageHistory } from './StageHistory.tsx';

/** A project in full: details, moves, stage history, notes, attachments and park space. */
export function ProjectDrawer({
  projectId,
  onClose,
  onChanged,
}: {
  projectId: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const canWrite = useCan('project:write');
  const [editing, setEditing] = useState(false);
  const query = useApiQuery(
    projectId ? apiGet('/projects/{id}', { params: { path: { id: projectId } } }) : null,
  );
  const project = query.data?.id === projectId ? query.data : undefined;
  const changed = (next?: ProjectDetail) => {
    if (next) query.setData(next);
    else query.reload();
    onChanged();
  };

  return (
    <Drawer
      open={projectId !== null}
      onClose={onClose}
      width={760}
      title={<DataText>{project?.name ?? ''}</DataText>}
      destroyOnHidden
      extra={
        canWrite &&
        project && (
          <Button
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="project-edit"
          >
            {t('invest.form.edit')}
          </Button>
        )
      }
    >
      {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
      {!project && !query.error && <PageSpinner />}
      {project && (
        <Space
          direction="vertical"
          size="large"
          style={{ width: '100%' }}
          data-testid="project-drawer"
        >
          <Space wrap>
            <Tag color="blue" data-testid="project-stage">
              {t(`invest.stage.${project.stage}`)}
            </Tag>
            {project.status === 'dropped' && <Tag>{t('invest.dropped')}</Tag>}
            {project.stalled && (
              <Tag color="red">{t('invest.stalled', { days: project.daysSinceChange })}</Tag>
            )}
            {canWrite && project.status === 'active' && (
              <MoveButtons project={project} onMoved={changed} />
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('invest.form.investor')}>
              <DataText>{project.enterprise?.name ?? project.investor ?? '—'}</DataText>
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.node')}>
              {project.node ? localName(project.node.name, locale) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.investment')}>
              {formatYuan(project.investmentYuan, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.capital')}>
              {formatYuan(project.capitalInPlaceYuan, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.expectedOutput')}>
              {formatYuan(project.expectedOutputYuan, locale)}
              {project.outputStartYear && ` (${project.outputStartYear}–)`}
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.weightedOutput')}>
              {formatYuan(project.weightedOutputYuan, locale)} ·{' '}
              {Math.round(project.probability * 100)}%
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.form.spaceNeed')}>
              {project.spaceNeed.length === 0
                ? '—'
                : project.spaceNeed.map((n) => `${t(`space.${n.kind}`)} ${n.areaM2} m²`).join('，')}
              {project.spaceNeededFrom && ` · ${formatDate(project.spaceNeededFrom, locale)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.park')}>
              <DataText>
                {project.park ? nameIn(project.park.name, project.park.nameEn, locale) : '—'}
              </DataText>
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.owner')}>
              <DataText>
                {project.owner ? (project.owner.displayName ?? project.owner.username) : '—'}
              </DataText>
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.form.nextAction')}>
              <DataText>{project.nextAction ?? '—'}</DataText>
              {project.nextActionOn && ` (${formatDate(project.nextActionOn, locale)})`}
            </Descriptions.Item>
            <Descriptions.Item label={t('invest.form.notes')} span={2}>
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                data-testid="project-notes"
              >
                <DataText>{project.notes ?? '—'}</DataText>
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <SpaceMatchPanel project={project} onChanged={() => changed()} />
          <AttachmentsPanel project={project} onChanged={() => changed()} />
          <StageHistory events={project.events} />
        </Space>
      )}
      {project && (
        <ProjectFormModal
          open={editing}
          project={project}
          chainCode={project.chainCode}
          regionCode={project.regionCode}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            changed(saved);
          }}
        />
      )}
    </Drawer>
  );
}
