import { Alert } from 'antd';
import type { ApiError } from '../../api/utils/ApiError.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';

/** An API failure in the user's language: a title by status, the detail by code and reason. */
export function ApiErrorAlert({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, locale } = useI18n();
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
      description={errorText(error, locale)}
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
