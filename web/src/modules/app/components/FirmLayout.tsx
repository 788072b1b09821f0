import { Layout } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { chainPagePath } from '../../chains/utils/chainPath.ts';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { HeaderTools } from './HeaderTools.tsx';

/** The frame an enterprise user sees: no menu, a simple top bar; readable on a phone. */
export function FirmLayout() {
  const { t } = useI18n();
  const chain = useChainCode();
  return (
    <Layout className="app-layout firm-layout">
      <Layout.Header className="app-header firm-header">
        <Link to="/service" className="firm-brand">
          <span className="app-brand-mark" lang="zh-CN" aria-hidden>
            链
          </span>
          <span className="firm-brand-name">{t('nav.service')}</span>
        </Link>
        {chain && (
          <Link
            to={chainPagePath(chain, '/matchmaking')}
            className="firm-nav-link"
            data-testid="firm-matchmaking"
          >
            {t('nav.matchmaking')}
          </Link>
        )}
        <HeaderTools compact />
      </Layout.Header>
      <Layout.Content className="app-content firm-content">
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
