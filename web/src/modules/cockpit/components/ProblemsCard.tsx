import { formatNumber, formatPercent } from '@shared/format.ts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';

function Figure({
  title,
  value,
  raw,
  to,
  testId,
  danger = false,
}: {
  title: ReactNode;
  value: string;
  raw: number | null;
  to: string;
  testId: string;
  danger?: boolean;
}) {
  return (
    <Col xs={12} md={6}>
      <Link to={to} data-testid={testId} data-value={raw ?? ''}>
        <Statistic
          title={title}
          value={value}
          valueStyle={danger && raw ? { color: '#cf1322' } : undefined}
        />
      </Link>
    </Col>
  );
}

/**
 * 企呼我应 at a glance for the chain and city this year: problems open and overdue now, the
 * on-time close rate and the satisfaction rate, each a link to the matching list.
 */
export function ProblemsCard({ chainCode, regionCode }: { chainCode: string; regionCode: string }) {
  const chainPath = useChainPath();
  const { t } = useI18n();
  const summary = useApiQuery(
    apiGet('/problems/summary', { params: { query: { chain: chainCode, region: regionCode } } }),
  );
  const figures = summary.data?.overall;
  return (
    <Card
      title={t('cockpit.problems.title', { year: summary.data?.period.from.slice(0, 4) ?? '' })}
      loading={!summary.error && !summary.data}
      extra={<Link to={chainPath('/problems')}>{t('cockpit.problems.open')}</Link>}
      data-testid="problems-card"
    >
      {summary.error && <ApiErrorAlert error={summary.error} onRetry={summary.reload} />}
      {figures && (
        <Row gutter={[16, 16]}>
          <Figure
            title={t('cockpit.problems.openNow')}
            value={formatNumber(figures.openNow)}
            raw={figures.openNow}
            to={chainPath('/problems')}
            testId="problems-open"
          />
          <Figure
            title={t('cockpit.problems.overdueNow')}
            value={formatNumber(figures.overdueNow)}
            raw={figures.overdueNow}
            to={chainPath('/problems?overdue=true')}
            testId="problems-overdue"
            danger
          />
          <Figure
            title={t('cockpit.problems.onTimeRate')}
            value={formatPercent(figures.onTimeRate)}
            raw={figures.onTimeRate}
            to={chainPath('/problems?stage=closed')}
            testId="problems-on-time"
          />
          <Figure
            title={t('cockpit.problems.satisfactionRate')}
            value={formatPercent(figures.satisfactionRate)}
            raw={figures.satisfactionRate}
            to={chainPath('/problems?stage=closed')}
            testId="problems-satisfaction"
          />
        </Row>
      )}
      {figures && (
        <Typography.Text type="secondary">
          {t('cockpit.problems.detail', {
            received: formatNumber(figures.received),
            closed: formatNumber(figures.closed),
            ratings: formatNumber(figures.ratings),
          })}
        </Typography.Text>
      )}
    </Card>
  );
}
