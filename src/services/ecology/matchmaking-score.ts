import { formatYuan } from '../../shared/format.ts';
import type { MatchDistance } from '../../shared/api/needs.ts';

// How a proposed supplier for a need is scored: pure, so each reason can be tested on its own.
// Points: an open offer for the product asked 30 (an open offer merely on the need's node 10),
// the serving node 30 (a supplier node of the buyer's node along the chain's flows 15), the
// product text 20 (a product line; the licence scope 10), the need's own words in the product
// names 20 (most of their character pairs 10; in the business scope half of that), distance
// 20/15/5, size up to 10, qualifications up to 10. The English reasons leave out the
// enterprises' own words and places (Chinese data); the Chinese ones name them.

export interface Reason {
  code: 'offer' | 'node' | 'flow' | 'product' | 'text' | 'distance' | 'size' | 'qualification';
  zh: string;
  en: string;
}

export interface SupplierFacts {
  id: number;
  regionCode: string;
  regionName: string | null;
  tags: readonly string[];
  products: readonly string[];
  businessScope: string | null;
  nodeId: number | null;
  revenueYuan: number | null;
  outputYuan: number | null;
  figureYear: number | null;
}

export interface NeedFacts {
  /** The need's product or service, as the buyer wrote it. */
  product: string;
  regionCode: string;
  /** The serving node (what makes the product). */
  nodeId: number | null;
  /** Supplier nodes of the buyer's own node, along the chain's flows. */
  flowNodeIds: ReadonlySet<number>;
  buyerNodeName: { zh: string; en: string } | null;
  /** The classifier's keywords the need's text hit, with the node whose rule they come from. */
  keywords: readonly { keyword: string; nodeName: { zh: string; en: string } }[];
  /** The need's own words (see needTerms). */
  terms: readonly NeedTerm[];
}

/** A word of the need's text and its overlapping character pairs (for words of 3+ characters). */
export interface NeedTerm {
  text: string;
  grams: readonly string[];
}

/** Share of a word's character pairs a text must hold to count as a near match. */
export const NEAR_SHARE = 0.6;

/**
 * The need's own words: its text split at anything that is not a letter or digit (NFKC,
 * lower-cased), words of one character dropped unless the need is that one character; each word
 * with its overlapping character pairs, so that 软式隐形眼镜 also finds 隐形眼镜. No word list:
 * Chinese is not segmented further, the pairs stand in for that.
 */
