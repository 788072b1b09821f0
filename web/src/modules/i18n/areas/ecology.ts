import type { MessageBundle } from '../utils/messageCatalogue.ts';
import { messagesEcologyEn } from '../utils/messagesEcologyEn.ts';
import { messagesEcologyZh } from '../utils/messagesEcologyZh.ts';
import { messagesMatchEn } from '../utils/messagesMatchEn.ts';
import { messagesMatchZh } from '../utils/messagesMatchZh.ts';
import { messagesPeopleEn } from '../utils/messagesPeopleEn.ts';
import { messagesPeopleZh } from '../utils/messagesPeopleZh.ts';
import { messagesEcoFormsEn } from '../utils/messagesEcoFormsEn.ts';
import { messagesEcoFormsZh } from '../utils/messagesEcoFormsZh.ts';
import { messagesPlatformEn } from '../utils/messagesPlatformEn.ts';
import { messagesPlatformZh } from '../utils/messagesPlatformZh.ts';

/** The ecology pages' texts: AppRoutes loads them with each of those pages (withMessages). */
export const messages: MessageBundle = {
  zh: {
    ...messagesEcologyZh,
    ...messagesMatchZh,
    ...messagesPeopleZh,
    ...messagesPlatformZh,
    ...messagesEcoFormsZh,
  },
  en: {
    ...messagesEcologyEn,
    ...messagesMatchEn,
    ...messagesPeopleEn,
    ...messagesPlatformEn,
    ...messagesEcoFormsEn,
  },
};
