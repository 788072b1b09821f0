/**
 * Entity matching: are two enterprise records (from different imports, lists or languages) one
 * enterprise? Pure scoring; finding candidate pairs in tables and merging them is src/services.
 */
import { isValidUscc } from './uscc.ts';
import {
  HAN,
  memo,
  nameForms,
  placesConflict,
  LATIN_GENERIC,
  LATIN_PLACES,
  normalizeAddress,
} from './enterprise-names.ts';

import { matchReasonPhrase as reason } from '../shared/match-reasons.ts';

type NameForms = ReturnType<typeof nameForms>;

export { normalizeAddress, normalizeEnterpriseName } from './enterprise-names.ts';

export interface MatchRecord {
  name: string;
  nameEn?: string | null;
  address?: string | null;
  regionCode?: string | null;
  uscc?: string | null;
}

export interface MatchScore {
  /** 0..1: how likely the two records are one enterprise. */
  score: number;
  /** Short English phrases saying what the score rests on. */
  reasons: string[];
}

export type MatchDecision = 'match' | 'possible' | 'distinct';

/**
 * `merge` sits just below the score of an identical normalised name whose location does not
 * contradict it (0.95), so only evidence that strong merges unattended. `review` equals the score
 * of an identical name registered in another city (SAME_NAME_OTHER_CITY): a person should see
 * those, because region codes in imported lists are sometimes the head office's, not the site's.
 */
export const MATCH_THRESHOLDS = { merge: 0.9, review: 0.6 } as const;

const SAME_NAME_SAME_CITY = 0.97;
const SAME_NAME = 0.95;
const SAME_NAME_OTHER_CITY = 0.6;
const PLACE_VARIANT_SAME_CITY = 0.92;
const PLACE_VARIANT = 0.85;
const PLACE_VARIANT_OTHER_CITY = 0.5;
// Different cities make a fuzzy name match implausible, so such scores stay below review.
const OTHER_CITY_FACTOR = 0.55;
// A branch (分公司, 营业部, 'Branch') is not its head office's record, and two branches are two
// records: a branch and its head office go to review at most, two branches stay apart.
const BRANCH_OF_PARENT = 0.6;
const OTHER_BRANCH = 0.3;
// Names alike but for their numbers ('测试1' / '测试10', 'Pharma 3' / 'Pharma 4') are numbered
// firms or sites of one owner: like two branches, two records (only when both names have numbers:
// '第一' / '第1' is left to the similarity).
const DIFFERENT_NUMBERS = 0.3;
// A short name that abbreviates a registered name ('浦发银行' / '上海浦东发展银行股份有限公司'),
// or a registered name that keeps another's trade name and drops words ('宝安集团' / '宝安企业集团'):
// worth a person's look, never a merge, as many firms abbreviate alike.
const ABBREVIATION = 0.7;
const SHARED_TRADE_NAME = 0.6;
// Two valid, different USCCs are two legal persons, whatever the names say.
const DIFFERENT_USCC_CAP = 0.2;
// An address moves a score by at most ±ADDRESS_WEIGHT/2: addresses are noisier than names
// (registered vs operating address, spelling, abbreviations) and many firms share one building.
const ADDRESS_WEIGHT = 0.2;

// ---------------------------------------------------------------------------------------------
// Similarities

interface Bigrams {
  counts: Map<string, number>;
  size: number;
}

