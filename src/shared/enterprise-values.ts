// Plain values of the enterprise contract, without zod, so the web app can import them cheaply.

/** The decisions a classification can carry. */
export const DECISIONS = ['confirmed', 'uncertain', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Tags the registry knows; imports may add others. */
export const KNOWN_TAGS = [
  'chain_master',
  'listed',
  'high_tech',
  'specialized_new',
  'foreign_invested',
  'illustrative',
] as const;
export type KnownTag = (typeof KNOWN_TAGS)[number];

/**
 * The known tags as a Chinese reader names them: in the web app and in spreadsheets for people.
 * An import reads each name back as its tag (src/domain/qualification-tags.ts).
 */
export const KNOWN_TAG_NAMES_ZH: Readonly<Record<KnownTag, string>> = {
  chain_master: '链主企业',
  listed: '上市企业',
  high_tech: '高新技术企业',
  specialized_new: '专精特新',
  foreign_invested: '外资企业',
  illustrative: '数据示意',
};

/** A tag as a Chinese reader names it: a known tag's name, any other as it was typed. */
export function tagNameZh(tag: string): string {
  return (KNOWN_TAG_NAMES_ZH as Readonly<Record<string, string>>)[tag] ?? tag;
}

/** What the enterprise list can be sorted by. */
export const ENTERPRISE_SORTS = ['name', 'foundedOn', 'latestOutput', 'region'] as const;
export type EnterpriseSort = (typeof ENTERPRISE_SORTS)[number];
