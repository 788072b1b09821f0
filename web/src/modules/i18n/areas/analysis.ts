import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesAnalysisEn } from '../utils/messagesAnalysisEn.ts';
import { messagesAnalysisZh } from '../utils/messagesAnalysisZh.ts';

/** The analysis pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = { zh: messagesAnalysisZh, en: messagesAnalysisEn };