/** Character bigrams of `text` as a multiset (a single character stands alone). */
const bigrams = memo((text: string): Bigrams => {
  const chars = Array.from(text);
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(text, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return { counts, size: chars.length === 1 ? 1 : Math.max(chars.length - 1, 0) };
});

/** Shared bigrams of two texts with the sizes of both multisets. */
function bigramOverlap(a: string, b: string): { shared: number; sizeA: number; sizeB: number } {
  const ga = bigrams(a);
  const gb = bigrams(b);
  const [small, large] = ga.counts.size <= gb.counts.size ? [ga, gb] : [gb, ga];
  let shared = 0;
  for (const [gram, count] of small.counts) shared += Math.min(count, large.counts.get(gram) ?? 0);
  return { shared, sizeA: ga.size, sizeB: gb.size };
}

/** Sørensen–Dice coefficient over character bigrams. */
function dice(a: string, b: string): number {
  const { shared, sizeA, sizeB } = bigramOverlap(a, b);
  return sizeA + sizeB === 0 ? 0 : (2 * shared) / (sizeA + sizeB);
}

/** A Han character carries about as much as two Latin letters. */
function weight(text: string): number {
  let w = 0;
  for (const ch of text) w += HAN.test(ch) ? 2 : 1;
  return w;
}

/**
 * Similarity of two space-free names: bigram Dice, or, when the shorter is inside the longer
 * ('ozanteks tekstil' in 'ozanteks tekstil san ve tic'), at least 0.7 rising with the length ratio.
 */
function textSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const contained = weight(short) >= 4 && long.includes(short);
  const containment = contained ? 0.7 + 0.3 * (short.length / long.length) : 0;
  return Math.max(dice(a, b), containment);
}

/**
 * Similarity of two enterprise names in 0..1: half on the whole normalised names, half on the trade
 * names, so shared industry words ('Garment', '医药') alone do not make two firms alike.
 */
export function nameSimilarity(a: string, b: string): number {
  return formsSimilarity(nameForms(a), nameForms(b));
}

/** nameSimilarity on names whose forms are at hand. */
function formsSimilarity(fa: NameForms, fb: NameForms): number {
  if (fa.normalised === fb.normalised) return fa.normalised ? 1 : 0;
  const full = textSimilarity(fa.normalised, fb.normalised);
  return 0.5 * full + 0.5 * textSimilarity(fa.core, fb.core);
}

/**
 * Similarity of two addresses in 0..1: the mean of bigram Dice and the overlap coefficient, so an
 * address that adds a province or a country to the other still scores well.
 */
