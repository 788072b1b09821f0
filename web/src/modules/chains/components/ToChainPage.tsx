import { Alert } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { useChainCode } from '../hooks/useChainCode.ts';
import { chainPagePath } from '../utils/chainPath.ts';

/**
 * An older flat address (`/chain-map`, `/reports` …) taken to the same page of the chain in view:
 * the one opened last in this tab, else the server's default chain.
 */
export function ToChainPage() {
  const { t } = useI18n();
  const location = useLocation();
  const code = useChainCode();
  if (code === undefined) return <Alert type="info" showIcon message={t('overview.empty')} />;
  const target = chainPagePath(code, `${location.pathname}${location.search}`);
  return <Navigate to={`${target}${location.hash}`} replace />;
}
