import { useContext } from 'react';
import { LocaleContext, type LocaleContextValue } from '../utils/LocaleContext.ts';

/** The current language, its switch, and `t` for messages. */
export function useI18n(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useI18n needs a <LocaleProvider> above it.');
  return value;
}
