/** The reports area's interface texts in Chinese (they load with its pages). */
export const messagesReportsZh = {
  'reports.title': '分析报告',
  'reports.subtitle': '链长简报：目标进展、环节状态、缺链弱链、延链方向与重点企业',
  'reports.year': '年份',
  'reports.language': '语言',
  'reports.generate': '生成报告',
  'reports.downloadHtml': '下载 HTML',
  'reports.downloadMd': '下载 Markdown',
  'reports.downloadPdf': '下载 PDF',
  'reports.preview': '报告预览',
  'reports.empty': '选择地区、年份和语言，然后生成报告',
} as const;
