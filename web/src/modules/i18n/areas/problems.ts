import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { problemMessagesEn } from '../utils/problemMessagesEn.ts';
import { problemMessagesZh } from '../utils/problemMessagesZh.ts';

/** The problems pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: problemMessagesZh, en: problemMessagesEn };
