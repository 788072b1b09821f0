import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesImportsEn } from '../utils/messagesImportsEn.ts';
import { messagesImportsZh } from '../utils/messagesImportsZh.ts';

/** The imports pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesImportsZh, en: messagesImportsEn };
