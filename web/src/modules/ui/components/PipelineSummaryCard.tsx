import { DefinedTerm } from '../../ui/components/DefinedTerm.tsx';
import { formatYuan } from '@shared/format.ts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';

/**
 * The pipeline at a glance, for the cockpit or any page: projects by stage, their weighted
 * expected output, and the gap left to the target. Fetches its own figures.
 */
export function PipelineSummaryCard({ regionCode }: { regionCode?: string }) {
  const { t, locale } = useI18n();
  const homeRegion = useHomeRegion();
  const region = regionCode ?? homeRegion;
  const { chain } = useChain();
  const chainPath = useChainPath();
  const board = useApiQuery(
    chain ? apiGet('/projects', { params: { query: { chain: chain.code, region } } }) : null,
  );
  const road = useApiQuery(
    chain
      ? apiGet('/chains/{code}/road-to-target', {
          params: { path: { code: chain.code }, query: { region } },
        })
      : null,
  );
  const error = board.error ?? road.error;
  const targetYear = road.data?.years.find((y) => y.year === road.data?.targetYear);
  const weighted = board.data?.columns.reduce((sum, c) => sum + c.weightedOutputYuan, 0);

  return (
    <Card
      title={t('invest.summary.title')}
      loading={!error && (!board.data || !road.data)}
      extra={<Link to={chainPath('/investment/projects')}>{t('invest.summary.open')}</Link>}
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
              // With no project there is no expected output to weigh, rather than 0 元 of it.
              value={
                board.data.total === 0
                  ? t('invest.summary.noProjects')
                  : formatYuan(weighted ?? 0, locale)
              }
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
