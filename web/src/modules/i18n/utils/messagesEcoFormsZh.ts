/** Link and outcome forms, and a chain master's network on the chain map, in Chinese. */
export const messagesEcoFormsZh = {
  'ecoForms.saved': '已保存',
  'ecoForms.close': '关闭需求',
  'ecoForms.closeConfirm': '关闭后该需求不再接受对接，确定关闭？',
} as const;
