import { Result } from 'antd';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** For a menu page the signed-in role may not open (an address typed or bookmarked). */
export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <div data-testid="page-forbidden">
      <Result status="403" title={t('error.forbidden')} subTitle={t('error.forbiddenPage')} />
    </div>
  );
}
