import { readChainTemplates } from '../services/reference/chain-templates.service.ts';

/**
 * The codes of the chains the bundled templates/ folder holds, sorted as GET /api/chains lists
 * them: what `init` (and every test installation) loads. Tests compare with this list instead of
 * naming the chains, so adding a template does not break them.
 */
export function bundledChainCodes(): string[] {
  return readChainTemplates()
    .map((loaded) => loaded.template.code)
    .sort();
}
