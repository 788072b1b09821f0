import { useMatch } from 'react-router-dom';
import { useSession } from '../../auth/hooks/useSession.ts';
import { CHAIN_PATH_PATTERN } from '../utils/chainPath.ts';
import { rememberedChain } from '../utils/rememberedChain.ts';

/**
 * The chain in view: the address's (`/chains/ic/…`); off the chain pages, the one last opened in
 * this tab, else the server's default chain. Undefined only when no chain is loaded.
 */
export function useChainCode(): string | undefined {
  const match = useMatch(CHAIN_PATH_PATTERN);
  const { defaultChain } = useSession();
  return match?.params.chain ?? rememberedChain() ?? defaultChain ?? undefined;
}
