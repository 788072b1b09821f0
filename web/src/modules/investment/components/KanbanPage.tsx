import { formatDate, formatYuan } from '@shared/format.ts';
import { PROJECT_STAGES, type ProjectStage } from '@shared/project-stages.ts';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet, apiUrl } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ProjectCard } from './ProjectCard.tsx';
import { ProjectDrawer } from './ProjectDrawer.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';
import { ProjectImportButton } from './ProjectImportButton.tsx';

const isStage = (value: string | null): value is ProjectStage =>
  (PROJECT_STAGES as readonly string[]).includes(value ?? '');

/**
 * 项目看板: the pipeline by stage, 线索 → 投产, with moves, a project drawer, import and export.
 * `?region=` and `?reached=<stage>&reachedFrom&reachedTo` (the scorecard's links: projects that
 * first reached a stage in a period, dropped ones too) narrow it, shown with a way to clear them.
 */
export function KanbanPage() {
  const { t, locale } = useI18n();
  const { chain } = useChain();
  const homeRegion = useHomeRegion();
  const canWrite = useCan('project:write');
  const [searchParams, setSearchParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const openId = Number(searchParams.get('open')) || null;
  const region = searchParams.get('region') ?? homeRegion;
  const reachedParam = searchParams.get('reached');
  const reached = isStage(reachedParam)
    ? {
        reached: reachedParam,
        reachedFrom: searchParams.get('reachedFrom') ?? undefined,
        reachedTo: searchParams.get('reachedTo') ?? undefined,
      }
    : null;
  const filter = chain
    ? {
        chain: chain.code,
        region,
        ...(reached ? { ...reached, status: 'all' as const } : {}),
      }
    : null;
  const board = useApiQuery(filter ? apiGet('/projects', { params: { query: filter } }) : null);
  // Opening a project keeps the filters in the address; clearing drops the scorecard's.
  const setParams = (changes: Record<string, string | null>) =>
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null) next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true },
    );
  const open = (id: number | null) => setParams({ open: id === null ? null : String(id) });
  const clearReached = () =>
    setParams({ reached: null, reachedFrom: null, reachedTo: null, status: null });

  if (board.error) return <ApiErrorAlert error={board.error} onRetry={board.reload} />;
  if (!board.data || !chain) return <PageSpinner />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('invest.kanban.title')}</Typography.Title>
          {!reached && (
            <Typography.Text type="secondary">
              {t('invest.kanban.summary', {
                count: board.data.total,
                days: board.data.stalledDays,
              })}
            </Typography.Text>
          )}
        </div>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/projects/export', { query: { chain: chain.code, region: homeRegion } })}
            data-testid="project-export"
          >
            {t('invest.kanban.export')}
          </Button>
          {canWrite && <ProjectImportButton chainCode={chain.code} onImported={board.reload} />}
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="project-new"
            >
              {t('invest.kanban.new')}
            </Button>
          )}
        </Space>
      </div>
      {reached && (
        <Alert
          type="info"
          showIcon
          data-testid="kanban-reached-filter"
          message={t('invest.kanban.reached', {
            stage: t(`invest.stage.${reached.reached}`),
            from: reached.reachedFrom ? formatDate(reached.reachedFrom, locale) : '…',
            to: reached.reachedTo ? formatDate(reached.reachedTo, locale) : '…',
            count: board.data.total,
          })}
          action={
            <Button size="small" onClick={clearReached} data-testid="kanban-reached-clear">
              {t('common.reset')}
            </Button>
          }
        />
      )}
      <div className="invest-board" data-testid="kanban">
        {board.data.columns.map((column) => (
          <div key={column.stage} className="invest-column" data-testid={`column-${column.stage}`}>
            <div className="invest-column-head">
              <Space>
                <Typography.Text strong>{t(`invest.stage.${column.stage}`)}</Typography.Text>
                <Badge count={column.count} showZero color="#1677ff" />
                {column.stalledCount > 0 && <Badge count={column.stalledCount} color="red" />}
              </Space>
              <Typography.Text type="secondary" className="invest-column-sub">
                {t('invest.kanban.weighted', {
                  value: formatYuan(column.weightedOutputYuan, locale),
                  probability: Math.round(column.probability * 100),
                })}
              </Typography.Text>
            </div>
            <div className="invest-column-body">
              {column.items.map((project) => (
                <ProjectCard
                  key={project.id}
                  project={project}
                  onOpen={() => open(project.id)}
                  onMoved={board.reload}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
      <ProjectDrawer projectId={openId} onClose={() => open(null)} onChanged={board.reload} />
      <ProjectFormModal
        open={creating}
        chainCode={chain.code}
        regionCode={homeRegion}
        onClose={() => setCreating(false)}
        onSaved={(project) => {
          setCreating(false);
          board.reload();
          open(project.id);
        }}
      />
    </Space>
  );
}
