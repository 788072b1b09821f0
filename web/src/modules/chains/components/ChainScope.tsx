import { Alert } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useCan } from '../../auth/hooks/useCan.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { ApiErrorAlert } from '../../ui/components/ApiErrorAlert.tsx';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { chainPagePath } from '../utils/chainPath.ts';
import { rememberChain, rememberedChain } from '../utils/rememberedChain.ts';

/** The frame of the chain pages (`/chains/:chain/…`): a chain that is not loaded is said so. */
export function ChainScope() {
  const { t } = useI18n();
  const { chain = '' } = useParams();
  const { defaultChain } = useSession();
  // A firm user reads no chain list; its chain pages (供需对接) take the chain from the address.
  const readsChains = useCan('chain:read');
  const chains = useApiQuery(readsChains ? apiGet('/chains') : null);
  const loaded = chains.data?.items.some((c) => c.code === chain);
  useEffect(() => {
    if (loaded) rememberChain(chain);
  }, [chain, loaded]);
  // The server's default chain and the tab's last are loaded: their pages start at once. Any
  // other waits for the list, so a chain that is not loaded is said so without a 404 behind it.
  const known = chain === defaultChain || chain === rememberedChain();
  if (!readsChains) return <Outlet />;
  if (!chains.data && known) return <Outlet />;
  if (chains.error) return <ApiErrorAlert error={chains.error} onRetry={chains.reload} />;
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
