import { nameIn } from '../../i18n/utils/localName.ts';
import { formatDate, formatNumber } from '@shared/format.ts';
import type { SpaceMatch } from '@shared/api/parks.ts';
import type { ProjectDetail } from '@shared/api/projects.ts';
import { Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useAction } from '../../ui/hooks/useAction.ts';
import { useCanReserveIn } from '../../auth/hooks/useCanReserveIn.ts';
import { ReserveSpaceControl } from '../../ui/components/ReserveSpaceControl.tsx';

type Unit = SpaceMatch['kinds'][number]['units'][number] & { kind: string };

/** A project's park space: what it holds (release), and the parks that fit (reserve). */
export function SpaceMatchPanel({
  project,
  onChanged,
}: {
  project: ProjectDetail;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const canReserveIn = useCanReserveIn();
  const action = useAction();
  const [matching, setMatching] = useState(false);
  const matches = useApiQuery(
    matching
      ? apiGet('/projects/{id}/space-matches', { params: { path: { id: project.id } } })
      : null,
  );
  const live = project.reservations.filter((r) => r.status === 'reserved');
  const neededM2 = project.spaceNeed.reduce((sum, n) => sum + n.areaM2, 0);
  const needCovered = neededM2 > 0 && project.reservedM2 >= neededM2;
  const changed = () => {
    matches.reload();
    onChanged();
  };
  const release = async (reservationId: number) => {
    const done = await action.run(() =>
      api.POST('/projects/{id}/reservations/{reservationId}/release', {
        params: { path: { id: project.id, reservationId } },
      }),
    );
    if (done) changed();
  };

  return (
    <Card
      size="small"
      title={t('invest.space.title')}
      data-testid="space-panel"
      extra={
        <Button size="small" onClick={() => setMatching(true)} data-testid="match-space">
          {t('invest.space.match')}
        </Button>
      }
    >
      <List
        size="small"
        header={t('invest.space.reserved', { area: formatNumber(project.reservedM2) })}
        dataSource={live}
        locale={{ emptyText: t('invest.space.none') }}
        data-testid="reservations"
        renderItem={(r) => (
          <List.Item
            data-testid="reservation"
            actions={
              canReserveIn(r.parkId)
                ? [
                    <Button
                      key="release"
                      size="small"
                      onClick={() => void release(r.id)}
                      data-testid="release"
                    >
                      {t('invest.space.release')}
                    </Button>,
                  ]
                : []
            }
          >
            {nameIn(r.parkName, r.parkNameEn, locale)} · {r.spaceCode} · {t(`space.${r.kind}`)} ·{' '}
            {formatNumber(r.areaM2)} m²
          </List.Item>
        )}
      />
      {matches.error && <ApiErrorAlert error={matches.error} onRetry={matches.reload} />}
      {matching && !matches.error && matches.data?.items.length === 0 && (
        <Empty
          description={t(needCovered ? 'invest.space.covered' : 'invest.space.noMatch')}
          data-testid="space-no-match"
        />
      )}
      {/* After a failed refetch the old matches (and their old free areas) are not shown. */}
      {!matches.error &&
        matches.data?.items.map((match) => (
          <Card
            key={match.parkId}
            size="small"
            type="inner"
            style={{ marginTop: 12 }}
            data-testid="space-match"
            data-park-id={match.parkId}
            title={
              <Space>
                {nameIn(match.parkName, match.parkNameEn, locale)}
                <Tag color={match.coversNeed ? 'green' : 'orange'}>{match.score.toFixed(0)}</Tag>
                {match.focusNode && <Tag color="blue">{t('invest.space.focus')}</Tag>}
              </Space>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {match.reasons.map((r) => localName(r, locale)).join(locale === 'en' ? '; ' : '；')}
            </Typography.Paragraph>
            {match.kinds.map((kind) => (
              <div key={kind.kind} style={{ marginBottom: 8 }}>
                <Typography.Text data-testid={`match-free-${kind.kind}`}>
                  {t('invest.space.kindLine', {
                    kind: t(`space.${kind.kind}`),
                    need: formatNumber(kind.neededM2),
                    free: formatNumber(kind.freeM2),
                  })}
                </Typography.Text>
                <Table<Unit>
                  rowKey="spaceId"
                  size="small"
                  pagination={false}
                  dataSource={kind.units.map((u) => ({ ...u, kind: kind.kind }))}
                  columns={[
                    { key: 'code', title: t('parks.space.code'), dataIndex: 'code' },
                    {
                      key: 'building',
                      title: t('parks.space.building'),
                      render: (_, u) => u.building ?? '—',
                    },
                    {
                      key: 'free',
                      title: t('invest.space.free'),
                      align: 'right',
                      render: (_, u) => (
                        <span data-testid="unit-free">{formatNumber(u.freeM2)} m²</span>
                      ),
                    },
                    {
                      key: 'from',
                      title: t('parks.space.availableFrom'),
                      render: (_, u) => formatDate(u.availableFrom, locale),
                    },
                    ...(canReserveIn(match.parkId)
                      ? [
                          {
                            key: 'reserve',
                            title: '',
                            render: (_: unknown, u: Unit) => (
                              <ReserveSpaceControl
                                projectId={project.id}
                                place={{ spaceId: u.spaceId }}
                                suggestedM2={Math.min(u.freeM2, kind.neededM2)}
                                testIds={{ area: 'reserve-area', button: 'reserve' }}
                                onReserved={changed}
                              />
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </div>
            ))}
          </Card>
        ))}
    </Card>
  );
}
