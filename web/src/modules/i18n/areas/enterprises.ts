import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesEnterprisesEn } from '../utils/messagesEnterprisesEn.ts';
import { messagesEnterprisesZh } from '../utils/messagesEnterprisesZh.ts';

/** The enterprises pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesEnterprisesZh, en: messagesEnterprisesEn };
