import { AppError } from '../../domain/app-error.ts';
import { isChainInScope as chainListCovers } from '../../shared/problem-scope.ts';

/** The chains a user may see: null for every chain. */
export interface ChainScoped {
  chainCodes: readonly string[] | null;
}

/** Whether the user's chain list (null = every chain) covers `code`. */
export function isChainInScope(user: ChainScoped, code: string): boolean {
  return chainListCovers(user.chainCodes, code);
}

/** Throws FORBIDDEN unless the user's chain list covers `code`; called before anything is read. */
export function assertChainInScope(user: ChainScoped, code: string): void {
  if (isChainInScope(user, code)) return;
  throw new AppError(
    'FORBIDDEN',
    `Your account covers the chains ${(user.chainCodes ?? []).join(', ')} only, not "${code}".`,
    { chain: code },
  );
}

/** The items of a list whose chain the user's chain list covers. */
export function filterChainsInScope<T>(
  user: ChainScoped,
  items: readonly T[],
  codeOf: (item: T) => string,
): T[] {
  return items.filter((item) => isChainInScope(user, codeOf(item)));
}
