/** The languages of the interface; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';
