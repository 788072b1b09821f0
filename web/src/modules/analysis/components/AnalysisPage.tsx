import { Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../ui/components/NotFoundPage.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useChainPath } from '../../chains/hooks/useChainPath.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { MessageKey } from '../../i18n/utils/messagesZh.ts';

// Each tab is a chunk of its own: the upload form need not load with the charts.
const LqPage = lazy(() => import('./LqPage.tsx').then((m) => ({ default: m.LqPage })));
const ShiftSharePage = lazy(() =>
  import('./ShiftSharePage.tsx').then((m) => ({ default: m.ShiftSharePage })),
);
const ComparisonPage = lazy(() =>
  import('./ComparisonPage.tsx').then((m) => ({ default: m.ComparisonPage })),
);
const StatsUploadPage = lazy(() =>
  import('./StatsUploadPage.tsx').then((m) => ({ default: m.StatsUploadPage })),
);

const TABS: { key: string; label: MessageKey }[] = [
  { key: 'lq', label: 'analysis.tab.lq' },
  { key: 'shift-share', label: 'analysis.tab.shiftShare' },
  { key: 'compare', label: 'analysis.tab.compare' },
  { key: 'upload', label: 'analysis.tab.upload' },
];

/** 分析: location quotients, shift-share, the chain across regions and the statistics upload. */
export function AnalysisPage() {
  const { t } = useI18n();
  const canUpload = useCan('stats:write');
  const navigate = useNavigate();
  const chainPath = useChainPath();
  const tabs = TABS.filter((tab) => tab.key !== 'upload' || canUpload);
  // The tab is what follows …/analysis/ in the address (the route's splat).
  const active = useParams()['*']?.split('/')[0] || 'lq';
  const { search } = useLocation();

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('analysis.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('analysis.subtitle')}</Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(chainPath(`/analysis/${key}`))}
        items={tabs.map((tab) => ({ key: tab.key, label: t(tab.label) }))}
        data-testid="analysis-tabs"
      />
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          {/* The default tab keeps the address's query (a link's region and year). */}
          <Route index element={<Navigate to={{ pathname: 'lq', search }} replace />} />
          <Route path="lq" element={<LqPage />} />
          <Route path="shift-share" element={<ShiftSharePage />} />
          <Route path="compare" element={<ComparisonPage />} />
          {canUpload && <Route path="upload" element={<StatsUploadPage />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
