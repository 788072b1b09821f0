import { Alert } from 'antd';
import type { ApiError } from '../../api/utils/ApiError.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** An API failure in the user's language, with the server's own words as the detail. */
export function ApiErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const title =
    error.status === 0
      ? t('error.unreachable')
      : error.status === 403
        ? t('error.forbidden')
        : error.status === 404
          ? t('error.notFound')
          : t('error.failed');
  return (
    <Alert
      type="error"
      showIcon
      message={title}
      description={error.message}
      action={
        onRetry ? (
          <a onClick={onRetry} role="button">
            {t('common.retry')}
          </a>
        ) : undefined
      }
    />
  );
}
