import { Alert } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { chainPagePath } from '../utils/chainPath.ts';
import { rememberChain } from '../utils/rememberedChain.ts';

/** The frame of the chain pages (`/chains/:chain/…`): a chain that is not loaded is said so. */
export function ChainScope() {
  const { t } = useI18n();
  const { chain = '' } = useParams();
  const { defaultChain } = useSession();
  const chains = useApiQuery(apiGet('/chains'));
  const loaded = chains.data?.items.some((c) => c.code === chain);
  useEffect(() => {
    if (loaded) rememberChain(chain);
  }, [chain, loaded]);
  if (chains.error) return <ApiErrorAlert error={chains.error} onRetry={chains.reload} />;
  // The page asks for the chain's figures only once the chain is known to be loaded.
  if (!chains.data) return <PageSpinner />;
  if (!loaded) {
    // An Alert, not antd's Result: its illustrations would weigh on every chain page's first load.
    return (
      <Alert
        type="warning"
        showIcon
        message={t('chains.notLoaded', { code: chain })}
        description={
          <>
            {t('chains.notLoaded.hint')}{' '}
            {defaultChain && (
              <Link to={chainPagePath(defaultChain, '/')}>{t('chains.notLoaded.back')}</Link>
            )}
          </>
        }
        data-testid="chain-not-loaded"
      />
    );
  }
  return <Outlet />;
}
