import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useSession } from '../../auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
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
  if (chains.data && !loaded) {
    return (
      <Result
        status="404"
        title={t('chains.notLoaded', { code: chain })}
        subTitle={t('chains.notLoaded.hint')}
        extra={
          defaultChain && (
            <Link to={chainPagePath(defaultChain, '/')}>
              <Button type="primary">{t('chains.notLoaded.back')}</Button>
            </Link>
          )
        }
        data-testid="chain-not-loaded"
      />
    );
  }
  return <Outlet />;
}
