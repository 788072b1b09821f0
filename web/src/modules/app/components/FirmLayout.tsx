import { Layout } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useChainCode } from '../../chains/hooks/useChainCode.ts';
import { chainPagePath } from '../../chains/utils/chainPath.ts';
import { PageSpinner } from '../../ui/components/PageSpinner.tsx';
import { HeaderTools } from './HeaderTools.tsx';

/**
 * The pages an enterprise user has: its service page, its own problems, and the chain's
 * supply-and-demand page. The office's pages would only meet 403s (an endless spinner, an empty
 * shell): an address of one of them leads back to the service page.
 */
const FIRM_PAGES = [/^\/service$/, /^\/problems\/\d+$/, /^\/chains\/[^/]+\/matchmaking$/];

/** The frame an enterprise user sees: no menu, a simple top bar; readable on a phone. */
export function FirmLayout() {
  const { t } = useI18n();
  const chain = useChainCode();
  const { pathname } = useLocation();
  if (!FIRM_PAGES.some((page) => page.test(pathname))) return <Navigate to="/service" replace />;
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
