import { DataText } from '../../i18n/components/Phrase.tsx';
import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { ApiError } from '../../api/utils/ApiError.ts';
import { api, apiGet, apiUrl } from '../../api/utils/apiClient.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { useChainAnalysis } from '../../chains/hooks/useChainAnalysis.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

type Lang = 'zh' | 'en';

interface Briefing {
  key: string;
  html: string;
}

/** 分析报告: the chain-leader briefing for a region, year and language; preview and download. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const { chainCode, regionCode, cities, setRegion, unresolved, analysis } = useChainAnalysis();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [lang, setLang] = useState<Lang>(locale === 'en' ? 'en' : 'zh');
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // PDF is offered where the server can print it (it has Chromium).
  const health = useApiQuery(apiGet('/health'));
  if (unresolved) return <Alert type="info" showIcon message={t('cockpit.noRegion')} />;
  const years = analysis.data?.years ?? [];
  const chosenYear = year ?? analysis.data?.year;
  const reportParams = (format: 'html' | 'md' | 'pdf') => ({
    path: { code: chainCode ?? '' },
    query: { region: regionCode ?? '', format, lang, year: chosenYear },
  });
  const reportUrl = (format: 'html' | 'md' | 'pdf') =>
    apiUrl('/chains/{code}/report', reportParams(format));

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      const html = await api.GET('/chains/{code}/report', {
        params: reportParams('html'),
        parseAs: 'text',
      });
      setBriefing({ key: reportUrl('html'), html });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError(0, 'NETWORK', String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('reports.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card>
        <Space wrap size="middle">
          <Select
            value={regionCode}
            onChange={(code: string) => {
              setRegion(code);
              setYear(undefined);
            }}
            options={cities.map((c) => ({ value: c.code, label: c.name }))}
            style={{ minWidth: 140 }}
            showSearch
            optionFilterProp="label"
            aria-label={t('cockpit.region')}
            labelRender={(p) => <DataText>{p.label}</DataText>}
            data-testid="report-region"
          />
          <Select
            value={chosenYear}
            onChange={setYear}
            options={[...years].reverse().map((y) => ({ value: y, label: String(y) }))}
            style={{ minWidth: 100 }}
            aria-label={t('reports.year')}
            data-testid="report-year"
          />
          <Select<Lang>
            value={lang}
            onChange={setLang}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
            style={{ minWidth: 110 }}
            aria-label={t('reports.language')}
            data-testid="report-lang"
          />
          <Button
            type="primary"
            icon={<FileTextOutlined />}
            loading={busy}
            disabled={!chainCode || !regionCode}
            onClick={() => void generate()}
            data-testid="report-generate"
          >
            {t('reports.generate')}
          </Button>
          {briefing && (
            <>
              <Button
                icon={<DownloadOutlined />}
                href={reportUrl('html')}
                download
                data-testid="report-download-html"
              >
                {t('reports.downloadHtml')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={reportUrl('md')}
                download
                data-testid="report-download-md"
              >
                {t('reports.downloadMd')}
              </Button>
              {health.data?.pdfReports && (
                <Button
                  icon={<DownloadOutlined />}
                  href={reportUrl('pdf')}
                  download
                  data-testid="report-download-pdf"
                >
                  {t('reports.downloadPdf')}
                </Button>
              )}
            </>
          )}
        </Space>
      </Card>
      {error && <ApiErrorAlert error={error} onRetry={() => void generate()} />}
      <Card styles={{ body: { padding: 0 } }}>
        {busy && !briefing ? (
          <div className="page-spinner">
            <Spin size="large" />
          </div>
        ) : briefing ? (
          <iframe
            key={briefing.key}
            title={t('reports.preview')}
            sandbox=""
            srcDoc={briefing.html}
            className="report-preview"
            data-testid="report-preview"
          />
        ) : (
          <Empty className="report-empty" description={t('reports.empty')} />
        )}
      </Card>
    </Space>
  );
}
