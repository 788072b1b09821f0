import type { TargetView } from '@shared/api/analysis.ts';
import { formatYuan } from '@shared/format.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useHomeRegion } from '../../auth/hooks/useHomeRegion.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { RegionCascader } from '../../ui/components/RegionCascader.tsx';
import { TargetFormModal, type TargetDraft } from './TargetFormModal.tsx';

/** 目标: a chain's and its nodes' output targets by year for a region, by node name; editable. */
export function AdminTargetsPage() {
  const { t, locale } = useI18n();
  const canWrite = useCan('chain:write');
  const chains = useApiQuery(apiGet('/chains'));
  const [chosenChain, setChosenChain] = useState<string | null>(null);
  // The chain in view (the header's), until another is chosen here.
  const chainInView = useChainCode();
  const chainCode = chosenChain ?? chainInView ?? null;
  const chain = useApiQuery(
    chainCode ? apiGet('/chains/{code}', { params: { path: { code: chainCode } } }) : null,
  );
  const all = useApiQuery(
    chainCode ? apiGet('/chains/{code}/targets', { params: { path: { code: chainCode } } }) : null,
  );
  const homeRegion = useHomeRegion();
  const [chosenRegion, setChosenRegion] = useState<string | null>(null);
  // The office's home region first (the region a target is usually set for), then any other.
  const region = chosenRegion ?? homeRegion;
  const [draft, setDraft] = useState<TargetDraft | null>(null);

  const nodeNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const stage of chain.data?.stages ?? []) {
      for (const node of stage.nodes) names.set(node.code, localName(node.name, locale));
    }
    return names;
  }, [chain.data, locale]);
  const nodeOrder = useMemo(() => [...nodeNames.keys()], [nodeNames]);
  const rows = (all.data?.items ?? [])
    .filter((target) => target.regionCode === region)
    .sort(
      (a, b) =>
        (a.nodeCode === null ? -1 : nodeOrder.indexOf(a.nodeCode)) -
          (b.nodeCode === null ? -1 : nodeOrder.indexOf(b.nodeCode)) || a.year - b.year,
    );
  const error = chains.error ?? chain.error ?? all.error;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="page-header">
        <Typography.Title level={3}>{t('admin.targets.title')}</Typography.Title>
        {canWrite && chain.data && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!/^\d{2,12}$/.test(region)}
            onClick={() =>
              setDraft({ node: null, year: new Date().getFullYear() + 1, valueYuan: null })
            }
            data-testid="target-new"
          >
            {t('admin.targets.new')}
          </Button>
        )}
      </div>
      <Space wrap>
        <Select
          style={{ minWidth: 200 }}
          value={chainCode ?? undefined}
          onChange={(code: string) => setChosenChain(code)}
          options={(chains.data?.items ?? []).map((c) => ({
            value: c.code,
            label: localName(c.name, locale),
          }))}
          aria-label={t('admin.targets.chain')}
        />
        <RegionCascader
          value={region}
          onChange={(code) => setChosenRegion(code ?? homeRegion)}
          placeholder={t('admin.targets.region')}
          allowClear={false}
          testId="target-region"
        />
      </Space>
      {error && <ApiErrorAlert error={error} onRetry={all.reload} />}
      <Table<TargetView>
        rowKey="id"
        size="small"
        loading={all.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('admin.targets.none') }}
        data-testid="target-table"
        columns={[
          {
            key: 'node',
            title: t('admin.targets.node'),
            render: (_, row) =>
              row.nodeCode === null ? (
                <strong>{t('admin.targets.wholeChain')}</strong>
              ) : (
                (nodeNames.get(row.nodeCode) ?? row.nodeCode)
              ),
          },
          { key: 'year', title: t('admin.targets.year'), dataIndex: 'year', width: 90 },
          {
            key: 'value',
            title: t('admin.targets.value'),
            align: 'right',
            render: (_, row) => (
              <Space size={4}>
                {row.demo && <Tag>{t('admin.targets.demo')}</Tag>}
                {formatYuan(row.valueYuan, locale)}
              </Space>
            ),
          },
          ...(canWrite
            ? [
                {
                  key: 'edit',
                  width: 90,
                  render: (_: unknown, row: TargetView) => (
                    <Button
                      size="small"
                      onClick={() =>
                        setDraft({ node: row.nodeCode, year: row.year, valueYuan: row.valueYuan })
                      }
                    >
                      {t('admin.targets.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {chain.data && (
        <TargetFormModal
          chain={chain.data}
          region={region}
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            all.reload();
          }}
        />
      )}
    </Space>
  );
}
