import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesInvestmentEn } from '../utils/messagesInvestmentEn.ts';
import { messagesInvestmentZh } from '../utils/messagesInvestmentZh.ts';

/** The investment pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesInvestmentZh, en: messagesInvestmentEn };
