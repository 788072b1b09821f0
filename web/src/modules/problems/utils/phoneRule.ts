import { isPhoneText } from '@shared/phone-text.ts';
import type { Rule } from 'antd/es/form';
import type { LocaleContextValue } from '../../i18n/utils/LocaleContext.ts';

/** The contact phone field's check, the one the API makes: empty, or a phone number. */
export function phoneRule(t: LocaleContextValue['t']): Rule {
  return {
    validator: (_rule, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || isPhoneText(value.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('problems.form.phoneInvalid'))),
  };
}
