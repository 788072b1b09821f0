import type { ChainMasterNetwork } from '@shared/api/links.ts';
import { Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { DataText } from '../../i18n/components/Phrase.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/**
 * Chooses one of the region's chain masters and loads its network (suppliers and customers by
 * node, local or elsewhere) for the chain map to mark; `onNetwork(null)` when cleared.
 */
export function ChainMasterNetworkPicker({
  chainCode,
  regionCode,
  masterId,
  onMaster,
  onNetwork,
}: {
  chainCode: string;
  regionCode: string;
  masterId: number | null;
  onMaster: (id: number | null) => void;
  onNetwork: (network: ChainMasterNetwork | null) => void;
}) {
  const { t } = useI18n();
  const masters = useApiQuery(
    apiGet('/chains/{code}/chain-masters', {
      params: { path: { code: chainCode }, query: { region: regionCode } },
    }),
  );
  const network = useApiQuery(
    masterId === null
      ? null
      : apiGet('/chains/{code}/chain-masters/{id}', {
          params: {
            path: { code: chainCode, id: masterId },
            query: { region: regionCode.slice(0, 4) },
          },
        }),
  );
  const shown = masterId === null ? null : (network.data ?? null);
  useEffect(() => onNetwork(shown), [shown, onNetwork]);
  const items = masters.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      value={masterId ?? undefined}
      onChange={(id?: number) => onMaster(id ?? null)}
      placeholder={<Typography.Text type="secondary">{t('ecoForms.network')}</Typography.Text>}
      title={t('ecoForms.networkPick')}
      aria-label={t('ecoForms.network')}
      options={items.map((m) => ({ value: m.id, label: m.name }))}
      optionRender={(o) => <DataText>{o.label}</DataText>}
      style={{ minWidth: 220 }}
      data-testid="chain-map-master"
    />
  );
}
