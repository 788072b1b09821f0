import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesChainMapEn } from '../utils/messagesChainMapEn.ts';
import { messagesChainMapZh } from '../utils/messagesChainMapZh.ts';

/** The chainmap pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesChainMapZh, en: messagesChainMapEn };
