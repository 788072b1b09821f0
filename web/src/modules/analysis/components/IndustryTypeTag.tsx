import { Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/**
 * An industry type from a statistics file: the two the method knows (traded, local) in the
 * interface's language; any other word is the file's own and shows as data.
 */
export function IndustryTypeTag({ type }: { type: string }) {
  const { t } = useI18n();
  const known = type === 'traded' || type === 'local';
  return (
    <Tag bordered={false} style={{ marginLeft: 6 }} data-content={known ? 'ui' : 'data'}>
      {type === 'traded'
        ? t('analysis.industryType.traded')
        : type === 'local'
          ? t('analysis.industryType.local')
          : type}
    </Tag>
  );
}
