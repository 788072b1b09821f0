import { useApiQuery } from '../../api/hooks/useApiQuery.ts';
import { apiGet } from '../../api/utils/apiClient.ts';
import { useI18n } from '../../i18n/hooks/useI18n.ts';
import { localName } from '../../i18n/utils/localName.ts';

/**
 * What to say of a firm with no node on the chain in view, from the codes of the chains it is
 * on: 未归入产业链 when none, else 非本链 · 高端装备 (named from the chain list, read once).
 */
export function useOtherChainsText(): (chainCodes: readonly string[]) => string {
  const { t, locale } = useI18n();
  const chains = useApiQuery(apiGet('/chains'));
  const chainName = (code: string) => {
    const chain = chains.data?.items.find((c) => c.code === code);
    return chain ? localName(chain.name, locale) : code;
  };
  return (chainCodes) =>
    chainCodes.length === 0
      ? t('enterprise.offChain')
      : t('enterprise.otherChainOn', {
          chains: chainCodes.map(chainName).join(t('enterprise.chainSeparator')),
        });
}
