import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { errorText } from '../../i18n/utils/errorMessages.ts';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/utils/ApiError.ts';

export interface Action {
  busy: boolean;
  /** Runs a write; on failure shows the refusal in the user's language and answers undefined. */
  run: <T>(write: () => Promise<T>) => Promise<T | undefined>;
}

/** A write the user started: busy while it runs, the server's refusal shown when it fails. */
export function useAction(): Action {
  const { message } = App.useApp();
  const { locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(write: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        return await write();
      } catch (error) {
        void message.error({
          content: error instanceof ApiError ? errorText(error, locale) : String(error),
          className: 'invest-action-error',
          duration: 8,
        });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message, locale],
  );
  return { busy, run };
}