export function needTerms(product: string): NeedTerm[] {
  const words = [
    ...new Set(
      lower(product)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    ),
  ];
  const kept = words.length === 1 ? words : words.filter((w) => [...w].length >= 2);
  return kept.map((text) => {
    const chars = [...text];
    const grams =
      chars.length >= 3 ? [...new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`))] : [];
    return { text, grams };
  });
}

/** The best match of the need's words in a text: a whole word, else most of a word's pairs. */
export function matchTerms(
  terms: readonly NeedTerm[],
  text: string,
): { term: string; whole: boolean; pairs: number; of: number } | null {
  let best: { term: string; whole: boolean; pairs: number; of: number } | null = null;
  for (const t of terms) {
    if (text.includes(t.text)) {
      if (!best || !best.whole || t.text.length > best.term.length) {
        best = { term: t.text, whole: true, pairs: t.grams.length, of: t.grams.length };
      }
      continue;
    }
    if (best?.whole || t.grams.length < 2) continue;
    const pairs = t.grams.filter((g) => text.includes(g)).length;
    if (
      pairs / t.grams.length >= NEAR_SHARE &&
      (!best || pairs / t.grams.length > best.pairs / best.of)
    ) {
      best = { term: t.text, whole: false, pairs, of: t.grams.length };
    }
  }
  return best;
}

/**
 * How an open offer answers a need: `text` when it is for the product asked (its text names a
 * keyword the need's text hit or one of the need's own words, see namesLike; or the need's text
 * holds the offer's product), `node` when it only sits on the need's node (a vial need is not
 * answered by a lactose offer of the same node, nor by a vial-filling machine), else null.
 */
export function offerAnswers(
  need: NeedFacts,
  offer: { product: string; nodeId: number | null },
): 'text' | 'node' | null {
  const needText = lower(need.product);
  const text = lower(offer.product).trim();
  const words = [...need.keywords.map((k) => lower(k.keyword)), ...need.terms.map((t) => t.text)];
  if (
    words.some((w) => namesLike(w, needText, text) === 'names') ||
    ([...text].length >= 2 && needText.includes(text))
  ) {
    return 'text';
  }
  return need.nodeId !== null && offer.nodeId === need.nodeId ? 'node' : null;
}

/**
 * How closely a supplier fits the product asked, which ranks before the score among firms
 * equally near: `offer` an open offer for it, `product` its product names name it (a keyword the
 * need's text hit, or the need's own word whole), `none` only its node, flow, scope or most of a
 * word's pairs.
 */
export type ProductFit = 'offer' | 'product' | 'none';

/**
 * Whether `word` ends a name in `text`: at its end or before anything that is not a letter (a
 * number, a space, a bracket). Chinese names are head-final, so there it says what the thing is
 * (西林瓶 in 中硼硅玻璃管制西林瓶 10ml), inside a longer name only what it is made of or for (西林瓶 in
 * 西林瓶灌装加塞机), as the classifier reads product names.
 */
export function endsAName(word: string, text: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const next = text.slice(at + word.length).match(/^./su)?.[0];
    if (next === undefined || !/\p{L}/u.test(next)) return true;
  }
  return false;
}

/**
 * How a supplier's text holds a word of the need: `names` when it uses the word as the need does
 * (when the need ends with it, a name in the text ends with it too: 西林瓶 for a 西林瓶 need; when
 * the need uses it inside a longer name, holding it is enough: 冷链 for 医用冷链物流配送),
 * `mentions` when it holds the word only inside a longer name, else null. Texts lower-cased.
 */
export function namesLike(
  word: string,
  needText: string,
  text: string,
): 'names' | 'mentions' | null {
  if (!text.includes(word)) return null;
  return !endsAName(word, needText) || endsAName(word, text) ? 'names' : 'mentions';
}

export interface ScoredSupplier {
  score: number;
  distance: MatchDistance;
  local: boolean;
  relevant: boolean;
  fit: ProductFit;
  reasons: Reason[];
}

const QUALIFICATIONS: Record<string, { zh: string; en: string }> = {
  chain_master: { zh: '链主企业', en: 'chain master' },
  listed: { zh: '上市公司', en: 'listed' },
  high_tech: { zh: '高新技术企业', en: 'high-tech enterprise' },
  specialized_new: { zh: '专精特新', en: 'specialized and new' },
};

/** How near `regionCode` is to `home` (county codes: 6 digits, city 4, province 2). */
export function distanceOf(home: string, regionCode: string): MatchDistance {
  if (regionCode === home) return 'district';
  if (regionCode.slice(0, 4) === home.slice(0, 4)) return 'city';
  if (regionCode.slice(0, 2) === home.slice(0, 2)) return 'province';
  return 'elsewhere';
}

const DISTANCE_POINTS: Record<MatchDistance, number> = {
  district: 20,
  city: 15,
  province: 5,
  elsewhere: 0,
};

/** NFKC and lower case, as every text is compared. */
export function lower(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Scores one supplier for a need, each point with its reason. `offer` is the supplier's open
 * offer that matches the need, if any; `nodeName` names a node id.
 */
export function scoreSupplier(
  need: NeedFacts,
  supplier: SupplierFacts,
  offer: { product: string; by: 'text' | 'node' } | null,
  nodeName: (id: number) => { zh: string; en: string } | null,
): ScoredSupplier {
  const reasons: Reason[] = [];
  let score = 0;
  let relevant = false;
  if (offer) {
    // An offer on the node for another product says the firm sells on this link, not that it
    // sells what is asked: a few points, no precedence.
    score += offer.by === 'text' ? 30 : 10;
    relevant = true;
    reasons.push(
      offer.by === 'text'
        ? {
            code: 'offer',
            zh: `有对应的公开供给：${offer.product}`,
            en: `Has a matching open offer: ${offer.product}`,
          }
        : {
            code: 'offer',
            zh: `在需求所属环节有公开供给：${offer.product}`,
            en: `Has an open offer on the need's node: ${offer.product}`,
          },
    );
  }
  const placed = supplier.nodeId === null ? null : nodeName(supplier.nodeId);
  if (supplier.nodeId !== null && supplier.nodeId === need.nodeId && placed) {
    score += 30;
    relevant = true;
    reasons.push({
      code: 'node',
      zh: `确认在需求所属环节「${placed.zh}」`,
      en: `Confirmed on the need's node "${placed.en}"`,
    });
  } else if (supplier.nodeId !== null && need.flowNodeIds.has(supplier.nodeId) && placed) {
    score += 15;
    relevant = true;
    const buyer = need.buyerNodeName ?? { zh: '需求企业', en: "the buyer's node" };
    reasons.push({
      code: 'flow',
      zh: `「${placed.zh}」沿产业链供货给「${buyer.zh}」`,
      en: `"${placed.en}" supplies "${buyer.en}" along the chain's flows`,
    });
  }
  const needText = lower(need.product);
  const productText = lower(supplier.products.join(' '));
  const scopeText = lower(supplier.businessScope ?? '');
  // The product line that holds a word, quoted when it only mentions it inside a longer name.
  const lineWith = (word: string) => supplier.products.find((p) => lower(p).includes(word)) ?? '';
  const keywordHits = need.keywords.flatMap((k) => {
    const how = namesLike(lower(k.keyword), needText, productText);
    return how ? [{ ...k, how }] : [];
  });
  const inProducts = keywordHits.find((k) => k.how === 'names') ?? keywordHits[0];
  const inScope = inProducts
    ? undefined
    : need.keywords.find((k) => scopeText.includes(lower(k.keyword)));
  if (inProducts) {
    score += 20;
    relevant = true;
    reasons.push(
      inProducts.how === 'names'
        ? {
            code: 'product',
            zh: `产品含「${inProducts.keyword}」（「${inProducts.nodeName.zh}」环节词表）`,
            en: `Products include a keyword of "${inProducts.nodeName.en}"`,
          }
        : {
            code: 'product',
            zh: `产品名中提到「${inProducts.keyword}」（${lineWith(lower(inProducts.keyword))}；「${inProducts.nodeName.zh}」环节词表）`,
            en: `A product's longer name mentions a keyword of "${inProducts.nodeName.en}"`,
          },
    );
  } else if (inScope) {
    score += 10;
    relevant = true;
    reasons.push({
      code: 'product',
      zh: `经营范围含「${inScope.keyword}」（「${inScope.nodeName.zh}」环节词表）`,
      en: `Business scope includes a keyword of "${inScope.nodeName.en}"`,
    });
  }
  const textInProducts = matchTerms(need.terms, productText);
  const textInScope = textInProducts?.whole ? null : matchTerms(need.terms, scopeText);
  const text =
    textInProducts && (textInProducts.whole || !textInScope?.whole)
      ? { ...textInProducts, where: 'products' as const }
      : textInScope
        ? { ...textInScope, where: 'scope' as const }
        : null;
  // The need's word already counted as the classifier's keyword in the same text: no second time.
  const counted =
    text !== null &&
    ((text.where === 'products' ? inProducts : inScope)?.keyword ?? '').toLowerCase() === text.term;
  const textHow =
    text?.where === 'products' && text.whole ? namesLike(text.term, needText, productText) : null;
  if (text && !counted) {
    const points = (text.whole ? 20 : 10) / (text.where === 'scope' ? 2 : 1);
    score += points;
    relevant = true;
    const [zhWhere, enWhere] =
      text.where === 'products' ? ['产品名', 'Product names'] : ['经营范围', 'Business scope'];
    reasons.push(
      textHow === 'mentions'
        ? {
            code: 'text',
            zh: `产品名中提到需求词「${text.term}」（${lineWith(text.term)}）`,
            en: `A product's longer name mentions the need's own words`,
          }
        : text.whole
          ? {
              code: 'text',
              zh: `${zhWhere}含需求词「${text.term}」`,
              en: `${enWhere} contain the need's own words`,
            }
          : {
              code: 'text',
              zh: `${zhWhere}与需求词「${text.term}」相近（${text.pairs}/${text.of} 个二字组相同）`,
              en: `${enWhere} share ${text.pairs} of ${text.of} character pairs with the need's words`,
            },
    );
  }
  const distance = distanceOf(need.regionCode, supplier.regionCode);
  score += DISTANCE_POINTS[distance];
  const place = supplier.regionName ?? supplier.regionCode;
  reasons.push(
    distance === 'district'
      ? { code: 'distance', zh: `同区县（${place}）`, en: 'Same district' }
      : distance === 'city'
        ? { code: 'distance', zh: `同城（${place}）`, en: 'Same city' }
        : distance === 'province'
          ? { code: 'distance', zh: `同省（${place}）`, en: 'Same province' }
          : { code: 'distance', zh: `外省（${place}）`, en: 'Another province' },
  );
  const size = supplier.revenueYuan ?? supplier.outputYuan;
  if (size !== null && size > 0) {
    const points = size >= 1e9 ? 10 : size >= 1e8 ? 7 : size >= 1e7 ? 4 : 1;
    score += points;
    const what = supplier.revenueYuan !== null ? ['营业收入', 'revenue'] : ['产值', 'output'];
    reasons.push({
      code: 'size',
      zh: `${supplier.figureYear ?? ''} 年${what[0]} ${formatYuan(size, 'zh')}`,
      en: `${what[1]} ${formatYuan(size, 'en')} in ${supplier.figureYear ?? '—'}`,
    });
  }
  const quals = supplier.tags.flatMap((t) => (QUALIFICATIONS[t] ? [QUALIFICATIONS[t]] : []));
  if (quals.length > 0) {
    score += Math.min(10, quals.length * 4);
    reasons.push({
      code: 'qualification',
      zh: `资质：${quals.map((q) => q.zh).join('、')}`,
      en: `Qualifications: ${quals.map((q) => q.en).join(', ')}`,
    });
  }
  const namesIt = inProducts?.how === 'names' || textHow === 'names';
  return {
    score,
    distance,
    local: distance === 'district' || distance === 'city',
    relevant,
    fit: offer?.by === 'text' ? 'offer' : namesIt ? 'product' : 'none',
    reasons,
  };
}

const FIT_RANK: Record<ProductFit, number> = { offer: 0, product: 1, none: 2 };

/**
 * Local suppliers (same city) first; then those with an open offer for the product asked, then
 * those whose product names name it, then the rest; then by score, then by id.
 */
export function compareProposals(
  a: { local: boolean; fit: ProductFit; score: number; id: number },
  b: { local: boolean; fit: ProductFit; score: number; id: number },
): number {
  if (a.local !== b.local) return a.local ? -1 : 1;
  if (a.fit !== b.fit) return FIT_RANK[a.fit] - FIT_RANK[b.fit];
  if (a.score !== b.score) return b.score - a.score;
  return a.id - b.id;
}
