import { DECISIONS, KNOWN_TAGS } from '@shared/enterprise-values.ts';
import { Button, Checkbox, Input, Select, Space } from 'antd';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { NodeTreeSelect } from '../../chains/components/NodeTreeSelect.tsx';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import type { EnterpriseListState } from '../utils/EnterpriseListState.ts';
import { tagLabel } from '../utils/tagLabel.ts';
import { RegionCascader } from '../../ui/components/RegionCascader.tsx';

/** Text search and the filters of the enterprise list: region, node, decision, park, tag. */
export function EnterpriseFilters({
  state,
  update,
}: {
  state: EnterpriseListState;
  update: (change: Partial<EnterpriseListState>) => void;
}) {
  const { t } = useI18n();
  const parks = useApiQuery(apiGet('/parks'));
  const filtered =
    state.q ??
    state.region ??
    state.node ??
    state.decision ??
    state.park ??
    state.tag ??
    state.onChain;

  return (
    <Space wrap className="filter-bar">
      <Input.Search
        key={state.q ?? ''}
        defaultValue={state.q}
        placeholder={t('enterprises.filter.search')}
        allowClear
        enterButton
        onSearch={(q) => update({ q: q.trim() || undefined })}
        // On a phone it leaves room for the menu and the page's margins.
        style={{ width: 'min(300px, calc(100vw - 110px))' }}
        data-testid="filter-search"
      />
      <RegionCascader value={state.region} onChange={(region) => update({ region })} />
      <NodeTreeSelect
        value={state.node}
        onChange={(node) => update({ node })}
        placeholder={t('enterprises.filter.node')}
        testId="filter-node"
      />
      <Checkbox
        checked={state.onChain ?? false}
        onChange={(event) => update({ onChain: event.target.checked || undefined })}
        data-testid="filter-on-chain"
      >
        {t('enterprises.filter.onChain')}
      </Checkbox>
      <Select
        value={state.decision}
        onChange={(decision) => update({ decision })}
        allowClear
        placeholder={
          // On the chain or a node, the list holds confirmed and uncertain placements unless one is
          // chosen (the cockpit counts the confirmed only): said where the choice is made.
          state.onChain || state.node
            ? t('enterprises.filter.decisionDefault')
            : t('enterprises.filter.decision')
        }
        options={DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
        data-testid="filter-decision"
      />
      <Select
        value={state.park}
        onChange={(park) => update({ park })}
        allowClear
        placeholder={t('enterprises.filter.park')}
        options={(parks.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        popupMatchSelectWidth={false}
        data-testid="filter-park"
      />
      <Select
        value={state.tag}
        onChange={(tag) => update({ tag })}
        allowClear
        placeholder={t('enterprises.filter.tag')}
        options={KNOWN_TAGS.map((tag) => ({ value: tag, label: tagLabel(tag, t) }))}
        data-testid="filter-tag"
      />
      {filtered !== undefined && (
        <Button
          onClick={() =>
            update({
              q: undefined,
              region: undefined,
              node: undefined,
              decision: undefined,
              park: undefined,
              tag: undefined,
              onChain: undefined,
            })
          }
        >
          {t('common.reset')}
        </Button>
      )}
    </Space>
  );
}