export function addressSimilarity(a: string, b: string): number {
  const na = normalizeAddress(a);
  const nb = normalizeAddress(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const { shared, sizeA, sizeB } = bigramOverlap(na, nb);
  const overlap = Math.min(sizeA, sizeB) === 0 ? 0 : shared / Math.min(sizeA, sizeB);
  return 0.5 * ((2 * shared) / (sizeA + sizeB)) + 0.5 * overlap;
}

// ---------------------------------------------------------------------------------------------
// Scoring

type RegionRelation = 'same-city' | 'other-city' | 'unknown';

/** Same prefecture-level city (first 4 digits), different, or not known from the codes. */
function regionRelation(a?: string | null, b?: string | null): RegionRelation {
  const ca = (a ?? '').trim();
  const cb = (b ?? '').trim();
  if (!/^\d{2,}$/.test(ca) || !/^\d{2,}$/.test(cb)) return 'unknown';
  if (ca.slice(0, 2) !== cb.slice(0, 2)) return 'other-city';
  if (ca.length < 4 || cb.length < 4) return 'unknown';
  return ca.slice(0, 4) === cb.slice(0, 4) ? 'same-city' : 'other-city';
}

const cleanUscc = (code?: string | null): string => (code ?? '').trim().toUpperCase();
const round2 = (x: number): string => x.toFixed(2);
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

interface NameEvidence {
  kind: 'same' | 'place-variant' | 'abbreviation' | 'fuzzy';
  /** Whether both names are for the firm itself or one branch ('same'), or not. */
  branch: 'same' | 'parent' | 'other';
  similarity: number;
  /** The leading place(s) one name has and the other lacks or contradicts. */
  places: string;
  /** The names open with places that cannot both hold, such as 无锡 and 苏州. */
  conflict: boolean;
  /** Both names carry numbers, and not the same ones. */
  numbersDiffer: boolean;
  english: boolean;
}

/** True when the characters of `short` appear in `long` in order ('浦发银行' in '浦东发展银行'). */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

const GROUP_WORDS = /(股份|集团|控股)$/;

/**
 * How far one name abbreviates the other, 0 when it does not: a bare short name whose characters
 * stand in order in the other's trade name, opening near its start ('首创环保' in '首创生态环保集团'),
 * or a registered name that keeps the other's first two characters and drops words from it.
 */
function abbreviation(fx: NameForms, fy: NameForms): number {
  const [s, l] = fx.places.rest.length <= fy.places.rest.length ? [fx, fy] : [fy, fx];
  const long = l.places.rest;
  if (!HAN.test(long)) return 0;
  if (s.short) {
    let short = s.places.rest;
    if (!isSubsequence(short, long)) short = short.replace(GROUP_WORDS, '');
    const opens = long.indexOf(short.charAt(0));
    const fits = short.length >= 2 && short.length < long.length && isSubsequence(short, long);
    return fits && opens >= 0 && opens <= 3 ? ABBREVIATION : 0;
  }
  // A group or listed firm known by a contraction of its trade name ('南玻集团' / '南方玻璃'):
  // the contraction, without its group word, opens the other name and stands in it in order.
  const contracted = s.places.rest.replace(GROUP_WORDS, '');
  if (
    contracted.length >= 2 &&
    contracted.length < long.length &&
    long.startsWith(contracted.charAt(0)) &&
    isSubsequence(contracted, long)
  ) {
    return ABBREVIATION;
  }
  const short = s.places.rest;
  const fits =
    !l.short &&
    short.length >= 3 &&
    short.length < long.length &&
    short.slice(0, 2) === long.slice(0, 2) &&
    isSubsequence(short, long);
  return fits ? SHARED_TRADE_NAME : 0;
}

/** Name evidence for one pair of names. */
function compareNames(x: string, y: string, english: boolean): NameEvidence {
  const fx = nameForms(x);
  const fy = nameForms(y);
  const conflict = placesConflict(fx.places, fy.places);
  const branch = fx.branch === fy.branch ? 'same' : fx.branch && fy.branch ? 'other' : 'parent';
  const numbersDiffer = fx.numbers !== '' && fy.numbers !== '' && fx.numbers !== fy.numbers;
  const base = { similarity: 1, places: '', conflict, numbersDiffer, english, branch } as const;
  if (fx.normalised && fx.normalised === fy.normalised) return { ...base, kind: 'same' };
  if (fx.normalised && fy.normalised && fx.places.rest === fy.places.rest) {
    const shown = [fx.places.text, fy.places.text].filter((t) => t.length > 0).join('/');
    return { ...base, kind: 'place-variant', places: shown };
  }
  const similarity = formsSimilarity(fx, fy);
  const abbreviated = similarity < ABBREVIATION ? abbreviation(fx, fy) : 0;
  return abbreviated > similarity
    ? { ...base, kind: 'abbreviation', similarity: abbreviated }
    : { ...base, kind: 'fuzzy', similarity };
}

/** The strongest name evidence over the Chinese and English names the two records carry. */
function nameEvidence(a: MatchRecord, b: MatchRecord): NameEvidence {
  const namesA = [a.name, a.nameEn].filter((n): n is string => !!n?.trim());
  const namesB = [b.name, b.nameEn].filter((n): n is string => !!n?.trim());
  const rank = (e: NameEvidence): number =>
    (e.kind === 'same' ? 3 : e.kind === 'place-variant' ? 2 : e.similarity) - (e.conflict ? 2 : 0);
  let best: NameEvidence | undefined;
  for (const x of namesA) {
    for (const y of namesB) {
      const evidence = compareNames(x, y, x !== a.name || y !== b.name);
      if (!best || rank(evidence) > rank(best)) best = evidence;
    }
  }
  return (
    best ?? {
      kind: 'fuzzy',
      branch: 'same',
      similarity: 0,
      places: '',
      conflict: false,
      numbersDiffer: false,
      english: false,
    }
  );
}

/** The weights scoreMatch uses; cross-validation tries others (entity-matching.osh.test.ts). */
export interface MatchWeights {
  /** How far an address moves a score: by at most ±address/2. */
  address: number;
}
export const MATCH_WEIGHTS: MatchWeights = { address: ADDRESS_WEIGHT };

/** Scores how likely two records are the same enterprise, saying why. */
export function scoreMatch(
  a: MatchRecord,
  b: MatchRecord,
  weights: MatchWeights = MATCH_WEIGHTS,
): MatchScore {
  const reasons: string[] = [];
  return { score: scorePair(a, b, weights, reasons), reasons };
}

/**
 * scoreMatch's score alone, without building its reasons: for ranking many candidates, the
 * reasons then asked of the best one only.
 */
export function matchScore(
  a: MatchRecord,
  b: MatchRecord,
  weights: MatchWeights = MATCH_WEIGHTS,
): number {
  return scorePair(a, b, weights, null);
}

/** The score of a pair; its reasons go into `reasons` unless it is null. */
function scorePair(
  a: MatchRecord,
  b: MatchRecord,
  weights: MatchWeights,
  reasons: string[] | null,
): number {
  const say = (...args: Parameters<typeof reason>) => {
    if (reasons) reasons.push(reason(...args));
  };
  const usccA = cleanUscc(a.uscc);
  const usccB = cleanUscc(b.uscc);
  if (usccA && usccA === usccB && isValidUscc(usccA)) {
    say('SAME_USCC');
    return 1;
  }
  const differentUscc = isValidUscc(usccA) && isValidUscc(usccB) && usccA !== usccB;

  const region = regionRelation(a.regionCode, b.regionCode);
  const names = nameEvidence(a, b);
  const hasAddresses = !!a.address?.trim() && !!b.address?.trim();
  const address = hasAddresses ? addressSimilarity(a.address ?? '', b.address ?? '') : null;
  const addressShift = address === null ? 0 : weights.address * (address - 0.5);
  const regionLabel = (region === 'same-city' ? (a.regionCode ?? '') : '').trim();
  const english = names.english ? '1' : undefined;

  // A name opening with another city is as telling as another region code.
  const apart = region === 'other-city' || names.conflict;
  let score: number;
  if (names.kind === 'same') {
    if (region === 'same-city') {
      // Names are registered uniquely within a registration area: the address adds nothing.
      say('SAME_NAME_IN_REGION', { english, region: regionLabel });
      score = SAME_NAME_SAME_CITY;
    } else if (region === 'other-city') {
      say('SAME_NAME_OTHER_CITIES', { english });
      score = SAME_NAME_OTHER_CITY;
    } else {
      say('SAME_NAME', { english });
      score = Math.min(SAME_NAME, SAME_NAME + addressShift);
    }
  } else if (names.kind === 'place-variant') {
    const places = names.places;
    if (apart) {
      say('PLACE_VARIANT_OTHER_CITIES', { places });
      score = PLACE_VARIANT_OTHER_CITY;
    } else if (region === 'same-city') {
      say('PLACE_VARIANT_IN_REGION', { places, region: regionLabel });
      score = PLACE_VARIANT_SAME_CITY;
    } else {
      say('PLACE_VARIANT', { places });
      score = PLACE_VARIANT + addressShift;
    }
  } else if (names.kind === 'abbreviation') {
    say('ABBREVIATION', { english });
    score = names.similarity;
    if (apart) {
      say('DIFFERENT_CITIES');
      score *= OTHER_CITY_FACTOR;
    }
  } else {
    if (reasons) say('NAME_SIMILARITY', { english, value: round2(names.similarity) });
    score = names.similarity + addressShift;
    if (apart) {
      say('DIFFERENT_CITIES');
      score *= OTHER_CITY_FACTOR;
    }
  }
  if (reasons && address !== null && !(names.kind !== 'fuzzy' && region === 'same-city')) {
    say('ADDRESS_SIMILARITY', { value: round2(address) });
  }
  if (names.branch === 'parent' && score > BRANCH_OF_PARENT) {
    say('BRANCH_OF_HEAD_OFFICE');
    score = BRANCH_OF_PARENT;
  } else if (names.branch === 'other' && score > OTHER_BRANCH) {
    say('TWO_BRANCHES');
    score = OTHER_BRANCH;
  }
  if (names.numbersDiffer && score > DIFFERENT_NUMBERS) {
    say('DIFFERENT_NUMBERS');
    score = DIFFERENT_NUMBERS;
  }
  if (differentUscc) {
    reasons?.unshift(reason('DIFFERENT_USCC'));
    score *= DIFFERENT_USCC_CAP;
  }
  return Math.round(clamp01(score) * 1000) / 1000;
}

/**
 * Whether two names are for the same branch, or both for the firm itself. Names that share a
 * normalised name (branch markers removed) but not their branch are two records: a branch and its
 * head office, or two branches ('…滨湖分公司' / '…新吴分公司').
 */
export function sameBranch(a: string, b: string): boolean {
  return nameForms(a).branch === nameForms(b).branch;
}

/** The distinct normalised names (the registry's name keys) of names as written. */
export function nameKeys(names: readonly string[]): string[] {
  return [
    ...new Set(names.map((name) => nameForms(name).normalised).filter((key) => key.length > 0)),
  ];
}

/**
 * The records a name, as people write it, refers to: those registered under exactly that name;
 * else those with the same normalised name (full-width or half-width brackets, spaces, traditional
 * characters, the legal form's spelling) for the same branch. Several records mean the name is
 * ambiguous and the caller asks for the USCC.
 */
export function recordsNamed<T extends { name: string }>(
  written: string,
  records: readonly T[],
): T[] {
  const exact = records.filter((record) => record.name === written);
  if (exact.length > 0) return exact;
  const key = nameForms(written).normalised;
  if (!key) return [];
  return records.filter(
    (record) => nameForms(record.name).normalised === key && sameBranch(record.name, written),
  );
}

/** Turns a score into a decision with MATCH_THRESHOLDS: merge, send to review, or keep apart. */
export function decideMatch(score: number): MatchDecision {
  if (score >= MATCH_THRESHOLDS.merge) return 'match';
  if (score >= MATCH_THRESHOLDS.review) return 'possible';
  return 'distinct';
}

/**
 * Short keys such that two records that may match share at least one key (for candidate generation
 * over large tables): the USCC, prefixes of the normalised and place-free names, and the trade
 * name's distinctive words.
 */
export function blockingKeys(record: MatchRecord): string[] {
  const keys = new Set<string>();
  const uscc = cleanUscc(record.uscc);
  if (isValidUscc(uscc)) keys.add(`u:${uscc}`);
  for (const name of [record.name, record.nameEn]) {
    if (!name?.trim()) continue;
    const forms = nameForms(name);
    if (!forms.normalised) continue;
    // Four Han characters or five letters: enough to be selective, short enough for variants.
    const prefix = (text: string): string =>
      Array.from(text)
        .slice(0, HAN.test(text) ? 4 : 5)
        .join('');
    keys.add(`n:${prefix(forms.normalised)}`);
    keys.add(`n:${prefix(forms.places.rest)}`);
    if (HAN.test(forms.core)) keys.add(`c:${Array.from(forms.core).slice(0, 2).join('')}`);
    for (const token of forms.tokens) {
      // Industry words and places are in too many names to narrow anything down.
      const common = LATIN_GENERIC.has(token) || LATIN_PLACES.has(token);
      if (!HAN.test(token) && token.length >= 4 && !common) keys.add(`t:${token}`);
    }
  }
  return [...keys];
}
