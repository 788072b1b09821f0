import { TreeSelect } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useChain } from '../hooks/useChain.ts';

/**
 * Pick a node of the chain in view, or of `chainCode` (or a whole stage), shown in the
 * interface's language.
 */
export function NodeTreeSelect({
  value,
  onChange,
  placeholder,
  stagesSelectable = true,
  testId,
  chainCode,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  placeholder: string;
  stagesSelectable?: boolean;
  testId?: string;
  chainCode?: string | undefined;
}) {
  const { locale } = useI18n();
  const { chain } = useChain(chainCode);
  const treeData = (chain?.stages ?? []).map((stage) => ({
    value: stage.code,
    title: localName(stage.name, locale),
    selectable: stagesSelectable,
    children: stage.nodes.map((node) => ({
      value: node.code,
      title: localName(node.name, locale),
    })),
  }));
  return (
    <TreeSelect
      treeData={treeData}
      value={value}
      onChange={(code?: string) => onChange(code)}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={placeholder}
      popupMatchSelectWidth={280}
      style={{ minWidth: 200 }}
      data-testid={testId}
    />
  );
}
