import { DataText } from '../../i18n/components/Phrase.tsx';
import { formatDate, formatYuan } from '@shared/format.ts';
import type { ProjectDetail, ProjectSummary } from '@shared/api/projects.ts';
import { Card, Tag, Typography } from 'antd';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { MoveButtons } from './MoveButtons.tsx';

/** One project on the kanban: what, where, how much, who, what next, and its moves. */
export function ProjectCard({
  project,
  onOpen,
  onMoved,
}: {
  project: ProjectSummary;
  onOpen: () => void;
  onMoved: (project: ProjectDetail) => void;
}) {
  const { t, locale } = useI18n();
  const canWrite = useCan('project:write');
  return (
    <Card
      size="small"
      hoverable
      className="invest-card"
      onClick={onOpen}
      data-testid="project-card"
      data-project-id={project.id}
    >
      <div className="invest-card-title">
        <Typography.Text strong ellipsis title={project.name}>
          <DataText>{project.name}</DataText>
        </Typography.Text>
        {project.stalled && (
          <Tag color="red" data-testid="stalled">
            {t('invest.stalled', { days: project.daysSinceChange })}
          </Tag>
        )}
      </div>
      <div className="invest-card-line">
        {project.node ? localName(project.node.name, locale) : t('invest.noNode')}
      </div>
      <div className="invest-card-line">
        {t('invest.investment')} {formatYuan(project.investmentYuan, locale)} ·{' '}
        {t('invest.expectedOutput')} {formatYuan(project.expectedOutputYuan, locale)}
      </div>
      <div className="invest-card-line">
        <DataText>
          {project.owner ? (project.owner.displayName ?? project.owner.username) : '—'}
        </DataText>
        {project.nextAction && (
          <>
            {' · '}
            <DataText>{project.nextAction}</DataText>
            {project.nextActionOn && ` (${formatDate(project.nextActionOn, locale)})`}
          </>
        )}
      </div>
      {canWrite && project.status === 'active' && (
        <div style={{ marginTop: 6 }}>
          <MoveButtons project={project} onMoved={onMoved} />
        </div>
      )}
    </Card>
  );
}
