import { Segmented } from 'antd';
import { useI18n } from '../hooks/useI18n.ts';
import type { Locale } from '../utils/Locale.ts';

/** 中文 | English, remembered in this browser. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      value={locale}
      onChange={setLocale}
      options={[
        // Each language named in itself, marked as such for screen readers (and the one-voice test).
        { label: <span lang="zh-CN">中文</span>, value: 'zh-CN' },
        { label: <span lang="en">English</span>, value: 'en' },
      ]}
      aria-label={t('app.language')}
      data-testid="language-switch"
    />
  );
}
