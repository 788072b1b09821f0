import type { Locale } from '../../i18n/utils/Locale.ts';

/**
 * The official holidays' English names, as the seeded calendar's source (chinese-days) gives
 * them beside the Chinese ones; a name an admin typed is shown as typed.
 */
const OFFICIAL_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明: 'Tomb-sweeping Day',
  清明节: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  端午: 'Dragon Boat Festival',
  端午节: 'Dragon Boat Festival',
  中秋: 'Mid-autumn Festival',
  中秋节: 'Mid-autumn Festival',
  国庆节: 'National Day',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: 'Anti-Fascist 70th Day',
};

/** A calendar day's name in the reader's language where it is an official holiday's. */
export function holidayName(name: string, locale: Locale): string {
  return locale === 'en' ? (OFFICIAL_EN[name] ?? name) : name;
}
