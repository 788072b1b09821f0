import type { messagesReportsZh } from './messagesReportsZh.ts';

/** The reports area's interface texts in English, key for key with messagesReportsZh.ts. */
export const messagesReportsEn: Record<keyof typeof messagesReportsZh, string> = {
  'reports.title': 'Reports',
  'reports.subtitle':
    "The chain leader's briefing: target progress, link status, missing and weak links, extension and leading enterprises",
  'reports.year': 'Year',
  'reports.language': 'Language',
  'reports.generate': 'Generate',
  'reports.downloadHtml': 'Download HTML',
  'reports.downloadMd': 'Download Markdown',
  'reports.downloadPdf': 'Download PDF',
  'reports.preview': 'Briefing preview',
  'reports.empty': 'Choose a region, a year and a language, then generate the briefing',
};
