import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesOverviewEn } from '../utils/messagesOverviewEn.ts';
import { messagesOverviewZh } from '../utils/messagesOverviewZh.ts';

/** The overview pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesOverviewZh, en: messagesOverviewEn };
