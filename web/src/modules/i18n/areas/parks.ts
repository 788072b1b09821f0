import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesParksEn } from '../utils/messagesParksEn.ts';
import { messagesParksZh } from '../utils/messagesParksZh.ts';

/** The parks pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesParksZh, en: messagesParksEn };
