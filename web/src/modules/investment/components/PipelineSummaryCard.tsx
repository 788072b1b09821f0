import { DefinedTerm } from '../../app/components/DefinedTerm.tsx';
import { formatYuan } from '@shared/format.ts';
import type { RoadToTarget } from '@shared/api/attract.ts';
import type { ProjectBoard } from '@shared/api/projects.ts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { ApiErrorAlert } from '../../app/components/ApiErrorAlert.tsx';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { HOME_REGION } from '../utils/homeRegion.ts';

/**
 * The pipeline at a glance, for the cockpit or any page: projects by stage, their weighted
 * expected output, and the gap left to the target. Fetches its own figures.
 */
export function PipelineSummaryCard({ regionCode = HOME_REGION }: { regionCode?: string }) {
  const { t, locale } = useI18n();
  const { chain } = useChain();
  const filter = chain ? `chain=${chain.code}&region=${regionCode}` : null;
  const board = useApiQuery<ProjectBoard>(filter ? `/api/projects?${filter}` : null);
  const road = useApiQuery<RoadToTarget>(
    chain ? `/api/chains/${chain.code}/road-to-target?region=${regionCode}` : null,
  );
  const error = board.error ?? road.error;
  const targetYear = road.data?.years.find((y) => y.year === road.data?.targetYear);
  const weighted = board.data?.columns.reduce((sum, c) => sum + c.weightedOutputYuan, 0);

  return (
    <Card
      title={t('invest.summary.title')}
      loading={!error && (!board.data || !road.data)}
      extra={<Link to="/investment/projects">{t('invest.summary.open')}</Link>}
      data-testid="pipeline-summary"
    >
      {error && <ApiErrorAlert error={error} />}
      {board.data && road.data && (
        <Row gutter={[16, 16]}>
          {board.data.columns.map((column) => (
            <Col key={column.stage} xs={8} md={4}>
              <Statistic
                title={t(`invest.stage.${column.stage}`)}
                value={column.count}
                suffix={
                  column.stalledCount > 0 ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {t('invest.summary.stalled', { count: column.stalledCount })}
                    </Typography.Text>
                  ) : undefined
                }
              />
            </Col>
          ))}
          <Col xs={12} md={4}>
            <Statistic
              title={t('invest.summary.weighted')}
              value={formatYuan(weighted ?? 0, locale)}
              valueStyle={{ fontSize: 20 }}
            />
          </Col>
          <Col xs={24}>
            <Typography.Text data-testid="pipeline-gap" data-gap={targetYear?.gapYuan ?? ''}>
              {targetYear && targetYear.targetYuan !== null ? (
                <DefinedTerm
                  label={t('invest.summary.gap', {
                    year: targetYear.year,
                    target: formatYuan(targetYear.targetYuan, locale),
                    projected: formatYuan(targetYear.projectedYuan, locale),
                    gap: formatYuan(Math.max(0, targetYear.gapYuan ?? 0), locale),
                  })}
                  definition={t('gap.definition', {
                    year: targetYear.year,
                    actualYear: road.data.latestActualYear ?? '—',
                  })}
                />
              ) : (
                t('invest.summary.noTarget')
              )}
            </Typography.Text>
          </Col>
        </Row>
      )}
    </Card>
  );
}
