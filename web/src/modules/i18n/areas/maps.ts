import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesMapEn } from '../utils/messagesMapEn.ts';
import { messagesMapZh } from '../utils/messagesMapZh.ts';

/** The maps pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesMapZh, en: messagesMapEn };
