import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { adminMessagesEn } from '../utils/adminMessagesEn.ts';
import { adminMessagesZh } from '../utils/adminMessagesZh.ts';
import { templateMessagesEn } from '../utils/templateMessagesEn.ts';
import { templateMessagesZh } from '../utils/templateMessagesZh.ts';

/** The admin pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = {
  zh: { ...adminMessagesZh, ...templateMessagesZh },
  en: { ...adminMessagesEn, ...templateMessagesEn },
};
