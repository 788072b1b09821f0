import type { messagesEcoFormsZh } from './messagesEcoFormsZh.ts';

/** Link and outcome forms, and a chain master's network on the chain map, in English. */
export const messagesEcoFormsEn: Record<keyof typeof messagesEcoFormsZh, string> = {
  'ecoForms.saved': 'Saved',
  'ecoForms.close': 'Close need',
  'ecoForms.closeConfirm': 'A closed need takes no more matches. Close it?',
};
