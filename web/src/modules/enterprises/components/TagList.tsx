import { Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { tagLabel } from '../utils/tagLabel.ts';

const COLORS: Record<string, string> = {
  chain_master: 'gold',
  listed: 'blue',
  high_tech: 'cyan',
  specialized_new: 'purple',
  foreign_invested: 'geekblue',
  illustrative: 'orange',
};

/** An enterprise's tags as coloured labels in the interface's language. */
export function TagList({ tags }: { tags: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      {tags.map((tag) => (
        <Tag key={tag} color={COLORS[tag]}>
          {tagLabel(tag, t)}
        </Tag>
      ))}
    </>
  );
}
