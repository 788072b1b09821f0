import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesLeaderEn } from '../utils/messagesLeaderEn.ts';
import { messagesLeaderZh } from '../utils/messagesLeaderZh.ts';

/** The leadership pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesLeaderZh, en: messagesLeaderEn };
