import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { api, apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { StageProbabilitiesCard } from '../../ui/components/StageProbabilitiesCard.tsx';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { RegionCascader } from '../../ui/components/RegionCascader.tsx';
import { useAction } from '../../ui/hooks/useAction.ts';
import { regionMatchLabel, useRegionMatch } from '../../ui/hooks/useRegionMatch.ts';

/**
 * 设置 for admins: the home region and default chain the app opens on (stored; a serve flag or
 * environment variable still wins, and the page says so), and the pipeline's stage probabilities.
 */
export function AdminSettingsPage() {
  const { t, locale } = useI18n();
  const action = useAction();
  const place = useApiQuery(apiGet('/settings/place'));
  const chains = useApiQuery(apiGet('/chains'));
  const [region, setRegion] = useState<string | null | undefined>(undefined);
  const [chain, setChain] = useState<string | null | undefined>(undefined);
  const shownRegion = region === undefined ? place.data?.homeRegion : region;
  const shownChain = chain === undefined ? place.data?.defaultChain : chain;
  const effective = place.data?.effective;
  // Names, not codes, in the sentence that says what is in use.
  const regionMatch = useRegionMatch(effective?.homeRegion);
  const regionLabel = !effective
    ? ''
    : !regionMatch
      ? effective.homeRegion
      : locale === 'en'
        ? `${regionMatchLabel(regionMatch, locale)} (${regionMatch.code})`
        : `${regionMatchLabel(regionMatch, locale)}（${regionMatch.code}）`;
  const chainMatch = chains.data?.items.find((c) => c.code === effective?.defaultChain);
  const chainLabel = chainMatch
    ? localName(chainMatch.name, locale)
    : (effective?.defaultChain ?? '—');

  const save = async () => {
    const saved = await action.run(() =>
      api.PUT('/settings/place', {
        body: {
          ...(region !== undefined && { homeRegion: region }),
          ...(chain !== undefined && { defaultChain: chain }),
        },
      }),
    );
    if (!saved) return;
    place.setData(saved);
    setRegion(undefined);
    setChain(undefined);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('admin.settings.title')}</Typography.Title>
      {place.error && <ApiErrorAlert error={place.error} onRetry={place.reload} />}
      <Card size="small" title={t('admin.settings.place')} data-testid="settings-place">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>{t('admin.settings.homeRegion')}</span>
            <RegionCascader
              value={shownRegion ?? undefined}
              onChange={(code) => setRegion(code ?? null)}
              placeholder={t('admin.settings.notStored')}
              testId="settings-home-region"
            />
            <span>{t('admin.settings.defaultChain')}</span>
            <Select
              style={{ minWidth: 200 }}
              allowClear
              value={shownChain ?? undefined}
              placeholder={t('admin.settings.notStored')}
              onChange={(code?: string) => setChain(code ?? null)}
              options={(chains.data?.items ?? []).map((c) => ({
                value: c.code,
                label: localName(c.name, locale),
              }))}
              data-testid="settings-default-chain"
            />
            <Button
              type="primary"
              loading={action.busy}
              disabled={region === undefined && chain === undefined}
              onClick={() => void save()}
              data-testid="settings-place-save"
            >
              {t('admin.settings.save')}
            </Button>
          </Space>
          {effective && (
            <Alert
              type={
                effective.homeRegionFrom === 'flag' || effective.defaultChainFrom === 'flag'
                  ? 'warning'
                  : 'info'
              }
              data-testid="settings-effective"
              message={t('admin.settings.effective', {
                region: regionLabel,
                regionFrom: t(`admin.settings.from.${effective.homeRegionFrom}`),
                chain: chainLabel,
                chainFrom: t(`admin.settings.from.${effective.defaultChainFrom}`),
              })}
            />
          )}
        </Space>
      </Card>
      <StageProbabilitiesCard onSaved={() => undefined} />
    </Space>
  );
}
