import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesReportsEn } from '../utils/messagesReportsEn.ts';
import { messagesReportsZh } from '../utils/messagesReportsZh.ts';

/** The reports pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesReportsZh, en: messagesReportsEn };
