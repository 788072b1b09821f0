import { DefinedTerm } from '../../ui/components/DefinedTerm.tsx';
import { formatPercent, formatYuan } from '@shared/format.ts';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { PipelineSummaryCard } from '../../ui/components/PipelineSummaryCard.tsx';
import { RoadChart } from './RoadChart.tsx';
import { RoadGapTable } from './RoadGapTable.tsx';
import { RoadProjectsToggle } from './RoadProjectsToggle.tsx';
import { StageProbabilitiesCard } from '../../ui/components/StageProbabilitiesCard.tsx';

/** 目标路径: actual output plus the weighted pipeline against the target, with what-if toggles. */
export function RoadToTargetPage() {
  const { t, locale } = useI18n();
  const { chain } = useChain();
  const homeRegion = useHomeRegion();
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const [version, setVersion] = useState(0);
  const exclude = [...excluded].sort((a, b) => a - b).join(',');
  const query = useApiQuery(
    chain
      ? apiGet('/chains/{code}/road-to-target', {
          params: {
            path: { code: chain.code },
            query: { region: homeRegion, exclude: exclude || undefined },
          },
        })
      : null,
  );
  const road = query.data;
  const targetYear = road?.years.find((y) => y.year === road.targetYear);
  const toggle = (id: number, counted: boolean) => {
    const next = new Set(excluded);
    if (counted) next.delete(id);
    else next.add(id);
    setExcluded(next);
  };

  if (query.error && !road) return <ApiErrorAlert error={query.error} onRetry={query.reload} />;
  if (!road) return <PageSpinner />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('invest.road.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {t('invest.road.subtitle', {
              year: road.latestActualYear ?? '—',
              growth: formatPercent(road.trendGrowth),
            })}
          </Typography.Text>
        </div>
      </div>
      <PipelineSummaryCard key={version} />
      <Card>
        <Row gutter={16}>
          <Col xs={12} md={5}>
            <Statistic
              title={t('invest.road.targetIn', { year: road.targetYear ?? '—' })}
              value={formatYuan(targetYear?.targetYuan, locale)}
            />
          </Col>
          <Col xs={12} md={5}>
            <Statistic
              title={t('invest.road.projected')}
              value={formatYuan(targetYear?.projectedYuan, locale)}
            />
          </Col>
          <Col xs={12} md={5}>
            <Statistic
              title={t('invest.road.pipeline')}
              value={formatYuan(targetYear?.pipelineYuan, locale)}
            />
          </Col>
          <Col xs={12} md={4}>
            <div data-testid="road-gap" data-gap={targetYear?.gapYuan ?? ''}>
              <Statistic
                title={
                  <DefinedTerm
                    label={t('invest.road.gap')}
                    definition={t('gap.definition', {
                      year: road.targetYear ?? '—',
                      actualYear: road.latestActualYear ?? '—',
                    })}
                  />
                }
                value={formatYuan(targetYear?.gapYuan, locale)}
              />
            </div>
          </Col>
          <Col xs={12} md={4}>
            <div data-testid="road-shortfall" data-shortfall={targetYear?.shortfallYuan ?? ''}>
              <Statistic
                title={
                  <DefinedTerm
                    label={t('invest.road.shortfall')}
                    definition={t('shortfall.definition', { year: road.targetYear ?? '—' })}
                  />
                }
                value={formatYuan(targetYear?.shortfallYuan, locale)}
              />
            </div>
          </Col>
        </Row>
      </Card>
      <Card title={t('invest.road.byYear')}>
        <RoadChart road={road} />
      </Card>
      <StageProbabilitiesCard
        onSaved={() => {
          setVersion((v) => v + 1);
          query.reload();
        }}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('invest.road.whatIf')} style={{ height: '100%' }}>
            <RoadProjectsToggle projects={road.projects} excluded={excluded} onToggle={toggle} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('invest.road.byNode')} style={{ height: '100%' }}>
            <RoadGapTable nodes={road.nodes} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
