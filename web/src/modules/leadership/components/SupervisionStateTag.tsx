import type { SupervisionItem } from '@shared/api/leadership.ts';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** 办理中 / 已逾期 (red) / 按期办结 / 逾期办结. */
export function SupervisionStateTag({ item }: { item: SupervisionItem }) {
  const { t } = useI18n();
  if (item.state === 'open') {
    return item.overdue ? (
      <Tag color="red">{t('leader.state.overdue')}</Tag>
    ) : (
      <Tag color="blue">{t('leader.state.open')}</Tag>
    );
  }
  return item.onTime ? (
    <Tag color="green">{t('leader.state.doneOnTime')}</Tag>
  ) : (
    <Tag color="orange">{t('leader.state.doneLate')}</Tag>
  );
}
