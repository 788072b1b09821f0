import { Select } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';
import { useChainCode } from '../hooks/useChainCode.ts';
import { switchChainPath } from '../utils/chainPath.ts';

/** The header's chain choice: the same page on the chosen chain, kept in the address. */
export function ChainSwitcher() {
  const { t, locale } = useI18n();
  const chains = useApiQuery(apiGet('/chains'));
  const code = useChainCode();
  const location = useLocation();
  const navigate = useNavigate();
  const items = chains.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Select
      value={code}
      aria-label={t('chains.switcher')}
      title={t('chains.switcher')}
      className="chain-switcher"
      popupMatchSelectWidth={false}
      options={items.map((chain) => ({ value: chain.code, label: localName(chain.name, locale) }))}
      onChange={(next: string) =>
        void navigate(switchChainPath(location.pathname, location.search, next))
      }
      data-testid="chain-switcher"
    />
  );
}
