import { DataText, Phrase } from '../../i18n/components/Phrase.tsx';
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useCan } from '../../auth/hooks/useCan.ts';
import { PipelineSummaryCard } from '../../ui/components/PipelineSummaryCard.tsx';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useChainAnalysis } from '../../chains/hooks/useChainAnalysis.ts';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useFullscreen } from '../hooks/useFullscreen.ts';
import { chainTarget } from '../utils/chainTarget.ts';
import { CockpitFigures } from './CockpitFigures.tsx';
import { ProblemsCard } from './ProblemsCard.tsx';
import { WeakLinksPanel } from './WeakLinksPanel.tsx';
import { regionSelectOptions } from '../../chains/utils/regionOptions.ts';

// The charts (and ECharts with them) are a chunk of their own: the figures show first.
const TargetGauge = lazy(() =>
  import('./TargetGauge.tsx').then((m) => ({ default: m.TargetGauge })),
);
const OutputTrendChart = lazy(() =>
  import('./OutputTrendChart.tsx').then((m) => ({ default: m.OutputTrendChart })),
);

function Panel({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="cockpit-panel">
      <header className="cockpit-panel-head">
        <span>{title}</span>
        {extra}
      </header>
      <div className="cockpit-panel-body">{children}</div>
    </section>
  );
}

/** 驾驶舱: where the chain stands against its target, and its weakest links, at a glance. */
export function CockpitPage() {
  const { t, locale } = useI18n();
  const { cities, setRegion, unresolved, analysis } = useChainAnalysis();
  const fullscreen = useFullscreen();
  const seesPipeline = useCan('project:read');
  const seesProblems = useCan('problem:read');
  if (unresolved) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  if (analysis.error) return <ApiErrorAlert error={analysis.error} onRetry={analysis.reload} />;
  const data = analysis.data;
  if (!data) return <PageSpinner />;
  const target = chainTarget(data);
  const dark = fullscreen.active;
  const chartHeight = dark ? '100%' : 320;
  const chartFallback = <Skeleton active paragraph={{ rows: 6 }} />;

  return (
    <div className={dark ? 'cockpit cockpit-large' : 'cockpit'} data-testid="cockpit">
      <div className="cockpit-head">
        <div>
          <Typography.Title level={3} className="cockpit-title">
            {t('cockpit.title', { chain: localName(data.chain.name, locale) })}
          </Typography.Title>
          <Typography.Text type="secondary" className="cockpit-subtitle">
            <Phrase
              text={t('cockpit.subtitle', { year: data.year })}
              slots={{ region: <DataText>{data.region.name}</DataText> }}
            />
          </Typography.Text>
        </div>
        <Space wrap>
          <Select
            value={data.region.code}
            onChange={setRegion}
            options={regionSelectOptions(cities, data.region, locale)}
            style={{ minWidth: 140 }}
            showSearch
            optionFilterProp="search"
            aria-label={t('cockpit.region')}
            labelRender={(p) => <DataText>{p.label}</DataText>}
            data-testid="cockpit-region"
          />
          {dark && <LanguageSwitch />}
          <Button
            icon={dark ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={fullscreen.toggle}
            data-testid="cockpit-fullscreen"
          >
            {dark ? t('cockpit.exitFullscreen') : t('cockpit.fullscreen')}
          </Button>
        </Space>
      </div>
      <CockpitFigures analysis={data} target={target} />
      {target && (
        <div className="cockpit-summary" data-testid="target-summary">
          {target.summary[locale === 'en' ? 'en' : 'zh']}
        </div>
      )}
      <div className="cockpit-main">
        <Panel title={t('cockpit.progressTitle')}>
          <Suspense fallback={chartFallback}>
            <TargetGauge
              progress={target?.progress ?? null}
              label={t('cockpit.ofTarget')}
              dark={dark}
              height={chartHeight}
            />
          </Suspense>
        </Panel>
        <Panel title={t('cockpit.trendTitle')}>
          <Suspense fallback={chartFallback}>
            <OutputTrendChart
              series={data.totals.series}
              target={target}
              dark={dark}
              height={chartHeight}
            />
          </Suspense>
        </Panel>
        <Panel title={t('cockpit.linksTitle')}>
          <WeakLinksPanel analysis={data} limit={dark ? 6 : 5} />
        </Panel>
      </div>
      {/* The pipeline's figures (issue 6) on the everyday cockpit; the large display keeps to the chain. */}
      {seesPipeline && !dark && <PipelineSummaryCard regionCode={data.region.code} />}
      {seesProblems && !dark && (
        <ProblemsCard chainCode={data.chain.code} regionCode={data.region.code} />
      )}
    </div>
  );
}
