// The kinds and sources of links between enterprises (企业关系), plain values both the server and
// the web app need.

/** supplies 供货 · serves 服务 (CRO/CDMO for) · owns 控股 · cooperates 合作 (R&D, licensing). */
export const LINK_KINDS = ['supplies', 'serves', 'owns', 'cooperates'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Recorded by the chain office, imported from a file, or declared by the enterprise (`firm`). */
export const LINK_SOURCES = ['office', 'import', 'firm'] as const;
export type LinkSource = (typeof LINK_SOURCES)[number];

/** The kinds as written in a spreadsheet cell (Chinese or English), to the kind. */
export const LINK_KIND_WORDS: Readonly<Record<string, LinkKind>> = {
  supplies: 'supplies',
  supply: 'supplies',
  供货: 'supplies',
  供应: 'supplies',
  serves: 'serves',
  serve: 'serves',
  服务: 'serves',
  owns: 'owns',
  own: 'owns',
  控股: 'owns',
  cooperates: 'cooperates',
  cooperate: 'cooperates',
  合作: 'cooperates',
};

/**
 * The city of a region code (its first four digits: 3202 for 320214), where a chain master's
 * suppliers count as local.
 */
export function cityOf(regionCode: string): string {
  return regionCode.slice(0, 4);
}
