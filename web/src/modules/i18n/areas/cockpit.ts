import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesCockpitEn } from '../utils/messagesCockpitEn.ts';
import { messagesCockpitZh } from '../utils/messagesCockpitZh.ts';

/** The cockpit pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesCockpitZh, en: messagesCockpitEn };
