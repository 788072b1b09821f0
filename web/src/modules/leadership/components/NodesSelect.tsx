import { TreeSelect } from 'antd';
import { useChain } from '../../chains/hooks/useChain.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

/** Pick several nodes of the chain (a Form.Item control). */
export function NodesSelect({
  value,
  onChange,
}: {
  value?: string[];
  onChange?: (codes: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const { chain } = useChain();
  const treeData = (chain?.stages ?? []).map((stage) => ({
    value: stage.code,
    title: localName(stage.name, locale),
    selectable: false,
    checkable: false,
    children: stage.nodes.map((node) => ({
      value: node.code,
      title: localName(node.name, locale),
    })),
  }));
  return (
    <TreeSelect
      multiple
      treeData={treeData}
      value={value ?? []}
      onChange={(codes: string[]) => onChange?.(codes)}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={t('leader.activity.nodes')}
      popupMatchSelectWidth={300}
      data-testid="activity-nodes"
    />
  );
}
