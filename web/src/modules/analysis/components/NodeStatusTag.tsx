import type { ChainComparison } from '@shared/api/analysis.ts';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

type Cell = ChainComparison['nodes'][number]['cells'][number];

const COLORS: Record<Cell['status'], string> = { strong: 'green', weak: 'orange', missing: 'red' };

/** A node's status in a region as a coloured tag; its reasons, in the interface's language, on hover. */
export function NodeStatusTag({ cell }: { cell: Cell }) {
  const { t, locale } = useI18n();
  const tag = (
    <Tag color={COLORS[cell.status]} data-testid="node-status" data-status={cell.status}>
      {t(`analysis.status.${cell.status}`)}
    </Tag>
  );
  if (cell.reasons.length === 0) return tag;
  return (
    <Tooltip
      title={cell.reasons.map((reason) => (locale === 'en' ? reason.en : reason.zh)).join('；')}
    >
      {tag}
    </Tooltip>
  );
}
