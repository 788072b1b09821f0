import { formatNumber, formatYuan } from '@shared/format.ts';
import type { ProjectSummary, Reservation } from '@shared/api/projects.ts';
import { SPACE_KINDS, type SpaceKind } from '@shared/space-kinds.ts';
import { Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useSession } from '../../auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useCanReserveIn } from '../../auth/hooks/useCanReserveIn.ts';
import { ReserveSpaceControl } from '../../ui/components/ReserveSpaceControl.tsx';

/**
 * The projects matched to a park (aimed at it or holding space in it) and its reservations; shown
 * only to those who may see them (a park user: its own park), reserving where allowed.
 */
export function ParkPipelineCard({ parkId, onChanged }: { parkId: number; onChanged: () => void }) {
  const { user } = useSession();
  const visible = user !== null && (user.role !== 'park' || user.parkId === parkId);
  return visible ? <ParkPipeline parkId={parkId} onChanged={onChanged} /> : null;
}

function ParkPipeline({ parkId, onChanged }: { parkId: number; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const canReserveIn = useCanReserveIn();
  // The kind to reserve: chosen in the column's header for every row, else each project's own
  // first need (a wet-lab project reserves wet lab unless told otherwise).
  const [kind, setKind] = useState<SpaceKind | null>(null);
  const kindFor = (p: ProjectSummary): SpaceKind => kind ?? p.spaceNeed[0]?.kind ?? 'office';
  const byPark = { params: { path: { id: parkId } } };
  const projects = useApiQuery(apiGet('/parks/{id}/projects', byPark));
  const reservations = useApiQuery(apiGet('/parks/{id}/reservations', byPark));
  const changed = () => {
    projects.reload();
    reservations.reload();
    onChanged();
  };
  const error = projects.error ?? reservations.error;
  return (
    <Card title={t('invest.park.title')} data-testid="park-pipeline">
      {error && <ApiErrorAlert error={error} />}
      <Table<ProjectSummary>
        rowKey="id"
        size="small"
        loading={projects.loading}
        dataSource={projects.data?.items ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        data-testid="park-projects"
        columns={[
          { key: 'name', title: t('invest.name'), dataIndex: 'name' },
          {
            key: 'stage',
            title: t('invest.stage'),
            render: (_, p) => t(`invest.stage.${p.stage}`),
          },
          {
            key: 'node',
            title: t('invest.node'),
            render: (_, p) => (p.node ? localName(p.node.name, locale) : '—'),
          },
          {
            key: 'output',
            title: t('invest.expectedOutput'),
            align: 'right',
            render: (_, p) => formatYuan(p.expectedOutputYuan, locale),
          },
          {
            key: 'need',
            title: t('invest.form.spaceNeed'),
            render: (_, p) =>
              p.spaceNeed
                .map((n) => `${t(`space.${n.kind}`)} ${formatNumber(n.areaM2)} m²`)
                .join('，') || '—',
          },
          {
            key: 'reserved',
            title: t('invest.park.reserved'),
            align: 'right',
            render: (_, p) => `${formatNumber(p.reservedM2)} m²`,
          },
          ...(canReserveIn(parkId)
            ? [
                {
                  key: 'reserve',
                  title: (
                    <Select<SpaceKind>
                      size="small"
                      value={kind ?? undefined}
                      onChange={(next?: SpaceKind) => setKind(next ?? null)}
                      allowClear
                      placeholder={t('invest.park.kindAsNeeded')}
                      style={{ width: 150 }}
                      options={SPACE_KINDS.map((k) => ({ value: k, label: t(`space.${k}`) }))}
                      data-testid="park-reserve-kind"
                    />
                  ),
                  render: (_: unknown, p: ProjectSummary) => (
                    <ReserveSpaceControl
                      key={kindFor(p)}
                      projectId={p.id}
                      place={{ parkId, kind: kindFor(p) }}
                      suggestedM2={p.spaceNeed.find((n) => n.kind === kindFor(p))?.areaM2 ?? 100}
                      testIds={{ button: 'park-reserve', area: 'park-reserve-area' }}
                      onReserved={changed}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Table<Reservation>
          rowKey="id"
          size="small"
          dataSource={(reservations.data?.items ?? []).filter((r) => r.status === 'reserved')}
          pagination={{ pageSize: 8, hideOnSinglePage: true }}
          data-testid="park-reservations"
          columns={[
            { key: 'project', title: t('invest.park.project'), dataIndex: 'projectName' },
            { key: 'unit', title: t('parks.space.code'), dataIndex: 'spaceCode' },
            { key: 'kind', title: t('parks.space.kind'), render: (_, r) => t(`space.${r.kind}`) },
            {
              key: 'area',
              title: t('parks.space.area'),
              align: 'right',
              render: (_, r) => `${formatNumber(r.areaM2)} m²`,
            },
            {
              key: 'by',
              title: t('invest.park.by'),
              render: (_, r) => `${r.reservedBy} · ${r.reservedAt.slice(0, 10)}`,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
