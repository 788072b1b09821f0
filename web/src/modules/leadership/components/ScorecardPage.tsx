import '../leadership.css';
import { formatDate, formatNumber, formatPercent } from '@shared/format.ts';
import { Card, Select, Space, Typography } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useLeaderScope } from '../hooks/useLeaderScope.ts';
import { useUrlFilters } from '../hooks/useUrlFilters.ts';
import { currentYear } from '../utils/currentYear.ts';
import { FigureCard } from './FigureCard.tsx';
import { OutputCard } from './OutputCard.tsx';
import { QuarterTable } from './QuarterTable.tsx';

/** 考核看板: the chain leader's year in figures, each linking to the records it counts. */
export function ScorecardPage() {
  const { t, locale } = useI18n();
  const { chainCode, regionCode } = useLeaderScope();
  const filters = useUrlFilters();
  const thisYear = currentYear();
  const year = Number(filters.get('year')) || thisYear;
  const card = useApiQuery(
    chainCode
      ? apiGet('/scorecard', { params: { query: { chain: chainCode, region: regionCode, year } } })
      : null,
  );
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const header = (
    <div className="page-header">
      <div>
        <Typography.Title level={3}>{t('scorecard.title')}</Typography.Title>
        {card.data && (
          <Typography.Text type="secondary">
            {localName(card.data.chain.name, locale)} · <DataText>{card.data.region.name}</DataText>{' '}
            · {t('scorecard.asOf', { date: formatDate(card.data.asOf, locale) })}
          </Typography.Text>
        )}
      </div>
      <Select
        value={year}
        onChange={(y: number) => filters.set({ year: String(y) })}
        style={{ width: 120 }}
        data-testid="scorecard-year"
        options={years.map((y) => ({ value: y, label: t('scorecard.year', { year: y }) }))}
      />
    </div>
  );
  if (card.error) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {header}
        <ApiErrorAlert error={card.error} onRetry={card.reload} />
      </Space>
    );
  }
  if (!card.data) return <PageSpinner />;
  const s = card.data;
  const count = (n: number | null) => formatNumber(n);
  const rate = (n: number | null) => formatPercent(n);
  const dataYear = s.output.dataYear;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="scorecard">
      {header}
      <section>
        <Typography.Title level={5}>{t('scorecard.section.chain')}</Typography.Title>
        <div className="scorecard-grid">
          <OutputCard output={s.output} year={s.year} />
          <FigureCard
            name="completeness"
            label={t('scorecard.completeness')}
            value={rate(s.completeness.value)}
            figure={s.completeness}
          >
            {dataYear !== null && dataYear !== s.year && (
              <div className="scorecard-note">{t('scorecard.figureOf', { dataYear })}</div>
            )}
          </FigureCard>
          <FigureCard
            name="weakLinksFilled"
            label={t('scorecard.weakLinksFilled')}
            value={count(s.weakLinksFilled.value)}
            figure={s.weakLinksFilled}
          >
            {s.weakLinksFilled.nodes.length > 0 && (
              <div className="scorecard-note">
                {s.weakLinksFilled.nodes.map((n) => localName(n.name, locale)).join('、')}
              </div>
            )}
            {s.weakLinksFilled.value === null && (
              <div className="scorecard-note" data-testid="weak-links-note">
                {dataYear === s.year
                  ? t('scorecard.weakLinksNoPrevious', { previous: s.year - 1 })
                  : t('scorecard.weakLinksNotYet', { year: s.year })}
              </div>
            )}
          </FigureCard>
          <FigureCard
            name="projectsSigned"
            label={t('scorecard.projectsSigned')}
            value={count(s.projectsSigned.value)}
            figure={s.projectsSigned}
          />
          <FigureCard
            name="projectsStarted"
            label={t('scorecard.projectsStarted')}
            value={count(s.projectsStarted.value)}
            figure={s.projectsStarted}
          />
        </div>
      </section>
      <section>
        <Typography.Title level={5}>{t('scorecard.section.problems')}</Typography.Title>
        <div className="scorecard-grid">
          <FigureCard
            name="problemsReceived"
            label={t('scorecard.problemsReceived')}
            value={count(s.problemsReceived.value)}
            figure={s.problemsReceived}
          />
          <FigureCard
            name="problemsClosed"
            label={t('scorecard.problemsClosed')}
            value={count(s.problemsClosed.value)}
            figure={s.problemsClosed}
          />
          <FigureCard
            name="onTimeRate"
            label={t('scorecard.onTimeRate')}
            value={rate(s.onTimeRate.value)}
            figure={s.onTimeRate}
          />
          <FigureCard
            name="satisfactionRate"
            label={t('scorecard.satisfactionRate')}
            value={rate(s.satisfactionRate.value)}
            figure={s.satisfactionRate}
          />
        </div>
      </section>
      <section>
        <Typography.Title level={5}>{t('scorecard.section.work')}</Typography.Title>
        <div className="scorecard-grid">
          <FigureCard
            name="visits"
            label={t('scorecard.visits')}
            value={count(s.visits.value)}
            figure={s.visits}
          />
          <FigureCard
            name="meetings"
            label={t('scorecard.meetings')}
            value={count(s.meetings.value)}
            figure={s.meetings}
          />
          <FigureCard
            name="supervisionDue"
            label={t('scorecard.supervisionDue')}
            value={count(s.supervisionDue.value)}
            figure={s.supervisionDue}
          />
          <FigureCard
            name="supervisionClosedOnTime"
            label={t('scorecard.supervisionClosedOnTime')}
            value={count(s.supervisionClosedOnTime.value)}
            figure={s.supervisionClosedOnTime}
          />
          <FigureCard
            name="supervisionOverdue"
            label={t('scorecard.supervisionOverdue')}
            value={count(s.supervisionOverdue.value)}
            figure={s.supervisionOverdue}
            danger={(s.supervisionOverdue.value ?? 0) > 0}
          />
        </div>
      </section>
      <Card size="small" title={t('scorecard.byQuarter')}>
        <QuarterTable quarters={s.quarters} />
      </Card>
    </Space>
  );
}
