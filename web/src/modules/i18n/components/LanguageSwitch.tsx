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
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      aria-label={t('app.language')}
      data-testid="language-switch"
    />
  );
}
